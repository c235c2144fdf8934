package io.andon.tdg.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Parses text with a tree-sitter grammar (the native parsers ship in the grammar jars) and copies
 * the tree into {@link SyntaxNode}s. One parser per thread and grammar. The parser counts
 * offsets in UTF-8 bytes; they are mapped back to string indexes here.
 */
public final class TreeSitter {
  /** The outcome of a parse: the tree, and the first syntax error when there is one. */
  public record Parsed(SyntaxNode root, Optional<String> error) {}

  private final ThreadLocal<TSParser> parser;
  private final ThreadLocal<String[]> names;

  /** A parser for the grammar the supplier makes. */
  public TreeSitter(Supplier<TSLanguage> grammar) {
    this.parser = ThreadLocal.withInitial(() -> {
      TSParser p = new TSParser();
      p.setLanguage(grammar.get());
      return p;
    });
    this.names = ThreadLocal.withInitial(() -> {
      TSLanguage l = parser.get().getLanguage();
      String[] n = new String[l.symbolCount()];
      for (int i = 0; i < n.length; i++) {
        n[i] = l.symbolName(i);
      }
      return n;
    });
  }

  /** Parses the text. */
  public Parsed parse(String text) {
    TSTree tree = parser.get().parseString(null, text);
    int[] charAt = byteToChar(text);
    TSTreeCursor cursor = new TSTreeCursor(tree.getRootNode());
    String[] error = new String[1];
    SyntaxNode root = copy(cursor, names.get(), charAt, error);
    return new Parsed(root, Optional.ofNullable(error[0]));
  }

  private static SyntaxNode copy(TSTreeCursor c, String[] names, int[] charAt, String[] error) {
    TSNode node = c.currentNode();
    String field = c.currentFieldName();
    int sym = node.getSymbol();
    String kind = sym >= 0 && sym < names.length ? names[sym] : node.getType();
    int line = node.getStartPoint().getRow() + 1;
    if (error[0] == null && (node.isError() || node.isMissing())) {
      error[0] = "line " + line + ", column " + (node.getStartPoint().getColumn() + 1) + ": "
          + (node.isMissing() ? "missing " + kind : "syntax error");
    }
    List<SyntaxNode> children = List.of();
    if (c.gotoFirstChild()) {
      children = new ArrayList<>();
      do {
        children.add(copy(c, names, charAt, error));
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    return new SyntaxNode(kind, field == null ? "" : field, node.isNamed(),
        charAt[Math.min(node.getStartByte(), charAt.length - 1)],
        charAt[Math.min(node.getEndByte(), charAt.length - 1)], line,
        node.getEndPoint().getRow() + 1, children);
  }

  /** For each offset in the UTF-8 form of the text, the string index it falls in. */
  private static int[] byteToChar(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      bytes += width(s.charAt(i));
    }
    int[] out = new int[bytes + 1];
    int b = 0;
    for (int i = 0; i < s.length(); i++) {
      int w = width(s.charAt(i));
      for (int k = 0; k < w; k++) {
        out[b++] = i;
      }
    }
    out[bytes] = s.length();
    return out;
  }

  /** UTF-8 bytes of one UTF-16 unit; each half of a surrogate pair takes 2 of the 4 bytes. */
  private static int width(char ch) {
    return ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
  }
}
