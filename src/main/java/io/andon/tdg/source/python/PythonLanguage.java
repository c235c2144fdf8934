package io.andon.tdg.source.python;

import io.andon.tdg.source.Language;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import io.andon.tdg.source.SourceText;
import io.andon.tdg.source.SyntaxNode;
import io.andon.tdg.source.TreeSitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.treesitter.TreeSitterPython;

/**
 * Python scripts, packages and notebooks. Every function and method is a unit (nested functions
 * too, named {@code outer.inner}); in a notebook, the top-level code of each code cell is one more
 * unit, named {@value #TOP_LEVEL}, and every unit's line counts from its cell's first line.
 *
 * <p>Documentation: public modules, classes and functions (names not starting with {@code _};
 * methods of public classes; not nested functions) with a docstring. A notebook is documented by a
 * markdown cell.
 */
public final class PythonLanguage implements Language {
  /** The language name. */
  public static final String NAME = "python";

  /** The name of a notebook cell's top-level code as a unit. */
  public static final String TOP_LEVEL = "top-level code";

  private static final TreeSitter PARSER = new TreeSitter("python", TreeSitterPython::new);

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<String> extensions() {
    return List.of(".py", ".ipynb");
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
    String text = read.text().get();
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    int lines = (int) text.lines().count();
    String base = path.substring(path.lastIndexOf('/') + 1);
    Notebooks.Read cells =
        path.endsWith(".ipynb")
            ? Notebooks.jupyter(text)
            : Notebooks.isDatabricks(text) ? Notebooks.databricks(text) : null;
    if (cells instanceof Notebooks.Invalid invalid) {
      return SourceFile.ungraded(path, NAME, hash, lines, invalid.reason());
    }
    Units units = new Units();
    try {
      if (cells instanceof Notebooks.Cells nb) {
        int code = 0;
        boolean markdown = false;
        for (Notebooks.Cell cell : nb.cells()) {
          markdown |= cell.kind() == Notebooks.Kind.MARKDOWN;
          if (cell.kind() == Notebooks.Kind.CODE) {
            code += (int) cell.text().lines().count();
            Optional<String> error = measure(cell.text(), cell.number(), units);
            if (error.isPresent()) {
              return SourceFile.ungraded(
                  path,
                  NAME,
                  hash,
                  lines,
                  "does not parse as Python: cell " + cell.number() + ", " + error.get());
            }
          }
        }
        units.api++;
        if (markdown) {
          units.documented++;
        } else {
          units.missing.add(0, base + " (no markdown cell)");
        }
        lines = code;
      } else {
        Optional<String> error = measure(text, 0, units);
        if (error.isPresent()) {
          return SourceFile.ungraded(
              path, NAME, hash, lines, "does not parse as Python: " + error.get());
        }
        if (!base.startsWith("_")) {
          units.api++;
          if (units.moduleDoc) {
            units.documented++;
          } else {
            units.missing.add(0, base.substring(0, base.length() - 3));
          }
        }
      }
    } catch (StackOverflowError e) {
      return SourceFile.ungraded(path, NAME, hash, lines, "nested too deeply to measure");
    }
    return new SourceFile(
        path,
        NAME,
        hash,
        lines,
        units.methods,
        units.api,
        units.documented,
        units.missing,
        Optional.empty());
  }

  /** What one file yields. */
  private static final class Units {
    final List<MethodMetrics> methods = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    int api;
    int documented;
    boolean moduleDoc;
  }

