package io.andon.tdg.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.treesitter.TSLanguage;
import org.treesitter.TSNode;
import org.treesitter.TSParser;
import org.treesitter.TSSymbolType;
import org.treesitter.TSTree;
import org.treesitter.TSTreeCursor;

/**
 * Parses text with a tree-sitter grammar (the native parsers ship in the grammar jars) and copies
 * the tree into {@link SyntaxNode}s. One parser per thread and grammar. Every call into the
 * native library costs far more than the work it does, so the copy asks only for each node's
 * symbol, field and byte range, and works out names and lines on the Java side. The parser counts
 * offsets in UTF-8 bytes; they are mapped back to string indexes here.
 */
public final class TreeSitter {
  /** The outcome of a parse: the tree, and the first syntax error when there is one. */
  public record Parsed(SyntaxNode root, Optional<String> error) {}

  /** A parser with its grammar's symbol and field names. */
  private record Grammar(TSParser parser, String[] kinds, boolean[] named, String[] fields) {}

  private final ThreadLocal<Grammar> grammar;

  /** A parser for the grammar the supplier makes. */
  public TreeSitter(Supplier<TSLanguage> language) {
    this.grammar = ThreadLocal.withInitial(() -> {
      TSLanguage l = language.get();
      TSParser p = new TSParser();
      p.setLanguage(l);
      String[] kinds = new String[l.symbolCount()];
      boolean[] named = new boolean[kinds.length];
      for (int i = 0; i < kinds.length; i++) {
        kinds[i] = l.symbolName(i);
        named[i] = l.symbolType(i) == TSSymbolType.TSSymbolTypeRegular;
      }
      String[] fields = new String[l.fieldCount() + 1];
      Arrays.fill(fields, "");
      for (int i = 1; i < fields.length; i++) {
        String f = l.fieldNameForId(i);
        fields[i] = f == null ? "" : f;
      }
      return new Grammar(p, kinds, named, fields);
    });
  }

  /** Parses the text. */
  public Parsed parse(String text) {
    Grammar g = grammar.get();
    TSTree tree = g.parser().parseString(null, text);
    TSNode rootNode = tree.getRootNode();
    Copy copy = new Copy(g, text);
    SyntaxNode root = copy.node(new TSTreeCursor(rootNode));
    Optional<String> error = rootNode.hasError() ? Optional.of(firstError(rootNode, copy))
        : Optional.empty();
    return new Parsed(root, error);
  }

  /** Where the first error or missing node is, for a tree that has one. */
  private static String firstError(TSNode node, Copy copy) {
    if (node.isError() || node.isMissing()) {
      int at = copy.charAt[Math.min(node.getStartByte(), copy.charAt.length - 1)];
      int line = copy.line(at);
      int column = at - copy.lineStarts[line - 1] + 1;
      return "line " + line + ", column " + column + ": "
          + (node.isMissing() ? "missing " + node.getType() : "syntax error");
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      TSNode c = node.getChild(i);
      if (c.hasError()) {
        return firstError(c, copy);
      }
    }
    return "syntax error";
  }

  /** One copy of a tree, with the text's offset and line tables. */
  private static final class Copy {
    final Grammar g;
    final int[] charAt;
    final int[] lineStarts;

    Copy(Grammar g, String text) {
      this.g = g;
      this.charAt = byteToChar(text);
      int lines = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          lines++;
        }
      }
      lineStarts = new int[lines];
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          lineStarts[n++] = i + 1;
        }
      }
    }

    /** The 1-based line of a string index. */
    int line(int index) {
      int i = Arrays.binarySearch(lineStarts, index);
      return i >= 0 ? i + 1 : -i - 1;
    }

    SyntaxNode node(TSTreeCursor c) {
      TSNode node = c.currentNode();
      int field = c.currentFieldId();
      int sym = node.getSymbol();
      int start = charAt[Math.min(node.getStartByte(), charAt.length - 1)];
      int end = charAt[Math.min(node.getEndByte(), charAt.length - 1)];
      List<SyntaxNode> children = List.of();
      if (c.gotoFirstChild()) {
        children = new ArrayList<>();
        do {
          children.add(node(c));
        } while (c.gotoNextSibling());
        c.gotoParent();
      }
      boolean known = sym >= 0 && sym < g.kinds().length;
      return new SyntaxNode(known ? g.kinds()[sym] : node.getType(),
          field > 0 && field < g.fields().length ? g.fields()[field] : "",
          known && g.named()[sym], start, end, line(start),
          line(Math.max(start, end - 1)), children);
    }
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
