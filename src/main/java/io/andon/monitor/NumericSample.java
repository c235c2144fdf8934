package io.andon.monitor;

import java.util.Objects;

/**
 * The values of one numeric column: how many rows, how many null and NaN, and the other values
 * sorted ascending (infinities included, at the ends). Statistics that need finite values (mean,
 * standard deviation, Wasserstein) use the finite part only.
 *
 * @param unparseable values of a text column that did not parse as numbers (counted as nulls)
 */
public record NumericSample(long rows, long nulls, long nans, long unparseable, double[] sorted)
    implements ColumnSample {
  public NumericSample {
    Objects.requireNonNull(sorted, "sorted");
    if (rows < 0 || nulls < 0 || nans < 0) {
      throw new IllegalArgumentException("negative counts");
    }
  }

  /** A sample of values (NaN counted apart, nothing null), sorted here. */
  public static NumericSample of(double[] values) {
    int nan = 0;
    double[] v = new double[values.length];
    int w = 0;
    for (double x : values) {
      if (Double.isNaN(x)) {
        nan++;
      } else {
        v[w++] = x;
      }
    }
    double[] s = java.util.Arrays.copyOf(v, w);
    io.andon.monitor.stats.DoubleSort.sort(s);
    return new NumericSample(values.length, 0, nan, 0, s);
  }

  /** Non-null, non-NaN values. */
  public int size() {
    return sorted.length;
  }

  /** The finite values: the sorted array without its infinite ends. */
  public double[] finite() {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi && sorted[lo] == Double.NEGATIVE_INFINITY) {
      lo++;
    }
    while (hi > lo && sorted[hi - 1] == Double.POSITIVE_INFINITY) {
      hi--;
    }
    return lo == 0 && hi == sorted.length ? sorted : java.util.Arrays.copyOfRange(sorted, lo, hi);
  }

  public long infinities() {
    return sorted.length - finite().length;
  }

  public double mean() {
    double[] f = finite();
    if (f.length == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (double x : f) {
      s += x;
    }
    double m = s / f.length;
    double c = 0;
    for (double x : f) {
      c += x - m;
    }
    return m + c / f.length;
  }

  /** Population standard deviation (ddof = 0, NumPy's default) of the finite values. */
  public double std() {
    double[] f = finite();
    if (f.length == 0) {
      return Double.NaN;
    }
    double m = mean();
    double ss = 0;
    for (double x : f) {
      ss += (x - m) * (x - m);
    }
    return Math.sqrt(ss / f.length);
  }

  public long zeros() {
    long z = 0;
    for (double x : sorted) {
      if (x == 0.0) {
        z++;
      }
    }
    return z;
  }

  public long distinct() {
    long d = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        d++;
      }
    }
    return d;
  }

  @Override
  public ColumnProfile profile(String name) {
    return ColumnProfile.numeric(name, this);
  }

  @Override
  public boolean allDistinct() {
    return size() >= ColumnRoles.MIN_VALUES && distinct() == size();
  }

  @Override
  public ColumnDrift driftTo(String name, ColumnSample current, DriftOptions options) {
    if (!(current instanceof NumericSample cur)) {
      throw new IllegalArgumentException("column '" + name + "' is numeric in the baseline only");
    }
    return DriftAnalysis.numeric(name, this, cur, options);
  }
}
