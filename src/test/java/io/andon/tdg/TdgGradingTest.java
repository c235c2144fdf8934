package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.andon.error.InvalidInputException;
import io.andon.tdg.source.MethodMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grades of the fixture project src/test/resources/tdg/project. Expected numbers, by hand:
 * complexity 100 (every method far below the thresholds); documentation 100 x (0.7 x 2/5 Javadoc +
 * 0.3 x 3/5 README parts) = 46; coverage from jacoco.xml: line 3/6, branch 1/6, so 100 x (0.5 x 0.5
 * + 0.3 x 1/6) / 0.8 = 37.5; with mutations.xml (2 of 4 detected) 40; security with the OSV
 * fixtures: log4j-core 2.14.1 is critical, 100 - 25 = 75.
 */
class TdgGradingTest {
  static final Path FIXTURES = Path.of("src/test/resources/tdg");

  static Path project(Path tmp) throws IOException {
    Path src = FIXTURES.resolve("project");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path to = tmp.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return tmp;
  }

  static Tdg.Request request(Path root, List<Path> coverage, Optional<Path> advisories) {
    return new Tdg.Request(
        root,
        TdgConfig.load(root, Optional.empty()),
        coverage,
        advisories,
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "100, A",
    "90, A",
    "89.99, B",
    "80, B",
    "79.99, C",
    "70, C",
    "69.99, D",
    "60, D",
    "59.99, F",
    "0, F"
  })
  void gradesFollowTheBriefsScale(double score, Grade grade) {
    assertThat(Grade.of(score)).isEqualTo(grade);
  }

