package io.andon.tdg.source;

import io.andon.util.NativeLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * tree-sitter's runtime and the Python grammar compiled with andon (src/main/native/andontrees.c,
 * built by the build when it finds gcc) and optimised, unlike the Java binding's own library. One
 * call parses a text and returns its whole tree as an int array, so no node crosses JNI on its own;
 * the tree is then built in Java. Where the library is missing (no compiler at build time, another
 * system than linux x86-64) or the system property {@value #PROPERTY} is {@code binding},
 * tree-sitter's Java binding parses instead, with the same trees, only slower.
 */
final class NativeTrees {
  /** The system property that picks the parser: {@code binding} for the Java binding. */
  static final String PROPERTY = "andon.tdg.parser";

  private static final int HEADER = 4;
  private static final int PER_NODE = 6;
  private static final int ERROR = 0xFFFF;
  private static final int ERROR_REPEAT = 0xFFFE;

  /** The grammars the library has, by the id its functions take. */
  private static final List<String> NAMES = List.of("python");

  /** A grammar of the library with its symbol and field names. */
  private record Grammar(int id, String[] kinds, boolean[] named, String[] fields) {}

  private final Grammar grammar;

  private NativeTrees(Grammar grammar) {
    this.grammar = grammar;
  }

  /** The parser for a grammar ({@code python}) when the library is there and has it. */
  static Optional<NativeTrees> of(String name) {
    int id = NAMES.indexOf(name);
    if (id < 0 || "binding".equals(System.getProperty(PROPERTY)) || !Library.LOADED) {
      return Optional.empty();
    }
    String[] symbols = symbols(id);
    String[] kinds = new String[symbols.length];
    boolean[] named = new boolean[symbols.length];
    for (int i = 0; i < symbols.length; i++) {
      kinds[i] = symbols[i].substring(1);
      named[i] = symbols[i].charAt(0) == '+';
    }
    return Optional.of(new NativeTrees(new Grammar(id, kinds, named, fields(id))));
  }

  /** Parses the text. */
  TreeSitter.Parsed parse(String text) {
    TextOffsets.Encoded encoded = TextOffsets.encode(text);
    int[] flat = parse(grammar.id(), encoded.utf8());
    if (flat == null) {
      throw new IllegalStateException("tree-sitter could not parse the text (out of memory?)");
    }
    Build build = new Build(flat, encoded.offsets());
    SyntaxNode root = build.node();
    Optional<String> error =
        switch (flat[1]) {
          case 0 -> Optional.empty();
          case 1 -> Optional.of(encoded.offsets().position(flat[2]) + ": syntax error");
          case 2 -> Optional.of(encoded.offsets().position(flat[2]) + ": missing " + kind(flat[3]));
          default -> Optional.of("syntax error");
        };
    return new TreeSitter.Parsed(root, error);
  }

  private String kind(int symbol) {
    if (symbol == ERROR) {
      return "ERROR";
    }
    if (symbol == ERROR_REPEAT) {
      return "_ERROR";
    }
    return symbol >= 0 && symbol < grammar.kinds().length ? grammar.kinds()[symbol] : "?";
  }

  /** Builds the nodes from the flat array, in the pre-order the library wrote them. */
  private final class Build {
    final int[] flat;
    final TextOffsets offsets;
    int at = HEADER;

    Build(int[] flat, TextOffsets offsets) {
      this.flat = flat;
      this.offsets = offsets;
    }

    SyntaxNode node() {
      int i = at;
      at += PER_NODE;
      int symbol = flat[i];
      int field = flat[i + 1];
      int start = offsets.index(flat[i + 2]);
      int count = flat[i + 5];
      List<SyntaxNode> children;
      int end;
      int endLine;
      if (count == 0) {
        children = List.of();
        end = offsets.index(flat[i + 3]);
        endLine = offsets.line(Math.max(start, end - 1));
      } else {
        // as the binding's copy has it: a node ends where its last child ends (the module
        // would otherwise take in the blank lines after its last statement)
        children = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
          children.add(node());
        }
        SyntaxNode last = children.get(count - 1);
        end = last.end();
        endLine = last.endLine();
      }
      String[] fields = grammar.fields();
      return new SyntaxNode(
          kind(symbol),
          field > 0 && field < fields.length ? fields[field] : "",
          symbol >= 0 && symbol < grammar.named().length && grammar.named()[symbol],
          start,
          end,
          flat[i + 4] + 1,
          endLine,
          children);
    }
  }

  /** The library, loaded on first use. */
  private static final class Library {
    static final boolean LOADED = NativeLibrary.load(NativeTrees.class, "native/libandontrees.so");

    private Library() {}
  }

  private static native int[] parse(int grammar, byte[] utf8);

  private static native String[] symbols(int grammar);

  private static native String[] fields(int grammar);
}
