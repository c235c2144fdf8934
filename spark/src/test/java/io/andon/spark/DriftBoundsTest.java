package io.andon.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftAnalysis;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.NumericSample;
import java.util.Random;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The spark engine's numeric drift from its states against the exact drift of the same values: the
 * same numbers while a group keeps its values, and within {@link DriftBounds} once it has only
 * sketches, on continuous, skewed, shifted and discrete data of 20,000 values a side built in four
 * partitions and merged as Spark merges them.
 */
class DriftBoundsTest {
  private static final int N = 20_000;
  private static final DriftOptions OPTIONS = DriftOptions.DEFAULT;

  @Test
  void aGroupOfAtMostExactMaxValuesGetsTheExactDriftAndProfileOfItsValues() {
    Random r = new Random(1);
    double[] b = draw(NumericState.EXACT_MAX, r::nextGaussian);
    double[] c = draw(1300, () -> r.nextGaussian() + 1);
    ColumnDrift exact = exact(b, c);
    ColumnDrift spark = StateProfiles.drift("x", state(b), state(c), OPTIONS);
    assertThat(spark.populationStabilityIndex()).isEqualTo(exact.populationStabilityIndex());
    assertThat(spark.jsDistance()).isEqualTo(exact.jsDistance());
    assertThat(spark.ksTest()).isEqualTo(exact.ksTest());
    assertThat(spark.wassersteinDistanceNormed()).isEqualTo(exact.wassersteinDistanceNormed());
    assertThat(spark.status()).isEqualTo(exact.status());
    assertThat(StateProfiles.numeric("x", state(c)).metrics().get("quantiles"))
        .isEqualTo(
            io.andon.monitor.ColumnProfile.numeric("x", NumericSample.of(c))
                .metrics()
                .get("quantiles"));
  }

  @Test
  void aGroupThatOutgrowsExactMaxWhenPartitionsMergeKeepsOnlyItsSketches() {
    Random r = new Random(2);
    NumericState a = state(draw(NumericState.EXACT_MAX / 2 + 1, r::nextGaussian));
    NumericState b = state(draw(NumericState.EXACT_MAX / 2, r::nextGaussian));
    assertThat(a.values()).isPresent();
    assertThat(a.merge(b).values()).isEmpty();
    assertThat(a.kll().getN()).isEqualTo(NumericState.EXACT_MAX + 1);
  }

  @Test
  void sketchedDriftOfTwoNormalSamplesIsWithinTheDerivedBoundsWhichAreNarrowerThanTheThresholds() {
    Random r = new Random(3);
    double[] b = draw(N, r::nextGaussian);
    double[] c = draw(N, r::nextGaussian);
    holdsBounds(b, c);
    NumericState sb = state(b);
    NumericState sc = state(c);
    assertThat(DriftBounds.psi(sb, sc, OPTIONS.bins()).hi()).isLessThan(OPTIONS.thresholds().psi());
    assertThat(DriftBounds.js(sb, sc, OPTIONS.bins()).hi())
        .isLessThan(OPTIONS.thresholds().jsDistance());
    assertThat(DriftBounds.wassersteinNormed(sb, sc))
        .isLessThan(OPTIONS.thresholds().wassersteinNormed());
  }

  @Test
  void sketchedDriftOfASmallShiftIsWithinTheDerivedBounds() {
    Random r = new Random(4);
    holdsBounds(draw(N, r::nextGaussian), draw(N, () -> r.nextGaussian() * 1.1 + 0.2));
  }

  @Test
  void sketchedDriftOfAShiftPastTheThresholdIsWithinTheDerivedBounds() {
    Random r = new Random(5);
    holdsBounds(draw(N, r::nextGaussian), draw(N, () -> r.nextGaussian() + 1));
  }

  @Test
  void sketchedDriftOfSkewedDataIsWithinTheDerivedBounds() {
    Random r = new Random(6);
    holdsBounds(
        draw(N, () -> Math.exp(r.nextGaussian())), draw(N, () -> Math.exp(r.nextGaussian()) * 1.3));
  }

  @Test
  void sketchedDriftOfAFewIntegerValuesIsWithinTheDerivedBounds() {
    Random r = new Random(7);
    holdsBounds(
        draw(N, () -> r.nextInt(10)), draw(N, () -> Math.min(9, r.nextInt(10) + r.nextInt(2))));
  }

  /** Sketched drift within the bounds of the exact drift. */
  private static void holdsBounds(double[] b, double[] c) {
    NumericState sb = state(b);
    NumericState sc = state(c);
    assertThat(sb.values()).isEmpty();
    ColumnDrift exact = exact(b, c);
    ColumnDrift sketched = StateProfiles.drift("x", sb, sc, OPTIONS);
    double ks = exact.ksTest().orElseThrow().statistic();
    assertThat(sketched.ksTest().orElseThrow().statistic())
        .isCloseTo(ks, within(DriftBounds.ks(sb, sc)));
    assertThat(sketched.wassersteinDistance().getAsDouble())
        .isCloseTo(
            exact.wassersteinDistance().getAsDouble(), within(DriftBounds.wasserstein(sb, sc)));
    assertThat(sketched.wassersteinDistanceNormed().getAsDouble())
        .isCloseTo(
            exact.wassersteinDistanceNormed().getAsDouble(),
            within(DriftBounds.wassersteinNormed(sb, sc)));
    DriftBounds.Interval psi = DriftBounds.psi(sb, sc, OPTIONS.bins());
    DriftBounds.Interval js = DriftBounds.js(sb, sc, OPTIONS.bins());
    assertThat(psi.contains(exact.populationStabilityIndex().getAsDouble())).isTrue();
    assertThat(psi.contains(sketched.populationStabilityIndex().getAsDouble())).isTrue();
    assertThat(js.contains(exact.jsDistance().getAsDouble())).isTrue();
    assertThat(js.contains(sketched.jsDistance().getAsDouble())).isTrue();
  }

  private static ColumnDrift exact(double[] b, double[] c) {
    return DriftAnalysis.numeric("x", NumericSample.of(b), NumericSample.of(c), OPTIONS);
  }

  /** The state of {@code v} built in four partitions and merged. */
  private static NumericState state(double[] v) {
    NumericState[] parts = new NumericState[4];
    for (int p = 0; p < parts.length; p++) {
      parts[p] = new NumericState();
    }
    for (int i = 0; i < v.length; i++) {
      parts[i % parts.length].add(v[i]);
    }
    NumericState s = parts[0];
    for (int p = 1; p < parts.length; p++) {
      s = s.merge(parts[p]);
    }
    return s;
  }

  private static double[] draw(int n, DoubleSupplier d) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = d.getAsDouble();
    }
    return v;
  }
}
