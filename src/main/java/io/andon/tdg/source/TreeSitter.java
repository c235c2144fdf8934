package io.andon.tdg.source;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
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
 * Parses text with a tree-sitter grammar and copies the tree into {@link SyntaxNode}s. Where andon
 * was built with its own tree-sitter library ({@link NativeTrees}: Python), a parse is one native
 * call that returns the whole tree; otherwise the Java binding parses (the native parsers ship in
 * its grammar jars) and the tree is copied node by node, one parser per thread and grammar. Every
 * call into the binding costs far more than the work it does, so that copy asks only for each
 * node's symbol, field and byte range, and works out names and lines on the Java side. The parser
 * counts offsets in UTF-8 bytes; they are mapped back to string indexes here.
 *
 * <p>The Java binding passes a node to native code by copying its fields in and out through JNI
 * field lookups, and checks it is not null with another such call, so a node costs several
 * microseconds through the public API. Where the binding's classes allow it, the copy reads a
 * node's start byte and row from the node's own fields (tree-sitter keeps them there), calls the
 * native symbol and end-byte functions without the null check, and asks for the end only of leaves
 * (a node ends where its last child ends) that are not keywords or punctuation (whose end follows
 * from their text): the calls that copy a node through JNI drop from six per node to one or two.
 */
public final class TreeSitter {
  /** The outcome of a parse: the tree, and the first syntax error when there is one. */
  public record Parsed(SyntaxNode root, Optional<String> error) {}

  /** A parser with its grammar's symbol and field names. */
  private record Grammar(TSParser parser, String[] kinds, boolean[] named, String[] fields) {}

  private final ThreadLocal<Grammar> grammar;
  private final Optional<NativeTrees> compiled;

  /** Direct access to the binding's node fields and native functions; empty if it changed. */
  private record Direct(
      VarHandle startByte, VarHandle startRow, MethodHandle symbol, MethodHandle endByte) {}

  private static final Optional<Direct> DIRECT = direct();

  private static Optional<Direct> direct() {
    try {
      MethodHandles.Lookup node =
          MethodHandles.privateLookupIn(TSNode.class, MethodHandles.lookup());
      MethodHandles.Lookup parser =
          MethodHandles.privateLookupIn(TSParser.class, MethodHandles.lookup());
      MethodType toInt = MethodType.methodType(int.class, TSNode.class);
      return Optional.of(
          new Direct(
              node.findVarHandle(TSNode.class, "context0", int.class),
              node.findVarHandle(TSNode.class, "context1", int.class),
              parser.findStatic(TSParser.class, "ts_node_symbol", toInt),
              parser.findStatic(TSParser.class, "ts_node_end_byte", toInt)));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty(); // another binding version: the public API still works
    }
  }

  /** A parser for the grammar the supplier makes, through the Java binding. */
  public TreeSitter(Supplier<TSLanguage> language) {
    this(language, Optional.empty());
  }

  /**
   * A parser for a grammar andon's own library may have ({@code python}), through that library when
   * it has it and the binding's grammar the supplier makes otherwise.
   */
  public TreeSitter(String name, Supplier<TSLanguage> language) {
    this(language, NativeTrees.of(name));
  }

  private TreeSitter(Supplier<TSLanguage> language, Optional<NativeTrees> compiled) {
    this.compiled = compiled;
    this.grammar =
        ThreadLocal.withInitial(
            () -> {
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

  /** Whether it parses through andon's own library rather than the Java binding. */
  public boolean compiled() {
    return compiled.isPresent();
  }

  /** Parses the text. */
  public Parsed parse(String text) {
    if (compiled.isPresent()) {
      return compiled.get().parse(text);
    }
    Grammar g = grammar.get();
    TSTree tree = g.parser().parseString(null, text);
    TSNode rootNode = tree.getRootNode();
    Copy copy = new Copy(g, text);
    SyntaxNode root = copy.node(new TSTreeCursor(rootNode));
    Optional<String> error =
        rootNode.hasError() ? Optional.of(firstError(rootNode, copy)) : Optional.empty();
    return new Parsed(root, error);
  }

  /** Where the first error or missing node is, for a tree that has one. */
  private static String firstError(TSNode node, Copy copy) {
    if (node.isError() || node.isMissing()) {
      return copy.offsets.position(node.getStartByte())
          + ": "
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
    final String text;
    final TextOffsets offsets;

    Copy(Grammar g, String text) {
      this.g = g;
      this.text = text;
      this.offsets = TextOffsets.of(text);
    }

    int line(int index) {
      return offsets.line(index);
    }

    int index(int byteOffset) {
      return offsets.index(byteOffset);
    }

    SyntaxNode node(TSTreeCursor c) {
      TSNode node = c.currentNode();
      int field = c.currentFieldId();
      return DIRECT.isPresent() ? direct(c, node, field, DIRECT.get()) : portable(c, node, field);
    }

    private SyntaxNode portable(TSTreeCursor c, TSNode node, int field) {
      int sym = node.getSymbol();
      int start = index(node.getStartByte());
      int end = index(node.getEndByte());
      List<SyntaxNode> children = children(c);
      return make(
          node, sym, field, start, end, line(start), line(Math.max(start, end - 1)), children);
    }

    private SyntaxNode direct(TSTreeCursor c, TSNode node, int field, Direct d) {
      int sym;
      int start = index((int) d.startByte().get(node));
      int line = (int) d.startRow().get(node) + 1;
      try {
        sym = (int) d.symbol().invokeExact(node);
        List<SyntaxNode> children = children(c);
        if (!children.isEmpty()) {
          SyntaxNode last = children.get(children.size() - 1);
          return make(node, sym, field, start, last.end(), line, last.endLine(), children);
        }
        int end =
            isLiteral(sym, start)
                ? start + g.kinds()[sym].length()
                : index((int) d.endByte().invokeExact(node));
        return make(node, sym, field, start, end, line, line(Math.max(start, end - 1)), children);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("tree-sitter call failed", e);
      }
    }

    /**
     * Whether the leaf of this symbol at {@code start} is an anonymous token whose text is its kind
     * (a keyword or punctuation: the grammar names such tokens after their literal text), so that
     * its end needs no call into the parser.
     */
    private boolean isLiteral(int sym, int start) {
      return sym >= 0
          && sym < g.kinds().length
          && !g.named()[sym]
          && text.startsWith(g.kinds()[sym], start);
    }

    private List<SyntaxNode> children(TSTreeCursor c) {
      if (!c.gotoFirstChild()) {
        return List.of();
      }
      List<SyntaxNode> children = new ArrayList<>();
      do {
        children.add(node(c));
      } while (c.gotoNextSibling());
      c.gotoParent();
      return children;
    }

    private SyntaxNode make(
        TSNode node,
        int sym,
        int field,
        int start,
        int end,
        int line,
        int endLine,
        List<SyntaxNode> children) {
      boolean known = sym >= 0 && sym < g.kinds().length;
      return new SyntaxNode(
          known ? g.kinds()[sym] : node.getType(),
          field > 0 && field < g.fields().length ? g.fields()[field] : "",
          known && g.named()[sym],
          start,
          end,
          line,
          endLine,
          children);
    }
  }
}
