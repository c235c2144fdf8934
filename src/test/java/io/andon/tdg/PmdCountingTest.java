package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.tdg.source.JavaCounting;
import io.andon.tdg.source.JavaSourceAnalyzer;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java is counted as PMD 7 counts it: the expected numbers in {@code tdg/pmd/expected.csv} are PMD
 * 7.27.0's own output on the fixtures (written by bench/tdg/pmd-fixtures.sh).
 */
class PmdCountingTest {
  private static final Path RESOURCES = Path.of("src/test/resources/tdg");
  private static final Map<String, SourceFile> ANALYSED = new HashMap<>();

  record Row(String file, int line, String method, int cyclomatic, int cognitive) {}

  static List<Row> expected() throws IOException {
    List<Row> rows = new ArrayList<>();
    List<String> lines = Files.readAllLines(RESOURCES.resolve("pmd/expected.csv"));
    for (String l : lines.subList(1, lines.size())) {
      String[] first = l.split(",", 3);
      int last = l.lastIndexOf(',');
      int beforeLast = l.lastIndexOf(',', last - 1);
      rows.add(
          new Row(
              first[0],
              Integer.parseInt(first[1]),
              l.substring(first[0].length() + first[1].length() + 2, beforeLast),
              Integer.parseInt(l.substring(beforeLast + 1, last)),
              Integer.parseInt(l.substring(last + 1))));
    }
    return rows;
  }

  private static synchronized SourceFile analysed(String file) throws IOException {
    if (!ANALYSED.containsKey(file)) {
      ANALYSED.put(
          file, JavaSourceAnalyzer.analyze(file, Files.readAllBytes(RESOURCES.resolve(file))));
    }
    return ANALYSED.get(file);
  }

  @TestFactory
  Stream<DynamicTest> everyMethodHasPmdsCyclomaticAndCognitiveComplexity() throws IOException {
    List<Row> rows = expected();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(50);
    return rows.stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.file() + ":" + r.line() + " " + r.method(),
                    () -> {
                      SourceFile sf = analysed(r.file());
                      assertThat(sf.parseError()).isEmpty();
                      Optional<MethodMetrics> m =
                          sf.methods().stream().filter(x -> x.line() == r.line()).findFirst();
                      assertThat(m).as("a method at line " + r.line()).isPresent();
                      assertThat(m.get().cyclomatic())
                          .as("cyclomatic of " + m.get().name())
                          .isEqualTo(r.cyclomatic());
                      assertThat(m.get().cognitive())
                          .as("cognitive of " + m.get().name())
                          .isEqualTo(r.cognitive());
                    }));
  }

  @Test
  void andonListsTheMethodsPmdListsAndNoOthers() throws IOException {
    Map<String, List<Integer>> byFile = new HashMap<>();
    for (Row r : expected()) {
      byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r.line());
    }
    for (Map.Entry<String, List<Integer>> e : byFile.entrySet()) {
      assertThat(analysed(e.getKey()).methods().stream().map(MethodMetrics::line).toList())
          .as(e.getKey())
          .containsExactlyInAnyOrderElementsOf(e.getValue());
    }
  }

  @Test
  void anonymousClassMethodsAreNamedAfterTheMethodThatHoldsThem() throws IOException {
    SourceFile sf = analysed("pmd/PmdRules.java");
    assertThat(sf.methods().stream().map(MethodMetrics::name))
        .contains(
            "PmdRules.anonymous.new Runnable.run",
            "PmdRules.localClass.Counter.count",
            "PmdRules.Shape.area",
            "PmdRules.Tag.value",
            "PmdRules.bodiless");
  }

  @Test
  void mccabeCountingKeepsEveryOperatorAndFoldsNestedClassesIntoTheirMethod() throws IOException {
    SourceFile sf =
        JavaSourceAnalyzer.analyze(
            "PmdRules.java",
            Files.readAllBytes(RESOURCES.resolve("pmd/PmdRules.java")),
            JavaCounting.MCCABE);
    Map<String, MethodMetrics> byName = new HashMap<>();
    sf.methods().forEach(m -> byName.put(m.name(), m));
    // 1 + if + && + || + && + || + &&, no throw
    assertThat(byName.get("PmdRules.operatorsOutsideConditions").cyclomatic()).isEqualTo(7);
    assertThat(byName.get("PmdRules.throwsCount").cyclomatic()).isEqualTo(2);
    // the lambda's for, if and && count for the method
    assertThat(byName.get("PmdRules.lambda").cyclomatic()).isEqualTo(4);
    assertThat(byName)
        .doesNotContainKeys("PmdRules.anonymous.new Runnable.run", "PmdRules.bodiless");
  }

  @Test
  void theCountingIsChosenInAndonTdgYamlAndAnUnknownOneIsRefused(@TempDir Path tmp)
      throws IOException {
    assertThat(TdgConfig.defaults().javaCounting()).isEqualTo(JavaCounting.PMD);
    Files.writeString(tmp.resolve(TdgConfig.FILE), "java_complexity: mccabe\n");
    assertThat(TdgConfig.load(tmp, Optional.empty()).javaCounting()).isEqualTo(JavaCounting.MCCABE);
    Files.writeString(tmp.resolve(TdgConfig.FILE), "java_complexity: sonar\n");
    assertThatThrownBy(() -> TdgConfig.load(tmp, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("andon-tdg.yaml:1")
        .hasMessageContaining("java_complexity 'sonar' is not known; write pmd");
  }

  @Test
  void aGradeCountsJavaAsTheConfigSaysAndTheCacheKeepsTheCountingsApart(@TempDir Path tmp)
      throws IOException {
    Path root = tmp.resolve("p");
    Files.createDirectories(root);
    Files.copy(RESOURCES.resolve("pmd/PmdRules.java"), root.resolve("PmdRules.java"));
    Path home = tmp.resolve("home");
    TdgReport pmd = Tdg.run(request(root, home));
    Files.writeString(root.resolve(TdgConfig.FILE), "java_complexity: mccabe\n");
    TdgReport mccabe = Tdg.run(request(root, home));
    assertThat(cyclomatic(pmd, "PmdRules.throwsCount")).isEqualTo(4);
    assertThat(cyclomatic(mccabe, "PmdRules.throwsCount")).isEqualTo(2);
    assertThat(mccabe.cachedFiles()).isZero();
  }

  private static Tdg.Request request(Path root, Path home) {
    return new Tdg.Request(
        root,
        TdgConfig.load(root, Optional.empty()),
        List.of(),
        Optional.empty(),
        List.of(),
        Optional.of(home),
        Optional.empty());
  }

  private static int cyclomatic(TdgReport r, String method) {
    return r.files().get(0).methods().stream()
        .filter(m -> m.name().equals(method))
        .findFirst()
        .orElseThrow()
        .cyclomatic();
  }
}
