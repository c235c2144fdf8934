package io.andon.tdg.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.ExpectedComplexity;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import io.andon.tdg.source.python.PythonLanguage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One Python function per complexity rule, each preceded by a {@code # cyclomatic N ..., cognitive
 * M ...} comment: cyclomatic as radon 5.1 prints it, cognitive written from the specification.
 */
class PythonComplexityRulesTest {
  static final Path RULES = Path.of("src/test/resources/tdg/python/rules/rules.py");

  static SourceFile analyze(String name, String text) {
    return new PythonLanguage().analyze(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @TestFactory
  Stream<DynamicTest> everyRuleFunctionHasTheExpectedComplexity() throws IOException {
    return ExpectedComplexity.tests(RULES, new PythonLanguage(), 20);
  }

  @Test
  void nestedFunctionsAndMethodsAreNamedAfterWhatHoldsThem() throws IOException {
    SourceFile sf = new PythonLanguage().analyze("rules.py", Files.readAllBytes(RULES));
    assertThat(sf.methods())
        .extracting(MethodMetrics::name)
        .contains("rule_nested_function.inner", "rule_decorator.wrapper", "Tree.walk");
  }

  @Test
  void docstringsOfPublicModulesClassesAndFunctionsAreCounted() {
    SourceFile sf =
        analyze(
            "pkg/model.py",
            """
        \"\"\"The model.\"\"\"


        class Model:
            \"\"\"A model.\"\"\"

            def fit(self, x):
                \"\"\"Fits.\"\"\"
                def helper():
                    return x
                return helper

            def predict(self, x):
                return x

            def _private(self):
                return 1


        def train(x):
            return x


        def _hidden():
            pass
        """);
    assertThat(sf.publicApi()).isEqualTo(5);
    assertThat(sf.documented()).isEqualTo(3);
    assertThat(sf.undocumented()).containsExactly("Model.predict", "train");
  }

  @Test
  void aFileWithASyntaxErrorIsUngradedWithTheLine() {
    SourceFile sf = analyze("bad.py", "def f(:\n    return 1\n");
    assertThat(sf.parsed()).isFalse();
    assertThat(sf.parseError().orElseThrow()).startsWith("does not parse as Python: line 1");
  }

  @Test
  void aFileInAnotherEncodingIsUngradedWithTheReason() {
    SourceFile sf =
        new PythonLanguage()
            .analyze("latin.py", "s = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(sf.parseError()).contains("not UTF-8 text; save the file as UTF-8");
  }

  @Test
  void namesAfterCharactersOutsideAsciiAreReadWhole() {
    SourceFile sf = analyze("u.py", "s = '\u00e9\uD83D\uDE00'\n\ndef f\u00fc(x):\n    return x\n");
    assertThat(sf.methods()).extracting(MethodMetrics::name).containsExactly("f\u00fc");
    assertThat(sf.methods().get(0).line()).isEqualTo(3);
  }

  @Test
  void formFeedsBetweenDefinitionsAreWhitespace() {
    SourceFile sf = analyze("ff.py", "import os\n\n\f\ndef f(x):\n    return x\n");
    assertThat(sf.parseError()).isEmpty();
    assertThat(sf.methods()).extracting(MethodMetrics::line).containsExactly(4);
  }

  @Test
  void aMissingTokenIsReportedWithItsPosition() {
    SourceFile sf = analyze("m.py", "x = (1,\n");
    assertThat(sf.parseError().orElseThrow()).matches("does not parse as Python: line \\d+.*");
  }
}
