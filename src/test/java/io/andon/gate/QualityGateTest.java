package io.andon.gate;

import static io.andon.gate.Comparator.GREATER_OR_EQUAL;
import static io.andon.gate.Comparator.LESS_OR_EQUAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private static final QualityGate PRODUCTION =
      QualityGate.named("production")
          .check("accuracy", GREATER_OR_EQUAL, 0.95)
          .check("latency_p99_ms", LESS_OR_EQUAL, 100)
          .check("error_rate", LESS_OR_EQUAL, 0.01);

  private static MetricSource metrics(Object... kv) {
    Map<String, Double> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).doubleValue());
    }
    return MetricSource.of(m);
  }

  @Test
  void passesWhenEveryCheckPassesAtItsBoundary() {
    GateResult r =
        PRODUCTION.evaluate(metrics("accuracy", 0.95, "latency_p99_ms", 100, "error_rate", 0.01));
    assertThat(r.passed()).isTrue();
    assertThat(r.checks()).extracting(CheckResult::status).containsOnly(Status.PASSED);
    assertThat(r.checks().get(0).message()).isEqualTo("0.95 >= 0.95");
  }

  @Test
  void failsWhenOneCheckMissesByOneUlp() {
    GateResult r =
        PRODUCTION.evaluate(
            metrics("accuracy", Math.nextDown(0.95), "latency_p99_ms", 100, "error_rate", 0.01));
    assertThat(r.passed()).isFalse();
    assertThat(r.checks().get(0).status()).isEqualTo(Status.FAILED);
    assertThat(r.checks().get(0).message()).contains("is not >= 0.95");
  }

  @Test
  void missingMetricIsNotMeasuredNeverZeroAndBlocks() {
    QualityGate lowIsGood = QualityGate.named("g").check("error_rate", LESS_OR_EQUAL, 0.01);
    GateResult r = lowIsGood.evaluate(metrics("eror_rate", 0.5));
    CheckResult c = r.checks().get(0);
    assertThat(c.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(c.value()).isEmpty();
    assertThat(c.blocking()).isTrue();
    assertThat(r.passed()).isFalse();
    assertThat(c.message())
        .contains("'error_rate' not found")
        .contains("Did you mean 'eror_rate'?");
  }

  @Test
  void allowMissingLetsAnUnmeasuredCheckPassTheGateButStillReportsIt() {
    QualityGate g =
        QualityGate.named("g").check(Check.of("error_rate", LESS_OR_EQUAL, 0.01).allowingMissing());
    GateResult r = g.evaluate(MetricSource.none());
    assertThat(r.checks().get(0).status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.checks().get(0).blocking()).isFalse();
    assertThat(r.passed()).isTrue();
  }

  @Test
  void allowMissingDoesNotExcuseAFailingValue() {
    QualityGate g =
        QualityGate.named("g").check(Check.of("error_rate", LESS_OR_EQUAL, 0.01).allowingMissing());
    assertThat(g.evaluate(metrics("error_rate", 0.2)).passed()).isFalse();
  }

  @Test
  void nanIsReportedAndNeverCompared() {
    QualityGate g = QualityGate.named("g").check("loss", Comparator.NOT_EQUAL, 1);
    GateResult r = g.evaluate(metrics("loss", Double.NaN));
    CheckResult c = r.checks().get(0);
    assertThat(c.status()).isEqualTo(Status.FAILED);
    assertThat(c.value().getAsDouble()).isNaN();
    assertThat(c.message()).startsWith("value is NaN; NaN and infinities are never compared");
  }

  @Test
  void negativeInfinityDoesNotPassALessThanCheck() {
    QualityGate g = QualityGate.named("g").check("latency", LESS_OR_EQUAL, 100);
    CheckResult c = g.evaluate(metrics("latency", Double.NEGATIVE_INFINITY)).checks().get(0);
    assertThat(c.status()).isEqualTo(Status.FAILED);
    assertThat(c.message()).startsWith("value is -Infinity");
  }

  @Test
  void nonFiniteOnAWarningCheckIsAWarning() {
    QualityGate g = QualityGate.named("g").warn("latency", LESS_OR_EQUAL, 100);
    GateResult r = g.evaluate(metrics("latency", Double.POSITIVE_INFINITY));
    assertThat(r.checks().get(0).status()).isEqualTo(Status.WARNING);
    assertThat(r.passed()).isTrue();
  }

  @Test
  void failingWarningCheckIsReportedButDoesNotBlock() {
    QualityGate g =
        QualityGate.named("g")
            .check("accuracy", GREATER_OR_EQUAL, 0.9)
            .warn("error_rate", LESS_OR_EQUAL, 0.01);
    GateResult r = g.evaluate(metrics("accuracy", 0.93, "error_rate", 0.02));
    assertThat(r.checks().get(1).status()).isEqualTo(Status.WARNING);
    assertThat(r.passed()).isTrue();
    assertThat(r.summary()).isEqualTo("passed: 1 passed, 1 warning of 2 checks");
  }

  @Test
  void unmeasuredWarningCheckDoesNotBlock() {
    QualityGate g = QualityGate.named("g").warn("error_rate", LESS_OR_EQUAL, 0.01);
    GateResult r = g.evaluate(MetricSource.none());
    assertThat(r.checks().get(0).status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.passed()).isTrue();
  }

  @Test
  void betweenPassesAtBothEndsAndFailsJustOutside() {
    QualityGate g = QualityGate.named("g").between("psi", 0, 0.2);
    assertThat(g.evaluate(metrics("psi", 0.0)).passed()).isTrue();
    assertThat(g.evaluate(metrics("psi", 0.2)).passed()).isTrue();
    assertThat(g.evaluate(metrics("psi", Math.nextUp(0.2))).passed()).isFalse();
    assertThat(g.evaluate(metrics("psi", -Double.MIN_VALUE)).passed()).isFalse();
    assertThat(g.evaluate(metrics("psi", 0.3)).checks().get(0).message())
        .isEqualTo("0.3 is not in [0, 0.2]");
  }

  @Test
  void maxDropComparesWithTheBaselineMinusTheTolerance() {
    QualityGate g = QualityGate.named("g").maxDrop("accuracy", 0.25);
    Baselines base = Baselines.given(metrics("accuracy", 1.0), Baselines.none());
    CheckResult atEdge = g.evaluate(metrics("accuracy", 0.75), base).checks().get(0);
    assertThat(atEdge.status()).isEqualTo(Status.PASSED);
    assertThat(atEdge.threshold().getAsDouble()).isEqualTo(0.75);
    assertThat(atEdge.baseline().getAsDouble()).isEqualTo(1.0);
    assertThat(atEdge.message()).isEqualTo("0.75 >= 0.75 (baseline 1 - max_drop 0.25)");
    assertThat(g.evaluate(metrics("accuracy", Math.nextDown(0.75)), base).passed()).isFalse();
  }

  @Test
  void maxRiseComparesWithTheBaselinePlusTheTolerance() {
    QualityGate g = QualityGate.named("g").maxRise("latency", 10);
    Baselines base = Baselines.given(metrics("latency", 90), Baselines.none());
    assertThat(g.evaluate(metrics("latency", 100), base).passed()).isTrue();
    assertThat(g.evaluate(metrics("latency", Math.nextUp(100.0)), base).passed()).isFalse();
  }

  @Test
  void regressionWithoutBaselineIsNotMeasured() {
    QualityGate g = QualityGate.named("g").maxDrop("accuracy", 0.02);
    CheckResult c = g.evaluate(metrics("accuracy", 0.9)).checks().get(0);
    assertThat(c.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(c.value().getAsDouble()).isEqualTo(0.9);
    assertThat(c.message()).startsWith("baseline of 'accuracy' not found in no baseline");
    assertThat(c.blocking()).isTrue();
  }

  @Test
  void regressionAgainstANanBaselineFails() {
    QualityGate g = QualityGate.named("g").maxDrop("accuracy", 0.02);
    Baselines base = Baselines.given(metrics("accuracy", Double.NaN), Baselines.none());
    CheckResult c = g.evaluate(metrics("accuracy", 0.9), base).checks().get(0);
    assertThat(c.status()).isEqualTo(Status.FAILED);
    assertThat(c.message()).contains("baseline value").contains("is NaN");
  }

  @Test
  void regressionReadsTheBaselineFromAFileBaseline(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("base.json");
    java.nio.file.Files.writeString(file, "{\"model\": {\"accuracy\": 0.97}}");
    Check c = Check.maxDrop("model.accuracy", 0.01).against(new Baseline.File(file));
    Baselines base =
        b -> b instanceof Baseline.File f ? JsonMetrics.read(f.path()) : MetricSource.none();
    CheckResult r =
        QualityGate.named("g")
            .check(c)
            .evaluate(metrics("model.accuracy", 0.955), base)
            .checks()
            .get(0);
    assertThat(r.status()).isEqualTo(Status.FAILED);
    assertThat(r.threshold().getAsDouble()).isEqualTo(0.97 - 0.01);
  }

  @Test
  void gateRefusesTwoChecksWithTheSameName() {
    assertThatThrownBy(
            () ->
                QualityGate.named("g").check("a", GREATER_OR_EQUAL, 1).check("a", LESS_OR_EQUAL, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two checks named 'a'");
  }

  @Test
  void checkRefusesNonFiniteThresholdsAndEmptyRanges() {
    assertThatThrownBy(() -> Check.of("a", GREATER_OR_EQUAL, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Check.between("a", 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Check.of("a", Comparator.BETWEEN, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void gateWithoutChecksRefusesToEvaluateRatherThanPassEverything() {
    assertThatThrownBy(() -> QualityGate.named("empty").evaluate(MetricSource.none()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no checks");
  }

  @Test
  void fluentApiLeavesTheOriginalGateUnchanged() {
    QualityGate base = QualityGate.named("g");
    QualityGate more = base.check("a", GREATER_OR_EQUAL, 1);
    assertThat(base.checks()).isEmpty();
    assertThat(more.checks()).hasSize(1);
  }

  @Test
  void regressionThresholdIsComputedInDecimalSoTheEdgePasses() {
    // in binary floating point 1.1 - 0.1 = 1.0000000000000002 and 0.95 - 0.02 = 0.9299999999999999
    QualityGate g = QualityGate.named("g").maxDrop("accuracy", 0.1);
    Baselines base = Baselines.given(metrics("accuracy", 1.1), Baselines.none());
    CheckResult edge = g.evaluate(metrics("accuracy", 1.0), base).checks().get(0);
    assertThat(edge.status()).isEqualTo(Status.PASSED);
    assertThat(edge.threshold().getAsDouble()).isEqualTo(1.0);
    assertThat(g.evaluate(metrics("accuracy", Math.nextDown(1.0)), base).passed()).isFalse();
    QualityGate rise = QualityGate.named("g").maxRise("latency", 0.2);
    Baselines b2 = Baselines.given(metrics("latency", 0.1), Baselines.none());
    assertThat(rise.evaluate(metrics("latency", 0.3), b2).passed()).isTrue();
    assertThat(rise.evaluate(metrics("latency", Math.nextUp(0.3)), b2).passed()).isFalse();
  }
}
