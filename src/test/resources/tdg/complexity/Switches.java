// Rule: a switch adds 1 plus nesting for the whole statement; its cases add nothing.
// Cyclomatic counts every non-default case label instead.
class Switches {
  // switch +1 = 1. Cyclomatic 1 + 3 case labels = 4.
  // expect name cognitive=1 cyclomatic=4 nesting=1
  String name(int n) {
    switch (n) {
      case 1:
        return "one";
      case 2:
        return "two";
      case 3:
        return "three";
      default:
        return "many";
    }
  }

  // switch expression +1; `case 1, 2` has two labels. Cyclomatic 1 + 3 = 4.
  // expect size cognitive=1 cyclomatic=4 nesting=1
  String size(int n) {
    return switch (n) {
      case 1, 2 -> "small";
      case 3 -> "medium";
      default -> "large";
    };
  }

  // for +1; switch inside it +1 +1 (nesting 1) = 3. Cyclomatic 1 + for + 2 labels = 4.
  // expect inLoop cognitive=3 cyclomatic=4 nesting=2
  int inLoop(int[] xs) {
    int s = 0;
    for (int x : xs) {
      switch (x) {
        case 0:
          break;
        case 1:
          s++;
          break;
        default:
          s += 2;
      }
    }
    return s;
  }
}