  @Test
  void aGradeLetterOutsideTheScaleIsRefused() {
    assertThat(Grade.parse("b", "--min-grade")).isEqualTo(Grade.B);
    assertThatThrownBy(() -> Grade.parse("A+", "--min-grade"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("A, B, C, D, F");
  }

  @Test
  void methodScoreIsFullUpToHalfAThresholdSixtyAtItAndZeroAtTwice() {
    TdgConfig c = TdgConfig.defaults();
    assertThat(Scoring.method(new MethodMetrics("m", 1, 15, 0, 0, 1, 0), c)).isEqualTo(100);
    assertThat(Scoring.method(new MethodMetrics("m", 1, 30, 0, 0, 1, 0), c)).isEqualTo(60);
    assertThat(Scoring.method(new MethodMetrics("m", 1, 1, 25, 0, 1, 0), c)).isEqualTo(60);
    assertThat(Scoring.method(new MethodMetrics("m", 1, 1, 0, 4, 1, 0), c)).isEqualTo(60);
    assertThat(Scoring.method(new MethodMetrics("m", 1, 45, 0, 0, 1, 0), c))
        .isCloseTo(30, within(1e-9));
    assertThat(Scoring.method(new MethodMetrics("m", 1, 60, 0, 0, 1, 0), c)).isZero();
  }

  @Test
  void complexityWeighsMethodsByLength() {
    TdgConfig c = TdgConfig.defaults();
    // 10 lines at 100 and 30 lines at 60: (1000 + 1800) / 40 = 70
    assertThat(
            Scoring.complexity(
                List.of(
                    new MethodMetrics("a", 1, 1, 0, 0, 10, 0),
                    new MethodMetrics("b", 20, 30, 0, 0, 30, 0)),
                c))
        .isCloseTo(70, within(1e-9));
  }

  @Test
  void weightsOfAbsentValuesAreDroppedAndTheRestRenormalised() {
    OptionalDouble s =
        Scoring.weighted(
            Map.of(
                "a",
                OptionalDouble.of(80),
                "b",
                OptionalDouble.empty(),
                "c",
                OptionalDouble.of(40)),
            Map.of("a", 25.0, "b", 35.0, "c", 15.0));
    assertThat(s.getAsDouble()).isCloseTo((25 * 80 + 15 * 40) / 40.0, within(1e-9));
    assertThat(Scoring.weighted(Map.of("a", OptionalDouble.empty()), Map.of("a", 1.0))).isEmpty();
  }

  @Test
  void componentsWithoutInputAreNotMeasuredAndLeftOutOfTheScore(@TempDir Path tmp)
      throws IOException {
    TdgReport r = Tdg.run(request(project(tmp), List.of(), Optional.empty()));
    assertThat(r.notMeasured()).containsExactly("coverage", "security");
    TdgReport.Component cov = r.component("coverage").orElseThrow();
    assertThat(cov.status()).isEqualTo(TdgReport.NOT_MEASURED);
    assertThat(cov.score()).isEmpty();
    assertThat(cov.effectiveWeight()).isZero();
    assertThat(cov.reason()).contains("--coverage FILE");
    assertThat(r.component("complexity").orElseThrow().score()).hasValue(100.0);
    assertThat(r.component("documentation").orElseThrow().score()).hasValue(46.0);
    // (25 x 100 + 15 x 46) / 40 = 79.75
    assertThat(r.score()).isEqualTo(79.8);
    assertThat(r.grade()).isEqualTo(Grade.C);
    assertThat(r.component("complexity").orElseThrow().effectiveWeight())
        .isCloseTo(25.0 / 40, within(1e-9));
  }

  @Test
  void everyMeasuredComponentCountsWithTheBriefsWeights(@TempDir Path tmp) throws IOException {
    Path root = project(tmp);
    TdgReport r =
        Tdg.run(
            request(
                root,
                List.of(
                    FIXTURES.resolve("coverage/jacoco.xml"),
                    FIXTURES.resolve("coverage/mutations.xml")),
                Optional.of(FIXTURES.resolve("security/osv"))));
    assertThat(r.notMeasured()).isEmpty();
    assertThat(r.component("coverage").orElseThrow().score()).hasValue(40.0);
    assertThat(r.component("security").orElseThrow().score()).hasValue(75.0);
    // (25 x 100 + 35 x 40 + 15 x 46 + 25 x 75) / 100 = 64.65
    assertThat(r.score()).isCloseTo(64.65, within(0.051));
    assertThat(r.grade()).isEqualTo(Grade.D);
  }

  @Test
  void aMissingCoveragePartIsNamedAndTheOthersRenormalised(@TempDir Path tmp) throws IOException {
    TdgReport r =
        Tdg.run(
            request(
                project(tmp), List.of(FIXTURES.resolve("coverage/jacoco.xml")), Optional.empty()));
    assertThat(r.notMeasured()).containsExactly("coverage.mutation", "security");
    assertThat(r.component("coverage").orElseThrow().score()).hasValue(37.5);
  }

  @Test
  void filesComeWorstFirstWithTheirMethods(@TempDir Path tmp) throws IOException {
    TdgReport r =
        Tdg.run(
            request(
                project(tmp), List.of(FIXTURES.resolve("coverage/jacoco.xml")), Optional.empty()));
    assertThat(r.files())
        .extracting(TdgReport.FileResult::path)
        .containsExactly(
            "src/main/java/com/example/util/Text.java", "src/main/java/com/example/Calc.java");
    TdgReport.FileResult calc = r.files().get(1);
    // (25 x 100 + 35 x 65.625 + 15 x 66.67) / 75
    assertThat(calc.score()).isCloseTo(77.3, within(0.051));
    assertThat(calc.methods())
        .extracting(TdgReport.MethodResult::name)
        .containsExactly("Calc.sign", "Calc.div");
  }

  @Test
  void excludesApplyToEveryComponent(@TempDir Path tmp) throws IOException {
    Path root = project(tmp);
    Files.writeString(root.resolve("andon-tdg.yaml"), "exclude: ['**/util/**']\n");
    TdgReport r =
        Tdg.run(request(root, List.of(FIXTURES.resolve("coverage/jacoco.xml")), Optional.empty()));
    assertThat(r.files())
        .extracting(TdgReport.FileResult::path)
        .containsExactly("src/main/java/com/example/Calc.java");
    // Text.java's coverage is left out with it: only Calc's 3/4 lines and 1/2 branches remain
    Map<String, Object> cov = r.component("coverage").orElseThrow().metrics();
    assertThat(cov).containsEntry("lines_total", 4L).containsEntry("branches_total", 2L);
    // and its undocumented public API too: Calc has 2 of 3
    assertThat(r.component("documentation").orElseThrow().metrics()).containsEntry("public_api", 3);
    assertThat(r.warnings()).anyMatch(w -> w.contains("1 of 2 files"));
  }

  @Test
  void testsAreExcludedByDefault(@TempDir Path tmp) throws IOException {
    TdgReport r = Tdg.run(request(project(tmp), List.of(), Optional.empty()));
    assertThat(r.files()).noneMatch(f -> f.path().contains("src/test"));
  }

  @Test
  void filesThatDoNotParseAreListedNotDropped(@TempDir Path tmp) throws IOException {
    Path root = project(tmp);
    Files.writeString(
        root.resolve("src/main/java/com/example/Bad.java"), "class Bad { int x = ; }");
    TdgReport r = Tdg.run(request(root, List.of(), Optional.empty()));
    assertThat(r.ungraded())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.path()).isEqualTo("src/main/java/com/example/Bad.java");
              assertThat(u.reason()).contains("line 1");
            });
    assertThat(r.warnings()).anyMatch(w -> w.contains("could not be graded"));
  }

  @Test
  void coverageReportsOfAnotherProjectAreFlagged(@TempDir Path tmp) throws IOException {
    Path root = tmp.resolve("p");
    Files.createDirectories(root.resolve("src/main/java/x"));
    Files.writeString(root.resolve("src/main/java/x/Y.java"), "package x; class Y {}");
    TdgReport r =
        Tdg.run(request(root, List.of(FIXTURES.resolve("coverage/jacoco.xml")), Optional.empty()));
    assertThat(r.warnings()).anyMatch(w -> w.contains("names none of the project's"));
    assertThat(r.component("coverage").orElseThrow().measured()).isFalse();
  }

  @Test
  void configErrorsNameFileLineAndColumn(@TempDir Path tmp) throws IOException {
    Path root = project(tmp);
    Files.writeString(
        root.resolve("andon-tdg.yaml"),
        "weights:\n  complexity: 25\n  covrage: 35\nthresholds:\n  cognitive: zero\nmin_grade: Z\n");
    assertThatThrownBy(() -> TdgConfig.load(root, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "andon-tdg.yaml:3:3: unknown key 'covrage' in weights. Did you mean" + " 'coverage'?")
        .hasMessageContaining("andon-tdg.yaml:5:14: 'cognitive' must be a number")
        .hasMessageContaining("'Z' is not a grade");
  }

  @Test
  void weightsAndThresholdsComeFromTheConfig(@TempDir Path tmp) throws IOException {
    Path root = project(tmp);
    Files.writeString(
        root.resolve("andon-tdg.yaml"),
        "weights: {complexity: 1, coverage: 0, documentation: 0, security: 0}\n"
            + "thresholds: {nesting: 1}\n");
    TdgReport r = Tdg.run(request(root, List.of(), Optional.empty()));
    // Calc.sign nests 2 deep against a threshold of 1: r = 2, score 0 (3 of its file's lines)
    assertThat(r.score()).isEqualTo(r.component("complexity").orElseThrow().score().getAsDouble());
    assertThat(r.score()).isLessThan(100);
  }
}
