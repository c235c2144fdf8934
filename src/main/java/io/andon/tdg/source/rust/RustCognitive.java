package io.andon.tdg.source.rust;

import io.andon.tdg.source.LogicalSequences;
import io.andon.tdg.source.SyntaxNode;
import java.util.Optional;

/**
 * Cognitive complexity of a Rust function after the SonarSource specification:
 *
 * <ul>
 *   <li>+1 plus the nesting level: {@code if} (not {@code else if}), {@code match}, {@code for},
 *       {@code while}, {@code loop};
 *   <li>+1: {@code else if}, {@code else}, each sequence of like boolean operators ({@code a && b
 *       || c} is 2; parentheses start afresh), {@code break} or {@code continue} to a label, and a
 *       recursive call (the function's own name, {@code Self::name} or {@code self.name()} in a
 *       method);
 *   <li>nesting: the bodies of {@code if}, {@code else}, {@code match} arms, loops, closures and
 *       nested {@code fn} items are one level deeper; a nested {@code fn}'s complexity counts
 *       towards the function around it as well;
 *   <li>{@code ?} adds nothing.
 * </ul>
 */
final class RustCognitive {
  private final String name;
  private final String source;
  private int total;
  private int maxNesting;

  private RustCognitive(String name, String source) {
    this.name = name;
    this.source = source;
  }

  /** Complexity and deepest nesting of a function item. */
  static int[] of(SyntaxNode function, String source) {
    RustCognitive c =
        new RustCognitive(function.child("name").map(n -> n.text(source)).orElse(""), source);
    function.child("body").ifPresent(b -> c.visit(b, 0));
    return new int[] {c.total, c.maxNesting};
  }

  static boolean isLogical(SyntaxNode n) {
    if (!n.kind().equals("binary_expression")) {
      return false;
    }
    return n.child("operator")
        .map(o -> o.kind().equals("&&") || o.kind().equals("||"))
        .orElse(false);
  }

  private void structural(int level) {
    total += 1 + level;
    maxNesting = Math.max(maxNesting, level + 1);
  }

  private void visit(SyntaxNode node, int level) {
    switch (node.kind()) {
      case "if_expression" -> {
        structural(level);
        ifChain(node, level);
        return;
      }
      case "match_expression", "for_expression", "while_expression", "loop_expression" -> {
        structural(level);
        for (SyntaxNode c : node.children()) {
          boolean inner = c.field().equals("body");
          visit(c, inner ? level + 1 : level);
        }
        return;
      }
      case "closure_expression", "function_item" -> {
        children(node, level + 1);
        return;
      }
      case "break_expression", "continue_expression" -> {
        if (node.has("label")) {
          total++;
        }
      }
      case "binary_expression" -> {
        if (isLogical(node)) {
          total += LogicalSequences.count(node, RustCognitive::isLogical);
          operands(node, level);
          return;
        }
      }
      case "call_expression" -> recursion(node);
      default -> {}
    }
    children(node, level);
  }

  private void ifChain(SyntaxNode ifExpr, int level) {
    ifExpr.child("condition").ifPresent(c -> visit(c, level));
    ifExpr.child("consequence").ifPresent(c -> visit(c, level + 1));
    Optional<SyntaxNode> alt = ifExpr.child("alternative");
    if (alt.isEmpty()) {
      return;
    }
    total++; // else or else if
    for (SyntaxNode c : alt.get().children()) {
      if (c.kind().equals("if_expression")) {
        maxNesting = Math.max(maxNesting, level + 1);
        ifChain(c, level);
      } else {
        visit(c, level + 1);
      }
    }
  }

  /** Visits the operands of a chain of logical operators, whose sequences are counted. */
  private void operands(SyntaxNode logical, int level) {
    for (SyntaxNode c : logical.children()) {
      if (isLogical(c)) {
        operands(c, level);
      } else if (!c.field().equals("operator")) {
        visit(c, level);
      }
    }
  }

  private void children(SyntaxNode node, int level) {
    for (SyntaxNode c : node.children()) {
      visit(c, level);
    }
  }

  private void recursion(SyntaxNode call) {
    Optional<SyntaxNode> fn = call.child("function");
    if (fn.isEmpty() || name.isEmpty()) {
      return;
    }
    SyntaxNode f = fn.get();
    boolean self =
        switch (f.kind()) {
          case "identifier" -> f.text(source).equals(name);
          case "scoped_identifier" ->
              f.child("path").map(p -> p.text(source).equals("Self")).orElse(false)
                  && f.child("name").map(n -> n.text(source).equals(name)).orElse(false);
          case "field_expression" ->
              f.child("value").map(v -> v.kind().equals("self")).orElse(false)
                  && f.child("field").map(n -> n.text(source).equals(name)).orElse(false);
          default -> false;
        };
    if (self) {
      total++;
    }
  }
}
