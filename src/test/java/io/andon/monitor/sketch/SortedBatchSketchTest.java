package io.andon.monitor.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;
import org.junit.jupiter.api.Test;

/**
 * Values reach the KLL sketch in sorted batches compacted in one move, and the HLL sketch hears
 * each batch's distinct values once: the sketches keep their documented error on random and
 * adversarial data, with nulls, NaN, infinities, -0.0 and ties, and still merge.
 */
class SortedBatchSketchTest {
  private static final int N = 1_000_000;

  @Test
  void aSortedBatchBecomesAKllSketchHoldingOneValueInTwoToTheLevel() {
    double[] v = new double[NumericSketch.BATCH];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    KllDoublesSketch s = KllBatch.compacted(v, v.length, NumericSketch.BATCH_LEVEL, 5, 200);
    assertThat(s.getN()).isEqualTo(v.length);
    assertThat(s.getNumRetained()).isEqualTo(v.length >> NumericSketch.BATCH_LEVEL);
    assertThat(s.getMinItem()).isEqualTo(0.0);
    assertThat(s.getMaxItem()).isEqualTo(v.length - 1.0);
    // the kept values are 5, 517, 1029, ...: each stands for the 512 values up to it
    assertThat(s.getRank(5, QuantileSearchCriteria.INCLUSIVE)).isEqualTo(512.0 / v.length);
    // below the first kept value only the minimum counts (DataSketches keeps it, weight 1)
    assertThat(s.getRank(4, QuantileSearchCriteria.INCLUSIVE)).isEqualTo(1.0 / v.length);
    assertThat(s.getQuantile(0.5, QuantileSearchCriteria.INCLUSIVE)).isEqualTo(32_261.0);
    KllDoublesSketch whole = KllDoublesSketch.newHeapInstance(200);
    whole.update(-1);
    whole.merge(s);
    assertThat(whole.getN()).isEqualTo(v.length + 1L);
    assertThat(whole.getMinItem()).isEqualTo(-1.0);
  }

  @Test
  void aBatchThatCannotBeKeptThatWayIsRefused() {
    double[] v = new double[1000];
    assertThatThrownBy(() -> KllBatch.compacted(v, 1000, 9, 0, 200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KllBatch.compacted(new double[1024], 1024, 9, 512, 200))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KllBatch.compacted(new double[1 << 16], 1 << 16, 4, 0, 200))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ranksStayWithinTheRankErrorOnRandomAndAdversarialData() {
    SplittableRandom r = new SplittableRandom(7);
    check("normal", i -> r.nextGaussian());
    check("ascending", i -> i);
    check("descending", i -> -i);
    check("50 integer levels", i -> r.nextInt(50));
    check("one value", i -> 3.0);
    // a narrow cluster the sort puts together, then values far on both sides
    check("clusters", i -> i % 3 == 0 ? 1e-9 * r.nextDouble() : (i % 3 == 1 ? -1e9 : 1e9) * i);
    check(
        "specials",
        i ->
            switch (i % 7) {
              case 0 -> Double.POSITIVE_INFINITY;
              case 1 -> Double.NEGATIVE_INFINITY;
              case 2 -> -0.0;
              case 3 -> 0.0;
              default -> r.nextDouble();
            });
  }

  /**
   * Sketches N values of {@code f} (batch by batch, as a scan hands them over) against them all.
   */
  private static void check(String what, IntToDoubleFunction f) {
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = f.applyAsDouble(i);
    }
    NumericSketch s = new NumericSketch();
    feed(s, v, 0, N);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    KllDoublesSketch k = s.kll();
    assertThat(k.getN()).as(what).isEqualTo(N);
    assertThat(k.getMinItem()).as(what).isEqualTo(sorted[0]);
    assertThat(k.getMaxItem()).as(what).isEqualTo(sorted[N - 1]);
    double eps = k.getNormalizedRankError(false);
    for (int i = 1; i < 200; i++) {
      double q = i / 200.0;
      double x = k.getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
      // with ties the value x covers a range of ranks: the rank asked must be near that range
      double below = (double) ExactRanks.below(sorted, x) / N;
      double upTo = (double) ExactRanks.upTo(sorted, x) / N;
      assertThat(q)
          .as("%s: rank %.3f of %s, true ranks [%f, %f]", what, q, x, below, upTo)
          .isBetween(below - eps, upTo + eps);
      double y = sorted[(int) (q * N)];
      assertThat(k.getRank(y, QuantileSearchCriteria.INCLUSIVE))
          .as("%s: rank of %s", what, y)
          .isCloseTo(upTo(sorted, y), within(eps));
    }
  }

