package io.andon.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

class GateProperties {
  @Property
  void comparatorsAgreeWithEachOther(@ForAll double v, @ForAll double t) {
    if (!Double.isFinite(v) || !Double.isFinite(t)) {
      return;
    }
    boolean gt = Comparator.GREATER_THAN.test(v, t);
    boolean eq = Comparator.EQUAL.test(v, t);
    boolean lt = Comparator.LESS_THAN.test(v, t);
    assertThat((gt ? 1 : 0) + (eq ? 1 : 0) + (lt ? 1 : 0)).isEqualTo(1);
    assertThat(Comparator.GREATER_OR_EQUAL.test(v, t)).isEqualTo(gt || eq);
    assertThat(Comparator.LESS_OR_EQUAL.test(v, t)).isEqualTo(lt || eq);
    assertThat(Comparator.NOT_EQUAL.test(v, t)).isEqualTo(!eq);
  }

  @Property
  void aMissingMetricNeverPassesWhateverTheCheck(
      @ForAll Comparator c, @ForAll @DoubleRange(min = -1e9, max = 1e9) double t) {
    Check check = c == Comparator.BETWEEN ? Check.between("m", t, t + 1) : Check.of("m", c, t);
    GateResult r =
        QualityGate.named("g").check(check).evaluate(MetricSource.of(Map.of("other", 0.0)));
    assertThat(r.checks().get(0).status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.passed()).isFalse();
  }

  @Property
  void aNonFiniteValueNeverPasses(
      @ForAll Comparator c, @ForAll @DoubleRange(min = -1e9, max = 1e9) double t) {
    Check check = c == Comparator.BETWEEN ? Check.between("m", t, t + 1) : Check.of("m", c, t);
    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      GateResult r = QualityGate.named("g").check(check).evaluate(MetricSource.of(Map.of("m", v)));
      assertThat(r.checks().get(0).status()).isEqualTo(Status.FAILED);
    }
  }

  @Property
  void maxDropPassesExactlyWhenTheDecimalDropIsWithinTolerance(
      @ForAll @DoubleRange(min = 0, max = 1) double base,
      @ForAll @DoubleRange(min = 0, max = 0.5) double drop,
      @ForAll @DoubleRange(min = -1, max = 1) double value) {
    GateResult r =
        QualityGate.named("g")
            .maxDrop("m", drop)
            .evaluate(
                MetricSource.of(Map.of("m", value)),
                Baselines.given(MetricSource.of(Map.of("m", base)), Baselines.none()));
    java.math.BigDecimal expected =
        new java.math.BigDecimal(Double.toString(base))
            .subtract(new java.math.BigDecimal(Double.toString(drop)));
    boolean within = new java.math.BigDecimal(Double.toString(value)).compareTo(expected) >= 0;
    assertThat(r.passed()).isEqualTo(within);
  }
}
