package io.andon.monitor.sketch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;

/** andon's HyperLogLog registers count distinct values within HLL's error at every count. */
class DistinctCountTest {
  /** Three relative standard errors of 2^12 registers (1.04 / 64). */
  private static final double THREE_SIGMA = 3 * 1.04 / 64;

  @Test
  void anEmptyCounterCountsNothingAndFewValuesAreCountedAlmostExactly() {
    DistinctCount.Registers c = DistinctCount.empty();
    assertThat(c.estimate()).isZero();
    for (int n = 1; n <= 200; n++) {
      c.add(n * 0.25);
      c.add(n * 0.25); // repeats count once
      assertThat(c.estimate()).as("%d values", n).isCloseTo(n, within(Math.max(0.5, 0.02 * n)));
    }
  }

  @Test
  void theEstimateStaysWithinThreeStandardErrorsFromHundredsToMillions() {
    SplittableRandom r = new SplittableRandom(3);
    for (int n : new int[] {1_000, 5_000, 10_000, 20_000, 50_000, 200_000, 2_000_000}) {
      DistinctCount.Registers normal = DistinctCount.empty();
      DistinctCount.Registers integers = DistinctCount.empty();
      for (int i = 0; i < n; i++) {
        normal.add(r.nextGaussian());
        integers.add(i); // small integers differ only in a few high bits of their doubles
      }
      assertThat(normal.estimate()).as("%d normal values", n).isCloseTo(n, within(THREE_SIGMA * n));
      assertThat(integers.estimate()).as("0 to %d", n).isCloseTo(n, within(THREE_SIGMA * n));
    }
  }

  @Test
  void minusZeroIsZeroAndInfinitiesCount() {
    DistinctCount.Registers c = DistinctCount.empty();
    for (double x : new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
      c.add(x);
    }
    assertThat(c.estimate()).isCloseTo(3, within(0.01));
  }

  @Test
  void countersOfPartsMergeIntoTheCounterOfTheWhole() {
    DistinctCount.Registers a = DistinctCount.empty();
    DistinctCount.Registers b = DistinctCount.empty();
    for (int i = 0; i < 300_000; i++) {
      a.add(i);
      b.add(i + 100_000); // 200,000 in common
    }
    assertThat(a.merge(b).estimate()).isCloseTo(400_000, within(THREE_SIGMA * 400_000));
    assertThat(a.estimate()).isCloseTo(300_000, within(THREE_SIGMA * 300_000));
  }

  @Test
  void countersOfDifferentHashesDoNotMerge() {
    DistinctCount hll = DistinctCount.of(new HllSketch(DistinctCount.LG_K));
    assertThatThrownBy(() -> DistinctCount.empty().merge(hll))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hll.merge(DistinctCount.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> hll.add(1.0)).isInstanceOf(IllegalStateException.class);
  }
}
