package io.andon.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GatesFileTest {
  static final Path FIXTURES = Path.of("src/test/resources/gate");

  static Stream<Path> invalidFiles() throws IOException {
    return Files.list(FIXTURES.resolve("invalid")).sorted();
  }

  @ParameterizedTest
  @MethodSource("invalidFiles")
  void invalidFileFailsWithItsProblemAtFileLineColumn(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0);
    assertThat(first).startsWith("# expect: ");
    String expected = first.substring("# expect: ".length());
    assertThatThrownBy(() -> GatesFile.load(file))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).exitCode()).isEqualTo(2))
        .hasMessageContaining(expected.contains("malformed") ? expected : file + ":" + expected);
  }

  @Test
  void loadsEveryFieldOfAValidFile() {
    GatesFile f = GatesFile.load(FIXTURES.resolve("valid/production.yml"));
    assertThat(f.names()).containsExactly("production", "staging");
    QualityGate g = f.gate(Optional.of("production"));
    assertThat(g.checks())
        .extracting(Check::name)
        .containsExactly(
            "accuracy",
            "latency",
            "error_rate",
            "psi",
            "no_regression",
            "latency_regression",
            "vs_given");
    Check latency = g.checks().get(1);
    assertThat(latency.metric()).isEqualTo("latency_p99_ms");
    assertThat(latency.comparator()).isEqualTo(Comparator.LESS_OR_EQUAL);
    assertThat(latency.threshold()).isEqualTo(new Threshold.Constant(100));
    assertThat(latency.loc().get().line()).isEqualTo(8);
    assertThat(g.checks().get(2).severity()).isEqualTo(Severity.WARNING);
    assertThat(g.checks().get(2).threshold()).isEqualTo(new Threshold.Constant(0.01));
    assertThat(g.checks().get(3).threshold()).isEqualTo(new Threshold.Range(0, 0.2));
    assertThat(g.checks().get(3).allowMissing()).isTrue();
    Threshold.Regression drop = (Threshold.Regression) g.checks().get(4).threshold();
    assertThat(g.checks().get(4).comparator()).isEqualTo(Comparator.GREATER_OR_EQUAL);
    assertThat(drop.baseline())
        .isEqualTo(
            new Baseline.File(
                FIXTURES.resolve("valid/baseline.json").toAbsolutePath().normalize()));
    Threshold.Regression rise = (Threshold.Regression) g.checks().get(5).threshold();
    assertThat(g.checks().get(5).comparator()).isEqualTo(Comparator.LESS_OR_EQUAL);
    assertThat(rise.baseline()).isEqualTo(new Baseline.Job("nightly"));
    assertThat(rise.baselineMetric()).isEqualTo("evaluate.latency_p99_ms");
    assertThat(((Threshold.Regression) g.checks().get(6).threshold()).baseline())
        .isEqualTo(new Baseline.Given());
    assertThat(g.needsGivenBaseline()).isTrue();
  }

  @Test
  void fileWithOneGateAtTheTopLevelNeedsNoGateName() {
    GatesFile f = GatesFile.load(FIXTURES.resolve("valid/single.yml"));
    QualityGate g = f.gate(Optional.empty());
    assertThat(g.name()).isEqualTo("code");
    assertThat(g.checks().get(1).metric()).isEqualTo("reports/eval.json:$.model['f1 score']");
    assertThat(g.checks().get(1).comparator()).isEqualTo(Comparator.NOT_EQUAL);
  }

  @Test
  void checkMayBeWrittenOnOneLine() {
    QualityGate g = GatesFile.load(FIXTURES.resolve("valid/short.yml")).gate(Optional.empty());
    assertThat(g.checks()).hasSize(4);
    assertThat(g.checks().get(0))
        .isEqualTo(
            new Check(
                "accuracy",
                "accuracy",
                Comparator.GREATER_OR_EQUAL,
                new Threshold.Constant(0.95),
                Severity.ERROR,
                false,
                g.checks().get(0).loc()));
    assertThat(g.checks().get(0).loc().get().line()).isEqualTo(4);
    assertThat(g.checks().get(1).comparator()).isEqualTo(Comparator.LESS_OR_EQUAL);
    assertThat(g.checks().get(1).metric()).isEqualTo("latency_p99_ms");
    assertThat(g.checks().get(2).metric()).isEqualTo("eval.json:$.model.f1");
    assertThat(g.checks().get(2).comparator()).isEqualTo(Comparator.NOT_EQUAL);
  }

  @Test
  void severalGatesNeedAGateNameAndUnknownNamesGetAHint() {
    GatesFile f = GatesFile.load(FIXTURES.resolve("valid/production.yml"));
    assertThatThrownBy(() -> f.gate(Optional.empty()))
        .hasMessageContaining("holds 2 gates (production, staging); choose one with --gate NAME");
    assertThatThrownBy(() -> f.gate(Optional.of("prod")))
        .hasMessageContaining("no gate named 'prod'");
    assertThatThrownBy(() -> f.gate(Optional.of("stagin")))
        .hasMessageContaining("Did you mean 'staging'?");
  }

  @Test
  void reportsEveryProblemOfAFileAtOnce(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    Path f = dir.resolve("g.yml");
    Files.writeString(
        f,
        String.join(
            "\n",
            List.of(
                "gates:",
                "  - name: g",
                "    checks:",
                "      - {metric: a, comparator: '=>', threshold: 1}",
                "      - {metric: b, comparator: '<', threshold: x}",
                "")));
    assertThatThrownBy(() -> GatesFile.load(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("(2 problems)")
        .hasMessageContaining(f + ":4:33: unknown comparator '=>'")
        .hasMessageContaining(f + ":5:49: threshold must be a number, not 'x'.");
  }

  @Test
  void missingFileSaysSo() {
    assertThatThrownBy(() -> GatesFile.load(Path.of("no/such/gates.yml")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
  }
}
