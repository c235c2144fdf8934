// Rule: the conditional operator ?: is a structural increment (+1 plus nesting) and nests.
class Ternary {
  // ?: +1. Cyclomatic 1 + 1 = 2.
  // expect sign cognitive=1 cyclomatic=2 nesting=1
  int sign(int a) {
    return a >= 0 ? 1 : -1;
  }

  // outer ?: +1; inner ?: +1 +1 (nesting 1) = 3. Cyclomatic 1 + 2 = 3.
  // expect sign3 cognitive=3 cyclomatic=3 nesting=2
  int sign3(int a) {
    return a > 0 ? 1 : (a < 0 ? -1 : 0);
  }

  // if +1; ?: inside it +1 +1 = 3. Cyclomatic 3.
  // expect inIf cognitive=3 cyclomatic=3 nesting=2
  int inIf(int a, boolean b) {
    if (b) {
      return a > 0 ? a : -a;
    }
    return 0;
  }
}
