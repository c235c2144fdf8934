package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.source.JavaCounting;
import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One fixture source per rule of the cognitive complexity specification; each method is preceded by
 * an {@code // expect NAME cognitive=N cyclomatic=N nesting=N} comment whose numbers were derived
 * by hand (the derivation is in the comment above it) for the McCabe counting ({@code
 * java_complexity: mccabe}). PMD's numbers for the same fixtures are checked by {@link
 * PmdCountingTest}.
 */
class ComplexityRulesTest {
  static final Path FIXTURES = Path.of("src/test/resources/tdg/complexity");
  private static final Pattern EXPECT =
      Pattern.compile("// expect (\\w+) cognitive=(\\d+) cyclomatic=(\\d+) nesting=(\\d+)");

  record Expectation(
      String file, int line, String name, int cognitive, int cyclomatic, int nesting) {}

  @TestFactory
  Stream<DynamicTest> everyFixtureMethodHasTheHandDerivedComplexityWithMccabeCounting()
      throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> files = Files.list(FIXTURES)) {
      for (Path f : files.sorted().toList()) {
        byte[] bytes = Files.readAllBytes(f);
        SourceFile sf =
            JavaSourceAnalyzer.analyze(f.getFileName().toString(), bytes, JavaCounting.MCCABE);
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = EXPECT.matcher(lines.get(i));
          if (m.find()) {
            Expectation e =
                new Expectation(
                    f.getFileName().toString(),
                    i + 1,
                    m.group(1),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
            tests.add(DynamicTest.dynamicTest(e.file() + " " + e.name(), () -> check(sf, e)));
          }
        }
      }
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(20);
    return tests.stream();
  }

  private static void check(SourceFile sf, Expectation e) {
    assertThat(sf.parseError()).isEmpty();
    MethodMetrics m =
        sf.methods().stream().filter(x -> x.line() > e.line()).findFirst().orElseThrow();
    assertThat(m.name()).endsWith("." + e.name());
    assertThat(m.cognitive()).as("cognitive of " + m.name()).isEqualTo(e.cognitive());
    assertThat(m.cyclomatic()).as("cyclomatic of " + m.name()).isEqualTo(e.cyclomatic());
    assertThat(m.nesting()).as("nesting of " + m.name()).isEqualTo(e.nesting());
  }

  @Test
  void lengthAndParametersAreMeasuredPerMethod() throws IOException {
    SourceFile sf =
        JavaSourceAnalyzer.analyze(
            "IfElse.java", Files.readAllBytes(FIXTURES.resolve("IfElse.java")));
    MethodMetrics nested =
        sf.methods().stream()
            .filter(m -> m.name().equals("IfElse.nested"))
            .findFirst()
            .orElseThrow();
    assertThat(nested.parameters()).isEqualTo(2);
    assertThat(nested.length()).isEqualTo(8);
  }

  @Test
  void aMethodIsLocatedAtItsNameNotItsAnnotations() {
    String src = "class A {\n  @Deprecated\n  @SuppressWarnings(\"x\")\n  void f() {\n  }\n}\n";
    SourceFile sf = JavaSourceAnalyzer.analyze("A.java", src.getBytes());
    assertThat(sf.methods().get(0).line()).isEqualTo(4);
    assertThat(sf.methods().get(0).length()).isEqualTo(2);
  }

  @Test
  void aFileThatDoesNotParseIsKeptWithTheReasonAndPosition() throws IOException {
    Path broken = Path.of("src/test/resources/tdg/broken/Broken.java");
    SourceFile sf = JavaSourceAnalyzer.analyze("Broken.java", Files.readAllBytes(broken));
    assertThat(sf.parsed()).isFalse();
    assertThat(sf.parseError().orElseThrow()).contains("line 3").contains("does not parse");
    assertThat(sf.methods()).isEmpty();
  }

  @Test
  void aFileThatIsNotUtf8IsKeptWithTheReason() {
    SourceFile sf =
        JavaSourceAnalyzer.analyze(
            "Latin.java", new byte[] {'c', 'l', 'a', 's', 's', ' ', (byte) 0xE9, ' ', '{', '}'});
    assertThat(sf.parseError().orElseThrow()).contains("UTF-8");
  }

  @Test
  void javadocShareCountsPublicTypesAndMethodsButNotOverridesOrPrivateMembers() {
    String src =
        """
        /** Documented. */
        public class Api implements Runnable {
          /** Documented. */
          public void a() {}
          public void b() {}
          private void c() {}
          @Override
          public void run() {}
          public interface Inner {
            void implicitlyPublic();
            /** Documented. */
            class Nested {}
          }
          static class Hidden {
            public void notApi() {}
          }
        }
        """;
    SourceFile sf = JavaSourceAnalyzer.analyze("Api.java", src.getBytes());
    // Api, a, b, Inner, Inner.implicitlyPublic, Inner.Nested (public as an interface member)
    assertThat(sf.publicApi()).isEqualTo(6);
    assertThat(sf.documented()).isEqualTo(3);
    assertThat(sf.undocumented())
        .containsExactly("Api.b", "Api.Inner", "Api.Inner.implicitlyPublic");
  }
}
