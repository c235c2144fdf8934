// Rule: each sequence of like binary logical operators adds 1; a change of operator starts a new
// sequence; parentheses are ignored; a negation starts a fresh expression. Cyclomatic counts
// every && and ||.
class Logical {
  // if +1; a && b && c one sequence +1 = 2. Cyclomatic 1 + if + 2 = 4.
  // expect same cognitive=2 cyclomatic=4 nesting=1
  boolean same(boolean a, boolean b, boolean c) {
    if (a && b && c) {
      return true;
    }
    return false;
  }

  // The specification's example: a && b && c || d || e && f: &&, ||, && = 3; with the if = 4.
  // Cyclomatic 1 + if + 5 operators = 7.
  // expect mixed cognitive=4 cyclomatic=7 nesting=1
  boolean mixed(boolean a, boolean b, boolean c, boolean d, boolean e, boolean f) {
    if (a && b && c || d || e && f) {
      return true;
    }
    return false;
  }

  // The specification's example: a && !(b && c): two sequences = 2; with the if = 3.
  // Cyclomatic 1 + if + 2 = 4.
  // expect negated cognitive=3 cyclomatic=4 nesting=1
  boolean negated(boolean a, boolean b, boolean c) {
    if (a && !(b && c)) {
      return true;
    }
    return false;
  }

  // Parentheses do not split a sequence: a && (b && c) is one; (a || b) && c is two.
  // Outside any condition the operators count as well. Cyclomatic 1 + 5 operators = 6.
  // expect grouped cognitive=3 cyclomatic=6 nesting=0
  boolean grouped(boolean a, boolean b, boolean c) {
    boolean x = a && (b && c);
    return x || (a || b) && c;
  }
}
