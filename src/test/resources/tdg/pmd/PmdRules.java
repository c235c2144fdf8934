package fixtures;

import java.util.List;
import java.util.function.Supplier;

/** One method per counting rule of PMD 7; PMD's numbers are in expected.csv. */
abstract class PmdRules {
  private PmdRules next;
  private int depth;

  // a throw is a decision point for PMD's cyclomatic count
  int throwsCount(int x) {
    if (x < 0) {
      throw new IllegalArgumentException("negative");
    }
    throw new IllegalStateException("always");
  }

  // && and || count in conditions only, not in a returned expression
  boolean operatorsOutsideConditions(boolean a, boolean b, boolean c) {
    boolean d = a && b || c;
    if (a && b) {
      return d;
    }
    return a || c && d;
  }

  // a ?: that is an if's condition counts 2 plus the operators of its three parts
  int ternaryAsCondition(boolean a, boolean b, boolean c) {
    if (a ? b && c : c) {
      return 1;
    }
    return a ? 2 : 3;
  }

  // a switch expression: each label counts for cyclomatic, nothing for cognitive
  int switchExpression(int day) {
    return switch (day) {
      case 1, 7 -> 0;
      case 2 -> 1;
      default -> {
        if (day > 10) {
          yield -1;
        }
        yield 2;
      }
    };
  }

  // a switch statement is a structural increment; each label a cyclomatic point
  int switchStatement(int day, boolean a, boolean b) {
    int r = 0;
    switch (a && b ? day : -day) {
      case 1:
      case 2:
        r = 1;
        break;
      case 3:
        r = 2;
        break;
      default:
        r = 3;
    }
    return r;
  }

  // decision points inside a lambda are not the method's cyclomatic; they are its cognitive
  Supplier<Integer> lambda(List<Integer> xs) {
    return () -> {
      int n = 0;
      for (int x : xs) {
        if (x > 0 && x < 10) {
          n++;
        }
      }
      return n;
    };
  }

  // an anonymous class's method is a method of its own; the holder's cognitive includes it
  Runnable anonymous(boolean a) {
    if (a) {
      return null;
    }
    return new Runnable() {
      @Override
      public void run() {
        if (depth > 0) {
          depth--;
        }
      }
    };
  }

  // a class declared in an anonymous class nests its methods one level more
  Object classInAnonymous() {
    return new Object() {
      class Inner {
        int sign(int x) {
          if (x > 0) {
            return 1;
          }
          return 0;
        }
      }
    };
  }

  // a local class's method likewise
  int localClass(int n) {
    class Counter {
      int count(int k) {
        return k > 0 ? k : 0;
      }
    }
    return new Counter().count(n);
  }

  // a method without a body has cyclomatic 1
  abstract void bodiless();

  // every else if nests the next branch one level deeper
  int elseIfChain(int a, int b) {
    if (a == 1) {
      return 1;
    } else if (a == 2) {
      return 2;
    } else if (a == 3) {
      if (b == 0) {
        return 0;
      }
      return 3;
    } else {
      return 4;
    }
  }

  // an if written as the branch of another if, without braces, is taken for an else if
  int ifWithoutBraces(int a, int b) {
    if (a > 0)
      if (b > 0)
        return 1;
    return 0;
  }

  // operators are read in a walk that visits an operator before its operands
  boolean booleanSequences(boolean a, boolean b, boolean c, boolean d) {
    if (a && b || c && d) {
      return true;
    }
    return a || b && !(c || d);
  }

  // a run of operators continues across the arguments of one statement
  boolean runAcrossArguments(boolean a, boolean b, boolean c, boolean d) {
    return both(a && b, c && d);
  }

  private static boolean both(boolean x, boolean y) {
    return x && y;
  }

  // recursion: a call of the method itself, on this or on a field of the same type
  int recursion(int n) {
    if (n <= 0) {
      return 0;
    }
    if (next != null) {
      return next.recursion(n - 1);
    }
    return this.recursion(n - 1) + recursion(n - 2);
  }

  // labelled break and continue add 1; assert adds nothing
  int jumps(int[][] grid) {
    int found = 0;
    outer:
    for (int[] row : grid) {
      for (int v : row) {
        assert v >= 0 && v < 100;
        if (v == 0) {
          continue outer;
        }
        if (v < 0) {
          break outer;
        }
        found++;
      }
    }
    return found;
  }

  // catch and do-while are decision points; a for without a condition counts 1
  int loopsAndCatch(int n) {
    int i = 0;
    do {
      i++;
    } while (i < n && i < 100);
    for (;;) {
      try {
        return Integer.parseInt("" + i);
      } catch (NumberFormatException e) {
        i--;
      }
    }
  }

  // constructors are measured like methods
  PmdRules(int depth) {
    this.depth = depth > 0 ? depth : 0;
  }

  // a catch parameter's declared type tells this call is of the other overload, not recursion
  int catchArgument(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return catchArgument(e);
    }
  }

  int catchArgument(RuntimeException e) {
    return e.getMessage().length();
  }

  interface Shape {
    // an interface method has cyclomatic 1
    double area();

    default boolean large() {
      return area() > 100 || area() < -100;
    }
  }

  @interface Tag {
    String value() default "";
  }
}
