package io.andon.tdg.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.WhileStmt;

/**
 * Cognitive complexity of one method body, after the SonarSource specification (G. Ann Campbell,
 * "Cognitive Complexity", version 1.7):
 *
 * <ul>
 *   <li>B1, increments: {@code if}, {@code else if}, {@code else}, {@code ?:}, {@code switch},
 *       loops, {@code catch}, {@code break}/{@code continue} to a label, each sequence of like
 *       binary logical operators, and a recursive call;
 *   <li>B2, nesting: {@code if}, {@code else if}, {@code else}, {@code ?:}, {@code switch}, loops,
 *       {@code catch}, lambdas and methods of nested (anonymous or local) classes raise the nesting
 *       level of what they hold;
 *   <li>B3, nesting increments: {@code if}, {@code ?:}, {@code switch}, loops and {@code catch} add
 *       the nesting level at which they stand ({@code else} and {@code else if} do not).
 * </ul>
 *
 * <p>Logical operator sequences are read left to right with parentheses ignored, as SonarSource's
 * analyzer does: {@code a && b || c && d} is three sequences; a negation {@code !(...)} starts a
 * fresh expression. A call is recursive when it names the method itself, without a receiver or with
 * an unqualified {@code this} ({@code Outer.this.m()} calls another object's method), with as many
 * arguments as the method has parameters; without type resolution a call cannot be told from a call
 * of an overload with as many parameters, so recursion is not counted in methods that have such an
 * overload.
 */
final class Cognitive {
  private final String methodName;
  private final int arity;
  private int total;
  private int maxNesting;

  Cognitive(String methodName, int arity) {
    this.methodName = methodName;
    this.arity = arity;
  }

  int total() {
    return total;
  }

  int maxNesting() {
    return maxNesting;
  }

  private void structural(int nesting) {
    total += 1 + nesting;
    maxNesting = Math.max(maxNesting, nesting + 1);
  }

  void visit(Node node, int nesting) {
    if (node instanceof IfStmt s) {
      ifChain(s, nesting, false);
    } else if (node instanceof ForStmt
        || node instanceof ForEachStmt
        || node instanceof WhileStmt
        || node instanceof DoStmt
        || node instanceof SwitchStmt
        || node instanceof SwitchExpr
        || node instanceof ConditionalExpr) {
      structural(nesting);
      children(node, nesting + 1);
    } else if (node instanceof CatchClause) {
      structural(nesting);
      children(node, nesting + 1);
    } else if (node instanceof LambdaExpr) {
      children(node, nesting + 1);
    } else if (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
      o.getScope().ifPresent(sc -> visit(sc, nesting));
      o.getArguments().forEach(a -> visit(a, nesting));
      for (BodyDeclaration<?> member : o.getAnonymousClassBody().get()) {
        visit(member, nesting + 1);
      }
    } else if (node instanceof LocalClassDeclarationStmt
        || node instanceof LocalRecordDeclarationStmt) {
      children(node, nesting + 1);
    } else if (node instanceof BreakStmt b) {
      if (b.getLabel().isPresent()) {
        total++;
      }
    } else if (node instanceof ContinueStmt c) {
      if (c.getLabel().isPresent()) {
        total++;
      }
    } else if (node instanceof BinaryExpr b && isLogical(b)) {
      if (!isLogical(parentSkippingParentheses(b))) {
        total += sequences(b, new int[] {-1});
      }
      children(node, nesting);
    } else if (node instanceof MethodCallExpr call) {
      if (call.getNameAsString().equals(methodName)
          && (call.getScope().isEmpty()
              || call.getScope().get() instanceof ThisExpr t && t.getTypeName().isEmpty())
          && call.getArguments().size() == arity) {
        total++;
      }
      children(node, nesting);
    } else {
      children(node, nesting);
    }
  }

  private void ifChain(IfStmt s, int nesting, boolean elseIf) {
    if (elseIf) {
      total++; // hybrid: no nesting increment, but its body is nested like the if's
      maxNesting = Math.max(maxNesting, nesting + 1);
    } else {
      structural(nesting);
    }
    visit(s.getCondition(), nesting);
    visit(s.getThenStmt(), nesting + 1);
    if (s.getElseStmt().isPresent()) {
      if (s.getElseStmt().get() instanceof IfStmt next) {
        ifChain(next, nesting, true);
      } else {
        total++;
        visit(s.getElseStmt().get(), nesting + 1);
      }
    }
  }

  private void children(Node node, int nesting) {
    for (Node child : node.getChildNodes()) {
      visit(child, nesting);
    }
  }

  private static boolean isLogical(Node n) {
    return n instanceof BinaryExpr b
        && (b.getOperator() == BinaryExpr.Operator.AND
            || b.getOperator() == BinaryExpr.Operator.OR);
  }

  private static Node parentSkippingParentheses(Node n) {
    Node p = n.getParentNode().orElse(null);
    while (p instanceof EnclosedExpr) {
      p = p.getParentNode().orElse(null);
    }
    return p;
  }

  private static Expression skipParentheses(Expression e) {
    while (e instanceof EnclosedExpr en) {
      e = en.getInner();
    }
    return e;
  }

  /** Counts operator changes in the in-order sequence of logical operators; last[0] = previous. */
  private static int sequences(Expression e, int[] last) {
    e = skipParentheses(e);
    if (!isLogical(e)) {
      return 0;
    }
    BinaryExpr b = (BinaryExpr) e;
    int n = sequences(b.getLeft(), last);
    int op = b.getOperator().ordinal();
    if (op != last[0]) {
      n++;
      last[0] = op;
    }
    return n + sequences(b.getRight(), last);
  }
}
