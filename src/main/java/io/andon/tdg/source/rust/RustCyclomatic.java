package io.andon.tdg.source.rust;

import io.andon.tdg.source.SyntaxNode;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Decision points of a Rust function body: {@code if} (an {@code else if} is an {@code if} of its
 * own), each {@code match} arm except a catch-all {@code _} arm, {@code for}, {@code while}, {@code
 * loop}, each {@code ?} and each {@code &&} / {@code ||}. Closures count towards the function
 * around them; nested {@code fn} items are left to their own count.
 */
final class RustCyclomatic {
  private RustCyclomatic() {}

  static int points(SyntaxNode body) {
    int n = 0;
    Deque<SyntaxNode> todo = new ArrayDeque<>();
    todo.push(body);
    while (!todo.isEmpty()) {
      SyntaxNode x = todo.pop();
      n +=
          switch (x.kind()) {
            case "if_expression",
                "for_expression",
                "while_expression",
                "loop_expression",
                "try_expression" ->
                1;
            case "match_arm" ->
                x.child("pattern").map(RustCyclomatic::isCatchAll).orElse(false) ? 0 : 1;
            case "binary_expression" -> RustCognitive.isLogical(x) ? 1 : 0;
            default -> 0;
          };
      for (SyntaxNode c : x.children()) {
        if (!c.kind().equals("function_item")) {
          todo.push(c);
        }
      }
    }
    return n;
  }

  /** {@code _} with no guard. */
  private static boolean isCatchAll(SyntaxNode pattern) {
    return pattern.children().stream().noneMatch(SyntaxNode::named)
        && pattern.children().stream().noneMatch(c -> c.kind().equals("if"));
  }
}
