package io.andon.monitor.stats;

/** Quantiles of a sorted sample by linear interpolation, NumPy's default ({@code 'linear'}). */
public final class Quantiles {
  private Quantiles() {}

  /** The q-quantile (0 &lt;= q &lt;= 1) of a sorted, non-empty sample. */
  public static double linear(double[] sorted, double q) {
    int n = sorted.length;
    if (n == 0) {
      throw new IllegalArgumentException("quantile of an empty sample");
    }
    double pos = q * (n - 1);
    int lo = (int) Math.floor(pos);
    if (lo >= n - 1) {
      return sorted[n - 1];
    }
    double t = pos - lo;
    double a = sorted[lo];
    double b = sorted[lo + 1];
    double diff = b - a;
    // NumPy's _lerp: a + diff*t, evaluated from the nearer end when t >= 0.5
    return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
  }
}
