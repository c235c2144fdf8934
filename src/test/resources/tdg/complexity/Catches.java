// Rule: catch adds 1 plus nesting; try and finally add nothing.
class Catches {
  // catch +1, catch +1 = 2 (try and finally free). Cyclomatic 1 + 2 catches = 3.
  // expect read cognitive=2 cyclomatic=3 nesting=1
  int read(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    } catch (RuntimeException e) {
      return -2;
    } finally {
      s = null;
    }
  }

  // if +1; catch inside it +1 +1 (nesting 1); if inside the catch +1 +2 = 6. Cyclomatic 1+2+1 = 4.
  // expect nested cognitive=6 cyclomatic=4 nesting=3
  int nested(String s, boolean b) {
    if (b) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        if (s.isEmpty()) {
          return 0;
        }
      }
    }
    return -1;
  }
}
