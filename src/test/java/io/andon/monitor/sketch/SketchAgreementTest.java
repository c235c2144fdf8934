package io.andon.monitor.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftAnalysis;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.NumericSample;
import io.andon.monitor.stats.Quantiles;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Test;

/** The streaming (sketch) mode agrees with the exact mode within the sketches' error. */
class SketchAgreementTest {
  private static final int N = 200_000;

  private static double[] normal(long seed, int n, double mean) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = mean + r.nextGaussian();
    }
    return v;
  }

  private static NumericSketch sketch(double[] v) {
    NumericSketch s = new NumericSketch();
    for (double x : v) {
      s.add(x);
    }
    return s;
  }

  @Test
  void quantilesOfTheSketchAreWithinItsRankError() {
    double[] v = normal(1, N, 0);
    NumericSketch s = sketch(v);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double eps = s.kll().getNormalizedRankError(false);
    for (double q = 0.01; q < 1; q += 0.01) {
      double est = s.kll().getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
      double trueRank = (double) ExactRanks.below(sorted, est) / N;
      assertThat(trueRank).as("rank of the %.2f quantile", q).isCloseTo(q, within(eps));
    }
  }

  @Test
  void driftMetricsAgreeWithTheExactModeAndGiveTheSameVerdict() {
    for (double shift : new double[] {0.0, 0.1, 0.5}) {
      double[] a = normal(2, N, 0);
      double[] b = normal(3, N, shift);
      ColumnDrift exact =
          DriftAnalysis.numeric(
              "x", NumericSample.of(a), NumericSample.of(b), DriftOptions.DEFAULT);
      NumericSketch sa = sketch(a);
      NumericSketch sb = sketch(b);
      ColumnDrift approx = SketchDrift.numeric("x", sa, sb, DriftOptions.DEFAULT);
      // KLL compacts at random: the bounds hold with high probability, not always; 1.5 times
      // the sum of both 99%-confidence rank errors keeps this test from flaking
      double eps =
          1.5 * (sa.kll().getNormalizedRankError(false) + sb.kll().getNormalizedRankError(false));
      assertThat(approx.driftDetected())
          .as("verdict at shift " + shift)
          .isEqualTo(exact.driftDetected());
      assertThat(approx.ksTest().get().statistic())
          .as("KS at shift " + shift)
          .isCloseTo(exact.ksTest().get().statistic(), within(eps));
      // each bin's share is off by at most 2 rank errors; PSI and JS move accordingly
      assertThat(approx.populationStabilityIndex().getAsDouble())
          .isCloseTo(exact.populationStabilityIndex().getAsDouble(), within(0.03));
      assertThat(approx.jsDistance().getAsDouble())
          .isCloseTo(exact.jsDistance().getAsDouble(), within(0.06));
      // |Q1 - Q2| over noisy quantiles is biased upward by the quantile noise (about 0.03 sd)
      assertThat(approx.wassersteinDistanceNormed().getAsDouble())
          .isCloseTo(exact.wassersteinDistanceNormed().getAsDouble(), within(0.06));
      assertThat(approx.avgDelta().getAsDouble())
          .isCloseTo(exact.avgDelta().getAsDouble(), within(1e-9));
    }
  }

  @Test
  void sketchesOfPartitionsMergeIntoTheSketchOfTheWhole() {
    double[] v = normal(4, N, 3);
    NumericSketch left = sketch(Arrays.copyOfRange(v, 0, N / 3));
    NumericSketch right = sketch(Arrays.copyOfRange(v, N / 3, N));
    right.add(Double.NaN);
    right.addNull();
    left.merge(right);
    NumericSample exact = NumericSample.of(v);
    assertThat(left.size()).isEqualTo(N);
    assertThat(left.rows()).isEqualTo(N + 2);
    assertThat(left.nans()).isEqualTo(1);
    assertThat(left.nulls()).isEqualTo(1);
    assertThat(left.mean()).isCloseTo(exact.mean(), within(1e-9));
    assertThat(left.std()).isCloseTo(exact.std(), within(1e-9));
    double eps = left.kll().getNormalizedRankError(false);
    double[] sorted = exact.sorted();
    double median = left.kll().getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE);
    assertThat((double) ExactRanks.below(sorted, median) / N).isCloseTo(0.5, within(eps));
    assertThat(left.distinctEstimate()).isCloseTo(N, within(0.05 * N));
    assertThat(Quantiles.linear(sorted, 0.5)).isCloseTo(median, within(0.1));
  }

  @Test
  void sketchMemoryDoesNotGrowWithRows() {
    NumericSketch small = sketch(normal(5, 100_000, 0));
    NumericSketch big = sketch(normal(6, 2_000_000, 0));
    assertThat(big.serializedBytes()).isLessThan(16_384);
    assertThat(big.serializedBytes()).isLessThan(2 * small.serializedBytes());
  }
}
