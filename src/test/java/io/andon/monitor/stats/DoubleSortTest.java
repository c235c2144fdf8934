package io.andon.monitor.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The radix sort puts every value where {@link Arrays#sort} puts it, bit for bit: NaN, both
 * infinities, -0.0 before 0.0, ties, subnormals, ranges of an array and arrays of every length.
 */
class DoubleSortTest {
  private static final double[] ODD = {
    Double.NaN,
    Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY,
    -0.0,
    0.0,
    Double.MIN_VALUE,
    -Double.MIN_VALUE,
    Double.MAX_VALUE,
    -Double.MAX_VALUE,
    Double.MIN_NORMAL,
    Double.longBitsToDouble(0xfff8000000000001L)
  };

  private static double[] generate(int n, DoubleSupplier f) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = f.getAsDouble();
    }
    return a;
  }

  private static void assertSortsLikeArraysSort(double[] a, int from, int to) {
    double[] want = a.clone();
    Arrays.sort(want, from, to);
    double[] got = a.clone();
    DoubleSort.sort(got, from, to);
    long[] wantBits = Arrays.stream(want).mapToLong(Double::doubleToLongBits).toArray();
    long[] gotBits = Arrays.stream(got).mapToLong(Double::doubleToLongBits).toArray();
    assertThat(gotBits).isEqualTo(wantBits);
  }

  @Test
  void everyKindOfValueEndsWhereArraysSortPutsIt() {
    SplittableRandom r = new SplittableRandom(7);
    int n = DoubleSort.MIN_RADIX * 5 + 3;
    DoubleSupplier[] kinds = {
      r::nextGaussian,
      () -> Math.exp(r.nextGaussian() * 3),
      () -> Math.floor(r.nextDouble() * 50),
      () -> -Math.floor(r.nextDouble() * 3),
      () -> r.nextDouble() < 0.3 ? ODD[r.nextInt(ODD.length)] : r.nextGaussian() * 1e-310,
      () -> Double.longBitsToDouble(r.nextLong()),
      () -> 42.0,
      () -> r.nextBoolean() ? -0.0 : 0.0
    };
    for (DoubleSupplier kind : kinds) {
      assertSortsLikeArraysSort(generate(n, kind), 0, n);
    }
  }

  @Test
  void aRangeIsSortedAndTheRestOfTheArrayLeftAlone() {
    SplittableRandom r = new SplittableRandom(11);
    int n = DoubleSort.MIN_RADIX * 3;
    double[] a = generate(n, r::nextGaussian);
    assertSortsLikeArraysSort(a, 17, n - 5);
    assertSortsLikeArraysSort(a, DoubleSort.MIN_RADIX / 2, DoubleSort.MIN_RADIX * 2 + 9);
  }

  @Test
  void shortEmptyAndThresholdLengthsSortAlike() {
    SplittableRandom r = new SplittableRandom(3);
    for (int n :
        new int[] {
          0, 1, 2, DoubleSort.MIN_RADIX - 1, DoubleSort.MIN_RADIX, DoubleSort.MIN_RADIX + 1
        }) {
      assertSortsLikeArraysSort(
          generate(n, () -> r.nextInt(4) == 0 ? ODD[r.nextInt(ODD.length)] : r.nextGaussian()),
          0,
          n);
    }
  }

  @Test
  void aSmallerSortAfterALargerOneReusesTheScratchCorrectly() {
    SplittableRandom r = new SplittableRandom(5);
    assertSortsLikeArraysSort(generate(DoubleSort.MIN_RADIX * 8, r::nextGaussian), 0, 8 * 4096);
    double[] small = generate(DoubleSort.MIN_RADIX * 2, r::nextDouble);
    assertSortsLikeArraysSort(small, 0, small.length);
  }
}
