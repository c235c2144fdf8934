package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.source.Language;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Tests from a rules fixture: every comment matching {@code cyclomatic N ... cognitive M} gives the
 * expected numbers of the function declared on the next line.
 */
public final class ExpectedComplexity {
  private ExpectedComplexity() {}

  /** One test per annotated function of {@code fixture}; at least {@code min} of them. */
  public static Stream<DynamicTest> tests(Path fixture, Language language, int min)
      throws IOException {
    Pattern expect = Pattern.compile("(#|//)\\s*cyclomatic (\\d+).*cognitive (\\d+)");
    List<String> lines = Files.readAllLines(fixture);
    SourceFile sf = language.analyze(fixture.getFileName().toString(), Files.readAllBytes(fixture));
    assertThat(sf.parseError()).isEmpty();
    Map<Integer, MethodMetrics> byLine =
        sf.methods().stream().collect(Collectors.toMap(MethodMetrics::line, Function.identity()));
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = expect.matcher(lines.get(i));
      if (!m.find()) {
        continue;
      }
      int defLine = i + 2;
      int cyclomatic = Integer.parseInt(m.group(2));
      int cognitive = Integer.parseInt(m.group(3));
      tests.add(
          DynamicTest.dynamicTest(
              "line " + defLine + ": " + lines.get(i + 1).strip(),
              () -> {
                assertThat(byLine).containsKey(defLine);
                MethodMetrics mm = byLine.get(defLine);
                assertThat(mm.cyclomatic()).as(mm.name() + " cyclomatic").isEqualTo(cyclomatic);
                assertThat(mm.cognitive()).as(mm.name() + " cognitive").isEqualTo(cognitive);
              }));
    }
    assertThat(tests).hasSizeGreaterThanOrEqualTo(min);
    return tests.stream();
  }
}
