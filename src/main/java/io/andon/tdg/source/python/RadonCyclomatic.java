package io.andon.tdg.source.python;

import io.andon.tdg.source.SyntaxNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Decision points of Python code as radon 5.1's {@code ComplexityVisitor} counts them, read from
 * tree-sitter's Python tree:
 *
 * <ul>
 *   <li>{@code if}, {@code elif}, a conditional expression: 1 each;
 *   <li>each {@code and}/{@code or} operator (radon: the values of a BoolOp less one);
 *   <li>{@code for}, {@code while}: 1, and 1 more with an {@code else};
 *   <li>each comprehension {@code for} clause and each of its {@code if} clauses;
 *   <li>{@code try}: 1 per {@code except} handler, and 1 for its {@code else} (a {@code try} with
 *       {@code except*} handlers counts nothing: radon 5.1 does not know that statement);
 *   <li>{@code assert}: 1, and nothing inside it is counted (radon does not visit it further).
 * </ul>
 *
 * <p>{@code match}, {@code with} and lambdas add nothing (lambda bodies are counted as part of the
 * code around them), and nested function and class definitions are left to their own count.
 */
final class RadonCyclomatic {
  /** Node kinds that start a unit of their own and are not counted in the code around them. */
  static final Set<String> OWN_UNITS =
      Set.of("function_definition", "class_definition", "decorated_definition");

  private RadonCyclomatic() {}

  /** The decision points under {@code node} (itself included). */
  static int points(SyntaxNode node) {
    int n = 0;
    Deque<SyntaxNode> todo = new ArrayDeque<>();
    todo.push(node);
    while (!todo.isEmpty()) {
      SyntaxNode x = todo.pop();
      n += own(x);
      if (x.kind().equals("assert_statement")) {
        continue;
      }
      List<SyntaxNode> children = x.children();
      for (int i = 0, k = children.size(); i < k; i++) { // no iterator: this runs on every node
        SyntaxNode c = children.get(i);
        if (!OWN_UNITS.contains(c.kind())) {
          todo.push(c);
        }
      }
    }
    return n;
  }

  private static int own(SyntaxNode x) {
    return switch (x.kind()) {
      case "if_statement",
          "elif_clause",
          "conditional_expression",
          "boolean_operator",
          "for_in_clause",
          "if_clause",
          "assert_statement" ->
          1;
      case "for_statement", "while_statement" -> 1 + (x.has("else_clause") ? 1 : 0);
      case "try_statement" ->
          x.has("except_group_clause")
              ? 0
              : x.all("except_clause").size() + (x.has("else_clause") ? 1 : 0);
      default -> 0;
    };
  }
}