  /** Measures one module or cell; the syntax error when it does not parse. */
  private static Optional<String> measure(String text, int cell, Units out) {
    // a form feed is whitespace to Python (the standard library uses it) but not to the grammar
    String source = text.replace('\f', ' ');
    TreeSitter.Parsed parsed = PARSER.parse(source);
    if (parsed.error().isPresent()) {
      return parsed.error();
    }
    SyntaxNode module = parsed.root();
    out.moduleDoc |= cell == 0 && docstring(module);
    List<SyntaxNode> topLevel = new ArrayList<>();
    for (SyntaxNode s : module.children()) {
      Optional<SyntaxNode> def = definition(s);
      if (def.isPresent()) {
        unit(def.get(), "", true, false, source, cell, out);
      } else if (s.named()
          && !s.kind().equals("comment")
          && !s.kind().equals("import_statement")
          && !s.kind().equals("import_from_statement")) {
        topLevel.add(s);
        nested(s, "", true, false, source, cell, out); // if TYPE_CHECKING: class ...
      }
    }
    if (cell > 0 && !topLevel.isEmpty()) {
      int cyclomatic = 1;
      for (SyntaxNode s : topLevel) {
        cyclomatic += RadonCyclomatic.points(s);
      }
      int[] cognitive = PythonCognitive.ofStatements(topLevel, source);
      SyntaxNode first = topLevel.get(0);
      SyntaxNode last = topLevel.get(topLevel.size() - 1);
      out.methods.add(
          new MethodMetrics(
              TOP_LEVEL,
              first.line(),
              cyclomatic,
              cognitive[0],
              cognitive[1],
              last.endLine() - first.line() + 1,
              0,
              cell));
    }
    return Optional.empty();
  }

  /** The function or class a statement defines, through its decorators. */
  private static Optional<SyntaxNode> definition(SyntaxNode s) {
    if (s.kind().equals("function_definition") || s.kind().equals("class_definition")) {
      return Optional.of(s);
    }
    if (s.kind().equals("decorated_definition")) {
      return s.child("definition");
    }
    return Optional.empty();
  }

  /**
   * Measures a function (and the functions in it) or a class's methods.
   *
   * @param prefix the enclosing names with a trailing dot
   * @param api whether it can be public API (module level, or in a public class)
   * @param inClass whether it is directly in a class (a method)
   */
  private static void unit(
      SyntaxNode def,
      String prefix,
      boolean api,
      boolean inClass,
      String source,
      int cell,
      Units out) {
    String name = def.child("name").map(n -> n.text(source)).orElse("?");
    boolean isPublic = api && !name.startsWith("_");
    if (isPublic) {
      out.api++;
      if (def.child("body").map(PythonLanguage::docstring).orElse(false)) {
        out.documented++;
      } else {
        out.missing.add(prefix + name);
      }
    }
    Optional<SyntaxNode> body = def.child("body");
    if (def.kind().equals("class_definition")) {
      body.ifPresent(b -> nested(b, prefix + name + ".", isPublic, true, source, cell, out));
      return;
    }
    int cyclomatic = 1 + body.map(RadonCyclomatic::points).orElse(0);
    int[] cognitive = PythonCognitive.ofFunction(def, inClass, source);
    int params =
        def.child("parameters")
            .map(
                p ->
                    (int)
                        p.children().stream()
                            .filter(
                                c ->
                                    c.named()
                                        && !c.kind().equals("comment")
                                        && !c.kind().equals("keyword_separator")
                                        && !c.kind().equals("positional_separator"))
                            .count())
            .orElse(0);
    out.methods.add(
        new MethodMetrics(
            prefix + name,
            def.line(),
            cyclomatic,
            cognitive[0],
            cognitive[1],
            def.endLine() - def.line() + 1,
            params,
            cell));
    body.ifPresent(b -> nested(b, prefix + name + ".", false, false, source, cell, out));
  }

  /**
   * Units defined anywhere under {@code node}, outside the nested units themselves; definitions
   * under {@code if} or {@code try} at module or class level keep that level's api and method
   * standing.
   */
  private static void nested(
      SyntaxNode node,
      String prefix,
      boolean api,
      boolean inClass,
      String source,
      int cell,
      Units out) {
    for (SyntaxNode c : node.children()) {
      Optional<SyntaxNode> def = definition(c);
      if (def.isPresent()) {
        unit(def.get(), prefix, api, inClass, source, cell, out);
      } else {
        nested(c, prefix, api, inClass, source, cell, out);
      }
    }
  }

  /** Whether a module or block starts with a string statement. */
  private static boolean docstring(SyntaxNode block) {
    for (SyntaxNode s : block.children()) {
      if (!s.named() || s.kind().equals("comment")) {
        continue;
      }
      return s.kind().equals("expression_statement")
          && s.children().size() == 1
          && s.children().get(0).kind().equals("string");
    }
    return false;
  }
}
