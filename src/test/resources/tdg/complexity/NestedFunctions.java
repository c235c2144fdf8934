import java.util.List;
import java.util.function.IntPredicate;

// Rule: lambdas and methods of anonymous classes add no increment of their own but raise the
// nesting level of what they hold, and count towards the enclosing method.
class NestedFunctions {
  // lambda raises nesting to 1; the if inside it: +1 +1 = 2. Cyclomatic 1 + 1 = 2.
  // expect lambda cognitive=2 cyclomatic=2 nesting=2
  IntPredicate lambda() {
    return x -> {
      if (x > 0) {
        return true;
      }
      return false;
    };
  }

  // anonymous class method at nesting 1: for +2; if inside +3 = 5. Cyclomatic 1 + 2 = 3.
  // expect anonymous cognitive=5 cyclomatic=3 nesting=3
  Runnable anonymous(List<String> xs) {
    return new Runnable() {
      @Override
      public void run() {
        for (String x : xs) {
          if (x.isEmpty()) {
            System.out.println("empty");
          }
        }
      }
    };
  }
}
