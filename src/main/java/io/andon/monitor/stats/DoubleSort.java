package io.andon.monitor.stats;

import java.lang.ref.SoftReference;
import java.util.Arrays;

/**
 * Sorts doubles with a least-significant-digit radix sort: the same order as {@link
 * Arrays#sort(double[])} ({@link Double#compare}: -0.0 before 0.0, infinities at the ends, NaN
 * last), about two to four times faster on millions of values.
 *
 * <p>Each value's bits become an unsigned 64-bit key (the sign bit flipped for positive numbers,
 * every bit flipped for negative ones, so unsigned order is numeric order); six passes of 11-bit
 * digits move the values between the array and one scratch array, counted beforehand in a single
 * pass. A digit that every value shares (the low mantissa bits of integers, the exponent of values
 * of one magnitude) skips its pass. Short ranges go to {@link Arrays#sort}, quicker there.
 */
public final class DoubleSort {
  /** Below this many values {@link Arrays#sort} is quicker. */
  static final int MIN_RADIX = 1 << 12;

  private static final int BITS = 11;
  private static final int RADIX = 1 << BITS;
  private static final int MASK = RADIX - 1;
  private static final int PASSES = (Long.SIZE + BITS - 1) / BITS;

  /**
   * The scratch array of each thread, kept for its next sort (a fresh array costs a page fault per
   * 4 KiB), softly: the collector takes it back when memory runs short.
   */
  private static final ThreadLocal<SoftReference<double[]>> SCRATCH =
      ThreadLocal.withInitial(() -> new SoftReference<>(new double[0]));

  private DoubleSort() {}

  /** Sorts {@code a} ascending. */
  public static void sort(double[] a) {
    sort(a, 0, a.length);
  }

  /** Sorts {@code a[from, to)} ascending. */
  public static void sort(double[] a, int from, int to) {
    int n = to - from;
    if (n < MIN_RADIX) {
      Arrays.sort(a, from, to);
      return;
    }
    int[][] counts = new int[PASSES][RADIX];
    for (int i = from; i < to; i++) {
      long k = key(a[i]);
      for (int p = 0; p < PASSES; p++) {
        counts[p][(int) (k >>> (p * BITS)) & MASK]++;
      }
    }
    double[] scratch = scratch(n);
    double[] src = a;
    int srcAt = from;
    double[] dst = scratch;
    int dstAt = 0;
    long first = key(a[from]);
    for (int p = 0; p < PASSES; p++) {
      int shift = p * BITS;
      int[] c = counts[p];
      if (c[(int) (first >>> shift) & MASK] == n) {
        continue;
      }
      int sum = dstAt;
      for (int d = 0; d < RADIX; d++) {
        int k = c[d];
        c[d] = sum;
        sum += k;
      }
      for (int i = srcAt, end = srcAt + n; i < end; i++) {
        double x = src[i];
        dst[c[(int) (key(x) >>> shift) & MASK]++] = x;
      }
      double[] t = src;
      src = dst;
      dst = t;
      int ta = srcAt;
      srcAt = dstAt;
      dstAt = ta;
    }
    if (src != a) {
      System.arraycopy(src, srcAt, a, from, n);
    }
  }

  /** The bits of {@code x} as an unsigned key in {@link Double#compare}'s order. */
  private static long key(double x) {
    long b = Double.doubleToLongBits(x);
    return b ^ ((b >> 63) | Long.MIN_VALUE);
  }

  private static double[] scratch(int n) {
    double[] s = SCRATCH.get().get();
    if (s == null || s.length < n) {
      s = new double[n];
      SCRATCH.set(new SoftReference<>(s));
    }
    return s;
  }
}
