package io.andon.tdg.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Cyclomatic complexity as PMD 7's {@code CyclomaticComplexity} rule counts it (its {@code
 * CycloVisitor} with the default options): 1 for the method, and 1 for each {@code if}, {@code
 * while}, {@code do}, {@code for}, for-each, {@code catch}, {@code throw} and {@code ?:}; each
 * non-default {@code case} label; and each {@code &&} and {@code ||} in the condition of an {@code
 * if}, {@code while}, {@code do}, {@code for}, {@code ?:} or in a switch's selector (a {@code ?:}
 * that is itself such a condition counts 2 plus the operators of its three parts). Operators
 * elsewhere, {@code assert}, {@code else} and {@code default} do not count. Lambdas and the bodies
 * of anonymous and local classes are boundaries: what they hold counts for nobody (lambdas) or for
 * their own methods.
 */
final class PmdCyclomatic {
  private PmdCyclomatic() {}

  static int count(Optional<? extends Node> body) {
    int n = 1;
    if (body.isEmpty()) {
      return n;
    }
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(body.get());
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      n += points(node);
      if (node instanceof ObjectCreationExpr o) {
        o.getScope().ifPresent(todo::push);
        o.getArguments().forEach(todo::push);
        continue;
      }
      for (Node child : node.getChildNodes()) {
        if (!isBoundary(child)) {
          todo.push(child);
        }
      }
    }
    return n;
  }

  static boolean isBoundary(Node n) {
    return n instanceof LambdaExpr
        || n instanceof LocalClassDeclarationStmt
        || n instanceof LocalRecordDeclarationStmt;
  }

  private static int points(Node node) {
    if (node instanceof IfStmt s) {
      return 1 + booleanPaths(s.getCondition());
    }
    if (node instanceof WhileStmt s) {
      return 1 + booleanPaths(s.getCondition());
    }
    if (node instanceof DoStmt s) {
      return 1 + booleanPaths(s.getCondition());
    }
    if (node instanceof ForStmt s) {
      return 1 + s.getCompare().map(PmdCyclomatic::booleanPaths).orElse(0);
    }
    if (node instanceof ConditionalExpr c) {
      return 1 + booleanPaths(c.getCondition());
    }
    if (node instanceof ForEachStmt || node instanceof CatchClause || node instanceof ThrowStmt) {
      return 1;
    }
    if (node instanceof SwitchStmt s) {
      return booleanPaths(s.getSelector()) + cases(s.getEntries());
    }
    if (node instanceof SwitchExpr s) {
      return booleanPaths(s.getSelector()) + cases(s.getEntries());
    }
    return 0;
  }

  /** PMD's alternatives: the expression labels of each non-default case (patterns are not). */
  private static int cases(List<SwitchEntry> entries) {
    int n = 0;
    for (SwitchEntry e : entries) {
      if (!e.isDefault()) {
        n += (int) e.getLabels().stream().filter(l -> !(l instanceof PatternExpr)).count();
      }
    }
    return n;
  }

  /** PMD's {@code booleanExpressionComplexity}. */
  static int booleanPaths(Expression e) {
    while (e instanceof EnclosedExpr en) {
      e = en.getInner();
    }
    if (e instanceof ConditionalExpr c) {
      return booleanPaths(c.getCondition())
          + booleanPaths(c.getThenExpr())
          + booleanPaths(c.getElseExpr())
          + 2;
    }
    int n = 0;
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(e);
    while (!todo.isEmpty()) {
      Node node = todo.pop();
      if (node instanceof BinaryExpr b && isConditional(b)) {
        n++;
      }
      if (node instanceof ObjectCreationExpr o && o.getAnonymousClassBody().isPresent()) {
        o.getScope().ifPresent(todo::push);
        o.getArguments().forEach(todo::push);
        continue;
      }
      for (Node child : node.getChildNodes()) {
        if (!isBoundary(child)) {
          todo.push(child);
        }
      }
    }
    return n;
  }

  static boolean isConditional(BinaryExpr b) {
    return b.getOperator() == BinaryExpr.Operator.AND || b.getOperator() == BinaryExpr.Operator.OR;
  }
}
