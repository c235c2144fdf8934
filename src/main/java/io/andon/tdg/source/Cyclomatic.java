package io.andon.tdg.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * McCabe's cyclomatic complexity without the leading 1: one per decision point. Decision points are
 * {@code if}, {@code for}, for-each, {@code while}, {@code do}, every label of a non-default {@code
 * case} ({@code case 1, 2 ->} is two), {@code catch}, every {@code &&} and {@code ||} wherever it
 * stands, and every {@code ?:}.
 */
final class Cyclomatic {
  private Cyclomatic() {}

  static int count(Node root) {
    int n = 0;
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      n += points(node);
      for (Node child : node.getChildNodes()) {
        todo.push(child);
      }
    }
    return n;
  }

  private static int points(Node node) {
    if (node instanceof IfStmt
        || node instanceof ForStmt
        || node instanceof ForEachStmt
        || node instanceof WhileStmt
        || node instanceof DoStmt
        || node instanceof CatchClause
        || node instanceof ConditionalExpr) {
      return 1;
    }
    if (node instanceof BinaryExpr b) {
      return b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR
          ? 1
          : 0;
    }
    if (node instanceof SwitchEntry e) {
      // `case null, default ->` lists null as a label and is a default branch
      return e.isDefault() ? 0 : e.getLabels().size();
    }
    return 0;
  }
}