  private static double upTo(double[] sorted, double y) {
    return (double) ExactRanks.upTo(sorted, y) / sorted.length;
  }

  /** Feeds v[from, to) in scan batches of 65,536 values, as many rows again null a tenth. */
  private static void feed(NumericSketch s, double[] v, int from, int to) {
    double[] buf = new double[1 << 16];
    for (int at = from; at < to; at += buf.length) {
      int n = Math.min(buf.length, to - at);
      System.arraycopy(v, at, buf, 0, n);
      s.addAll(buf, n, n + n / 10);
    }
  }

  @Test
  void nullsAndNanAreCountedApartAndMinusZeroIsTheSameDistinctValueAsZero() {
    NumericSketch s = new NumericSketch();
    double[] buf = new double[100_000];
    for (int i = 0; i < buf.length; i++) {
      buf[i] = i % 4 == 0 ? Double.NaN : (i % 4 == 1 ? -0.0 : (i % 4 == 2 ? 0.0 : 1.0));
    }
    s.addAll(buf, buf.length, buf.length + 500);
    assertThat(s.rows()).isEqualTo(100_500);
    assertThat(s.nulls()).isEqualTo(500);
    assertThat(s.nans()).isEqualTo(25_000);
    assertThat(s.zeros()).isEqualTo(50_000);
    assertThat(s.size()).isEqualTo(75_000);
    assertThat(s.distinctEstimate()).isCloseTo(2.0, within(0.01));
    assertThat(s.mean()).isCloseTo(1.0 / 3, within(1e-12));
  }

  @Test
  void theDistinctCountIsThatOfACounterHearingEveryValue() {
    SplittableRandom r = new SplittableRandom(9);
    double[] v = new double[300_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 2 == 0 ? r.nextInt(1000) : r.nextGaussian();
    }
    NumericSketch s = new NumericSketch();
    feed(s, v, 0, v.length);
    DistinctCount.Registers every = DistinctCount.empty();
    for (double x : v) {
      every.add(x);
    }
    // registers keep the largest rank each: the same registers whatever the order and repeats
    assertThat(s.distinctEstimate()).isEqualTo(every.estimate());
    assertThat(s.distinctEstimate()).isCloseTo(151_000, within(0.05 * 151_000));
  }

  @Test
  void aSideWithOnlyNullsAndNanIsEmpty() {
    NumericSketch s = new NumericSketch();
    double[] buf = {Double.NaN, Double.NaN};
    s.addAll(buf, 2, 10);
    assertThat(s.size()).isZero();
    assertThat(s.kll().isEmpty()).isTrue();
    assertThat(s.rows()).isEqualTo(10);
    assertThat(s.distinctEstimate()).isZero();
  }

  @Test
  void sketchesOfPartsWithBatchesUnderWayMergeIntoTheSketchOfTheWhole() {
    SplittableRandom r = new SplittableRandom(11);
    double[] v = new double[N];
    for (int i = 0; i < N; i++) {
      v[i] = Math.exp(r.nextGaussian());
    }
    NumericSketch left = new NumericSketch();
    NumericSketch right = new NumericSketch();
    // neither part a whole number of batches: both hold a partial batch when merged
    feed(left, v, 0, 300_001);
    feed(right, v, 300_001, N);
    left.merge(right);
    assertThat(left.size()).isEqualTo(N);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double eps = left.kll().getNormalizedRankError(false);
    for (double q = 0.05; q < 1; q += 0.05) {
      double x = left.kll().getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
      assertThat(upTo(sorted, x)).as("rank %.2f", q).isCloseTo(q, within(eps));
    }
    assertThat(left.distinctEstimate()).isCloseTo(N, within(0.05 * N));
  }
}
