// Rule: each call of the method to itself adds 1 (direct recursion).
class Recursion {
  // if +1; recursive call +1 = 2. Cyclomatic 2.
  // expect factorial cognitive=2 cyclomatic=2 nesting=1
  long factorial(int n) {
    if (n <= 1) {
      return 1;
    }
    return n * factorial(n - 1);
  }

  // A call of an overload with another arity is not recursion; this.walk(n - 1) is. Cognitive:
  // if +1, this.walk +1 = 2.
  // expect walk cognitive=2 cyclomatic=2 nesting=1
  int walk(int n) {
    if (n == 0) {
      return walk(n, 0);
    }
    return this.walk(n - 1);
  }

  int walk(int n, int depth) {
    return depth;
  }

  // An overload with as many parameters makes the call ambiguous without type resolution, so the
  // call is not counted as recursion: cognitive 0, cyclomatic 1.
  // expect describe cognitive=0 cyclomatic=1 nesting=0
  String describe(Object o) {
    return describe(String.valueOf(o));
  }

  String describe(String s) {
    return s;
  }

  class Inner {
    // Outer.this.size() calls the enclosing object's method, not this one: cognitive 0.
    // expect size cognitive=0 cyclomatic=1 nesting=0
    int size() {
      return Recursion.this.size();
    }
  }

  int size() {
    return 0;
  }
}
