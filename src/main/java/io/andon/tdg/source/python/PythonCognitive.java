package io.andon.tdg.source.python;

import io.andon.tdg.source.LogicalSequences;
import io.andon.tdg.source.SyntaxNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Cognitive complexity of Python code after the SonarSource specification, as SonarPython's {@code
 * CognitiveComplexityVisitor} applies it:
 *
 * <ul>
 *   <li>+1 plus the nesting level: {@code if}, {@code for}, {@code while}, each {@code except}, a
 *       conditional expression (whose parts are then one level deeper);
 *   <li>+1 without nesting: {@code elif}, {@code else} (of {@code if}, loops and {@code try}), each
 *       sequence of like boolean operators read left to right ({@code a and b or c} is 2;
 *       parentheses and {@code not} start a new expression), and a recursive call (the
 *       specification's rule, which SonarPython leaves out): a call of the function's own name, or
 *       of {@code self.name} / {@code cls.name} in a method;
 *   <li>nesting: the statements under {@code if}, {@code elif}, {@code else}, loops, {@code except}
 *       and {@code case} are one level deeper; those of {@code try}, {@code finally} and {@code
 *       with} are not; a nested function is one level deeper than where it stands (at the same
 *       level when its parent holds nothing but it and a {@code return} of a name, as a decorator
 *       does), and its complexity counts towards the function around it; a class starts again at 0;
 *   <li>lambdas, comprehensions, {@code match} and {@code with} add nothing themselves (what they
 *       hold counts).
 * </ul>
 */
public final class PythonCognitive {
  private static final Set<String> FLAT_BLOCK_PARENTS =
      Set.of(
          "try_statement",
          "finally_clause",
          "class_definition",
          "function_definition",
          "with_statement",
          "match_statement",
          "module");

  private final String name;
  private final boolean method;
  private final String source;
  private int total;
  private int maxNesting;

  /** The kind of the node whose children are being visited. */
  private String parentKind = "module";

  private PythonCognitive(String name, boolean method, String source) {
    this.name = name;
    this.method = method;
    this.source = source;
  }

  /** The complexity and deepest nesting of a function definition. */
  static int[] ofFunction(SyntaxNode def, boolean method, String source) {
    String name = def.child("name").map(n -> n.text(source)).orElse("");
    PythonCognitive c = new PythonCognitive(name, method, source);
    def.child("body").ifPresent(b -> c.visit(b, 0, def));
    return new int[] {c.total, c.maxNesting};
  }

  /** The complexity and deepest nesting of top-level statements (a notebook cell's code). */
  static int[] ofStatements(List<SyntaxNode> statements, String source) {
    PythonCognitive c = new PythonCognitive("", false, source);
    for (SyntaxNode s : statements) {
      c.visit(s, 0, null);
    }
    return new int[] {c.total, c.maxNesting};
  }

  private void structural(int level) {
    total += 1 + level;
    maxNesting = Math.max(maxNesting, level + 1);
  }

  /**
   * @param function the innermost function definition around the node; null at module level or
   *     directly in a class
   */
  private void visit(SyntaxNode node, int level, SyntaxNode function) {
    switch (node.kind()) {
      case "if_statement",
          "for_statement",
          "while_statement",
          "except_clause",
          "except_group_clause" ->
          structural(level);
      case "elif_clause", "else_clause" -> total++;
      case "conditional_expression" -> {
        structural(level);
        children(node, level + 1, function);
        return;
      }
      case "boolean_operator" -> {
        if (!parentKind.equals("boolean_operator")) { // else counted with its parent
          total += LogicalSequences.count(node, PythonCognitive::isBoolean);
        }
      }
      case "call" -> recursion(node);
      case "block" -> {
        children(node, FLAT_BLOCK_PARENTS.contains(parentKind) ? level : level + 1, function);
        return;
      }
      case "function_definition" -> {
        int nested = function == null ? 0 : isWrapper(function, node) ? level : level + 1;
        node.child("body").ifPresent(b -> visitBlockOf(node, b, nested, node));
        return;
      }
      case "class_definition" -> {
        node.child("body").ifPresent(b -> visitBlockOf(node, b, 0, null));
        return;
      }
      default -> {}
    }
    children(node, level, function);
  }

  private void visitBlockOf(SyntaxNode owner, SyntaxNode block, int level, SyntaxNode function) {
    String saved = parentKind;
    parentKind = owner.kind();
    visit(block, level, function);
    parentKind = saved;
  }

  private void children(SyntaxNode node, int level, SyntaxNode function) {
    String saved = parentKind;
    parentKind = node.kind();
    List<SyntaxNode> children = node.children();
    for (int i = 0, n = children.size(); i < n; i++) { // no iterator: this runs on every node
      visit(children.get(i), level, function);
    }
    parentKind = saved;
  }

  private static boolean isBoolean(SyntaxNode n) {
    return n != null && n.kind().equals("boolean_operator");
  }

  private void recursion(SyntaxNode call) {
    Optional<SyntaxNode> fn = call.child("function");
    if (fn.isEmpty() || name.isEmpty()) {
      return;
    }
    SyntaxNode f = fn.get();
    if (!method && f.kind().equals("identifier") && f.hasText(source, name)) {
      total++;
    } else if (method && f.kind().equals("attribute")) {
      boolean onSelf =
          f.child("object")
              .map(o -> o.hasText(source, "self") || o.hasText(source, "cls"))
              .orElse(false);
      if (onSelf && f.child("attribute").map(a -> a.hasText(source, name)).orElse(false)) {
        total++;
      }
    }
  }

  /** A function whose body holds only {@code inner} and returns of a plain name. */
  private static boolean isWrapper(SyntaxNode function, SyntaxNode inner) {
    Optional<SyntaxNode> body = function.child("body");
    if (body.isEmpty()) {
      return false;
    }
    for (SyntaxNode s : body.get().children()) {
      if (!s.named()
          || s.kind().equals("comment")
          || s == inner
          || s.kind().equals("decorated_definition") && s.children().contains(inner)) {
        continue;
      }
      boolean simpleReturn =
          s.kind().equals("return_statement")
              && s.children().stream().filter(SyntaxNode::named).count() == 1
              && s.children().stream()
                  .filter(SyntaxNode::named)
                  .findFirst()
                  .map(e -> e.kind().equals("identifier"))
                  .orElse(false);
      if (!simpleReturn) {
        return false;
      }
    }
    return true;
  }
}
