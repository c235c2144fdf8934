package io.andon.monitor.stats;

/**
 * Distances between two binned distributions given as counts over the same bins: PSI, the
 * Jensen-Shannon distance in base 2, total variation and L-infinity.
 */
public final class Divergence {
  /** Proportion given to an empty bin in PSI, so that PSI stays finite. */
  public static final double PSI_FLOOR = 0.0001;

  private Divergence() {}

  /** Proportions of counts; all zero when the counts sum to zero. */
  public static double[] proportions(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double[] p = new double[counts.length];
    if (total == 0) {
      return p;
    }
    for (int i = 0; i < counts.length; i++) {
      p[i] = (double) counts[i] / total;
    }
    return p;
  }

  /**
   * Population stability index, sum of (cur - base) ln(cur / base) over the bins, where an empty
   * bin's proportion counts as {@link #PSI_FLOOR} (in both distributions).
   */
  public static double psi(long[] baseline, long[] current) {
    check(baseline, current);
    double[] b = proportions(baseline);
    double[] c = proportions(current);
    double psi = 0;
    for (int i = 0; i < b.length; i++) {
      double bi = baseline[i] == 0 ? PSI_FLOOR : b[i];
      double ci = current[i] == 0 ? PSI_FLOOR : c[i];
      psi += (ci - bi) * Math.log(ci / bi);
    }
    return psi;
  }

  /**
   * Jensen-Shannon distance in base 2 (between 0 and 1), as SciPy's {@code jensenshannon(p, q,
   * base=2)}, on the bins' proportions, with no floor.
   */
  public static double jsDistance(long[] baseline, long[] current) {
    check(baseline, current);
    double[] p = proportions(baseline);
    double[] q = proportions(current);
    double left = 0;
    double right = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2.0;
      left += relEntr(p[i], m);
      right += relEntr(q[i], m);
    }
    double js = (left + right) / 2.0;
    return Math.sqrt(Math.max(0, js) / Math.log(2));
  }

  private static double relEntr(double x, double y) {
    if (x > 0 && y > 0) {
      return x * Math.log(x / y);
    }
    return x == 0 && y >= 0 ? 0 : Double.POSITIVE_INFINITY;
  }

  /** Total variation distance: half the sum of absolute differences of proportions. */
  public static double tvDistance(long[] baseline, long[] current) {
    check(baseline, current);
    double[] p = proportions(baseline);
    double[] q = proportions(current);
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      s += Math.abs(p[i] - q[i]);
    }
    return s / 2;
  }

  /** L-infinity distance: the largest absolute difference of proportions. */
  public static double lInfinityDistance(long[] baseline, long[] current) {
    check(baseline, current);
    double[] p = proportions(baseline);
    double[] q = proportions(current);
    double m = 0;
    for (int i = 0; i < p.length; i++) {
      m = Math.max(m, Math.abs(p[i] - q[i]));
    }
    return m;
  }

  private static void check(long[] a, long[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "the two distributions have " + a.length + " and " + b.length + " bins");
    }
    if (a.length == 0) {
      throw new IllegalArgumentException("no bins");
    }
  }
}
