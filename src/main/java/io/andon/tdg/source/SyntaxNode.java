package io.andon.tdg.source;

import java.util.List;
import java.util.Optional;

/**
 * A node of a concrete syntax tree read by tree-sitter, copied into Java once so that measuring it
 * makes no further native calls.
 *
 * @param kind the grammar's node type ({@code if_statement}, {@code and} for the keyword)
 * @param field the field it fills in its parent ({@code condition}); empty when none
 * @param named false for anonymous tokens (keywords, punctuation)
 * @param start offset of its first character in the parsed text
 * @param end offset after its last character
 * @param line 1-based line of its start
 * @param endLine 1-based line of its end
 * @param children its children in source order
 */
public record SyntaxNode(
    String kind,
    String field,
    boolean named,
    int start,
    int end,
    int line,
    int endLine,
    List<SyntaxNode> children) {

  /** The first child filling {@code field}. */
  public Optional<SyntaxNode> child(String fieldName) {
    for (int i = 0, n = children.size(); i < n; i++) { // no iterator: walks run on every node
      SyntaxNode c = children.get(i);
      if (c.field.equals(fieldName)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether a direct child has this kind. */
  public boolean has(String childKind) {
    for (int i = 0, n = children.size(); i < n; i++) {
      if (children.get(i).kind.equals(childKind)) {
        return true;
      }
    }
    return false;
  }

  /** The direct children of this kind. */
  public List<SyntaxNode> all(String childKind) {
    return children.stream().filter(c -> c.kind.equals(childKind)).toList();
  }

  /** Whether its text in the source it was parsed from is {@code text}, without copying it. */
  public boolean hasText(String source, String text) {
    return end - start == text.length() && source.startsWith(text, start);
  }

  /** Its text in the source it was parsed from. */
  public String text(String source) {
    return source.substring(start, end);
  }
}
