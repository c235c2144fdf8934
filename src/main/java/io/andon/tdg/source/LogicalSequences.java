package io.andon.tdg.source;

import java.util.function.Predicate;

/**
 * The cognitive complexity specification's count for boolean operators: one per run of like
 * operators in a chain read left to right ({@code a && b || c && d} is 3). The chain follows
 * operands that are themselves logical operators; a parenthesised operand or a negation ends it.
 */
public final class LogicalSequences {
  private LogicalSequences() {}

  /**
   * The runs in the chain under {@code op}.
   *
   * @param isLogical whether a node is a logical operator whose {@code operator} field child is its
   *     token
   */
  public static int count(SyntaxNode op, Predicate<SyntaxNode> isLogical) {
    return count(op, isLogical, new String[1]);
  }

  private static int count(SyntaxNode op, Predicate<SyntaxNode> isLogical, String[] last) {
    int n = 0;
    for (SyntaxNode c : op.children()) {
      if (c.field().equals("operator")) {
        if (!c.kind().equals(last[0])) {
          n++;
          last[0] = c.kind();
        }
      } else if (isLogical.test(c)) {
        n += count(c, isLogical, last);
      }
    }
    return n;
  }
}
