package io.andon.tdg.source.rust;

import io.andon.tdg.source.Language;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import io.andon.tdg.source.SourceText;
import io.andon.tdg.source.SyntaxNode;
import io.andon.tdg.source.TreeSitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TreeSitterRust;

/**
 * Rust sources. Every {@code fn} with a body is a unit: free functions, methods of {@code impl}
 * blocks ({@code Type::method}), default methods of traits, functions in inline modules ({@code
 * module::f}) and nested functions ({@code outer::inner}).
 *
 * <p>Documentation: {@code pub} items (functions, structs, enums, traits, modules, constants,
 * statics, type aliases, and {@code pub} methods of inherent {@code impl} blocks) with a {@code
 * ///} or {@code /** *}{@code /} doc comment; a crate root ({@code lib.rs}, {@code main.rs}) with a
 * {@code //!} comment.
 */
public final class RustLanguage implements Language {
  /** The language name. */
  public static final String NAME = "rust";

  private static final TreeSitter PARSER = new TreeSitter(TreeSitterRust::new);
  private static final List<String> API_ITEMS =
      List.of(
          "function_item",
          "struct_item",
          "enum_item",
          "trait_item",
          "mod_item",
          "const_item",
          "static_item",
          "type_item",
          "union_item",
          "macro_definition");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".rs");
  }

  @Override
  public int rulesVersion() {
    return 1;
  }

  @Override
  public SourceFile analyze(String path, byte[] bytes) {
    SourceText read = SourceText.of(bytes);
    if (read.text().isEmpty()) {
      return read.notUtf8(path, NAME);
    }
    String hash = read.sha256();
    String source = read.text().get();
    int lines = SourceText.lines(source);
    TreeSitter.Parsed parsed = PARSER.parse(source);
    if (parsed.error().isPresent()) {
      return SourceFile.ungraded(
          path, NAME, hash, lines, "does not parse as Rust: " + parsed.error().get());
    }
    Out out = new Out(source);
    try {
      String base = path.substring(path.lastIndexOf('/') + 1);
      if (base.equals("lib.rs") || base.equals("main.rs")) {
        out.api++;
        if (parsed.root().children().stream().anyMatch(RustLanguage::isInnerDoc)) {
          out.documented++;
        } else {
          out.missing.add("crate " + path);
        }
      }
      items(parsed.root(), "", true, out);
    } catch (StackOverflowError e) {
      return SourceFile.ungraded(path, NAME, hash, lines, "nested too deeply to measure");
    }
    return new SourceFile(
        path,
        NAME,
        hash,
        lines,
        out.methods,
        out.api,
        out.documented,
        out.missing,
        Optional.empty());
  }

  private static final class Out {
    final String source;
    final List<MethodMetrics> methods = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    int api;
    int documented;

    Out(String source) {
      this.source = source;
    }
  }

  /**
   * The items of a file, module, impl or trait body.
   *
   * @param api whether {@code pub} items here are public API
   */
  private static void items(SyntaxNode container, String prefix, boolean api, Out out) {
    SyntaxNode previous = null;
    for (SyntaxNode item : container.children()) {
      if (api && API_ITEMS.contains(item.kind()) && isPub(item)) {
        String name = item.child("name").map(n -> n.text(out.source)).orElse(item.kind());
        out.api++;
        if (previous != null && isOuterDoc(previous)) {
          out.documented++;
        } else {
          out.missing.add(prefix + name);
        }
      }
      switch (item.kind()) {
        case "function_item" -> function(item, prefix, out);
        case "mod_item" ->
            item.child("body")
                .ifPresent(
                    b ->
                        items(
                            b,
                            prefix
                                + item.child("name").map(n -> n.text(out.source)).orElse("mod")
                                + "::",
                            api && isPub(item),
                            out));
        case "impl_item" ->
            item.child("body")
                .ifPresent(
                    b ->
                        items(
                            b,
                            prefix
                                + item.child("type").map(n -> n.text(out.source)).orElse("impl")
                                + "::",
                            api && item.child("trait").isEmpty(),
                            out));
        case "trait_item" ->
            item.child("body")
                .ifPresent(
                    b ->
                        items(
                            b,
                            prefix
                                + item.child("name").map(n -> n.text(out.source)).orElse("trait")
                                + "::",
                            false,
                            out));
        default -> {}
      }
      if (!item.kind().equals("attribute_item")) {
        previous = item;
      }
    }
  }

  private static void function(SyntaxNode fn, String prefix, Out out) {
    Optional<SyntaxNode> body = fn.child("body");
    if (body.isEmpty()) {
      return;
    }
    String name = prefix + fn.child("name").map(n -> n.text(out.source)).orElse("?");
    int[] cognitive = RustCognitive.of(fn, out.source);
    int params =
        fn.child("parameters")
            .map(
                p ->
                    (int)
                        p.children().stream()
                            .filter(
                                c ->
                                    c.kind().equals("parameter")
                                        || c.kind().equals("self_parameter"))
                            .count())
            .orElse(0);
    out.methods.add(
        new MethodMetrics(
            name,
            fn.line(),
            1 + RustCyclomatic.points(body.get()),
            cognitive[0],
            cognitive[1],
            fn.endLine() - fn.line() + 1,
            params));
    nested(body.get(), name + "::", out);
  }

  private static void nested(SyntaxNode node, String prefix, Out out) {
    for (SyntaxNode c : node.children()) {
      if (c.kind().equals("function_item")) {
        function(c, prefix, out);
      } else {
        nested(c, prefix, out);
      }
    }
  }

  private static boolean isPub(SyntaxNode item) {
    return item.children().stream()
        .anyMatch(c -> c.kind().equals("visibility_modifier") && c.end() - c.start() == 3);
  }

  private static boolean isOuterDoc(SyntaxNode n) {
    return (n.kind().equals("line_comment") || n.kind().equals("block_comment"))
        && n.has("outer_doc_comment_marker");
  }

  private static boolean isInnerDoc(SyntaxNode n) {
    return (n.kind().equals("line_comment") || n.kind().equals("block_comment"))
        && n.has("inner_doc_comment_marker");
  }
}
