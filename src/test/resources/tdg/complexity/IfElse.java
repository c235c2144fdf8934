// Rule B1/B3: if adds 1 plus its nesting level; else if and else add 1 each, no nesting increment.
// Each "expect" line is derived by hand from the SonarSource specification (version 1.7).
class IfElse {
  // if: +1 (nesting 0). Cyclomatic 1 + 1 if = 2.
  // expect plainIf cognitive=1 cyclomatic=2 nesting=1
  int plainIf(int a) {
    if (a > 0) {
      return 1;
    }
    return 0;
  }

  // if +1, else if +1, else +1 = 3. Cyclomatic 1 + 2 ifs = 3.
  // expect chain cognitive=3 cyclomatic=3 nesting=1
  int chain(int a) {
    if (a > 0) {
      return 1;
    } else if (a < 0) {
      return -1;
    } else {
      return 0;
    }
  }

  // outer if +1; inner if +1 +1 (nesting 1) = 3. Cyclomatic 3.
  // expect nested cognitive=3 cyclomatic=3 nesting=2
  int nested(int a, int b) {
    if (a > 0) {
      if (b > 0) {
        return 1;
      }
    }
    return 0;
  }

  // if +1, else if +1, inside the else-if body an if at nesting 1: +2; else +1 = 5.
  // Cyclomatic 1 + 3 ifs = 4.
  // expect insideElseIf cognitive=5 cyclomatic=4 nesting=2
  int insideElseIf(int a, int b) {
    if (a > 0) {
      return 1;
    } else if (a < 0) {
      if (b > 0) {
        return 2;
      }
      return -1;
    } else {
      return 0;
    }
  }

  // Straight-line code: cognitive 0, cyclomatic 1.
  // expect straight cognitive=0 cyclomatic=1 nesting=0
  int straight(int a) {
    int b = a * 2;
    return b + 1;
  }
}
