package io.andon.tdg.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.source.SyntaxNode;
import io.andon.tdg.source.TreeSitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.treesitter.TreeSitterPython;

/**
 * andon's own tree-sitter library (src/main/native) against tree-sitter's Java binding: the same
 * grammar, so the same trees, node for node, and the same syntax errors.
 */
class CompiledPythonParserTest {
  private static final TreeSitter COMPILED = new TreeSitter("python", TreeSitterPython::new);
  private static final TreeSitter BINDING = new TreeSitter(TreeSitterPython::new);

  @Test
  void theBuildCompilesThePythonParserIntoAndonOnLinuxWithGcc() {
    boolean linuxX64 =
        System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
            && System.getProperty("os.arch").equals("amd64");
    boolean gcc =
        Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "gcc")));
    assertThat(COMPILED.compiled()).isEqualTo(linuxX64 && gcc);
    assertThat(BINDING.compiled()).isFalse();
  }

  @Test
  void theCompiledParserYieldsTheBindingsTreeForTheFixturesAndTheStandardLibrary()
      throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    for (String dir :
        List.of("src/test/resources/tdg/python", "src/test/resources/tdg/python-ml")) {
      try (Stream<Path> s = Files.walk(Path.of(dir))) {
        s.filter(p -> p.toString().endsWith(".py")).forEach(files::add);
      }
    }
    Path stdlib = pythonStdlib();
    for (String module : List.of("json", "email", "asyncio", "concurrent")) {
      try (Stream<Path> s = Files.walk(stdlib.resolve(module))) {
        s.filter(p -> p.toString().endsWith(".py")).sorted().forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(50);
    int nodes = 0;
    for (Path f : files) {
      String text = Files.readString(f).replace('\f', ' ');
      TreeSitter.Parsed compiled = COMPILED.parse(text);
      assertThat(compiled).as(f.toString()).isEqualTo(BINDING.parse(text));
      nodes += count(compiled.root());
    }
    assertThat(nodes).isGreaterThan(50_000);
  }

  @Test
  void textOutsideAsciiMapsToTheSameOffsetsAndLines() {
    String text =
        "# -*- coding: utf-8 -*-\r\n"
            + "def grüße(名前=\"日本語\", emoji=\"😀🎉\"):\r\n"
            + "    return f\"{名前} ✓ {emoji!r}\" if emoji else 'ü'\n"
            + "\n"
            + "class Ω:\n"
            + "    x = '\uD83D\uDE00' + \"é\"  # 😀 again\n";
    TreeSitter.Parsed compiled = COMPILED.parse(text);
    assertThat(compiled).isEqualTo(BINDING.parse(text));
    assertThat(compiled.error()).isEmpty();
    SyntaxNode function = compiled.root().children().get(1);
    assertThat(function.kind()).isEqualTo("function_definition");
    assertThat(function.child("name").orElseThrow().text(text)).isEqualTo("grüße");
    SyntaxNode klass = compiled.root().children().get(2);
    assertThat(klass.child("name").orElseThrow().text(text)).isEqualTo("Ω");
    assertThat(klass.line()).isEqualTo(5);
    assertThat(klass.endLine()).isEqualTo(6);
  }

  @Test
  void syntaxErrorsAndMissingTokensAreReportedAsTheBindingReportsThem() {
    for (String text :
        List.of(
            "def f(:\n    pass\n",
            "x = (1, 2\n",
            "if x\n    pass\n",
            "é = 'ü'\nprint(é\n",
            "class C:\n    def m(self):\n        return [x for x in]\n",
            "")) {
      TreeSitter.Parsed compiled = COMPILED.parse(text);
      assertThat(compiled).as(text).isEqualTo(BINDING.parse(text));
      assertThat(compiled.error().isPresent()).as(text).isEqualTo(!text.isEmpty());
    }
    assertThat(COMPILED.parse("def f(:\n    pass\n").error())
        .hasValue("line 1, column 7: missing )");
    assertThat(COMPILED.parse("é = 'ü'\nprint(é\n").error())
        .hasValue("line 2, column 1: syntax error");
  }

  @Test
  void theSystemPropertyAskingForTheBindingIsHonoured() {
    String before = System.getProperty("andon.tdg.parser");
    System.setProperty("andon.tdg.parser", "binding");
    try {
      assertThat(new TreeSitter("python", TreeSitterPython::new).compiled()).isFalse();
    } finally {
      if (before == null) {
        System.clearProperty("andon.tdg.parser");
      } else {
        System.setProperty("andon.tdg.parser", before);
      }
    }
  }

  private static int count(SyntaxNode n) {
    int c = 1;
    for (SyntaxNode child : n.children()) {
      c += count(child);
    }
    return c;
  }

  /** The standard library of the python3 on PATH. */
  private static Path pythonStdlib() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("python3", "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).as(out).isZero();
    return Path.of(out);
  }
}
