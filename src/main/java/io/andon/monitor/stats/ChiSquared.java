package io.andon.monitor.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Pearson's chi-squared test of homogeneity on the 2 x k table of category counts (baseline row,
 * current row), as SciPy's {@code chi2_contingency(table)}: expected counts from the margins, k - 1
 * degrees of freedom, Yates' continuity correction only when k = 2 (one degree of freedom).
 * Categories absent from both rows must be left out by the caller; a category new in one row is a
 * column with a zero, which the test handles (its expected counts are positive).
 */
public final class ChiSquared {
  /** Expected counts below this make the test unreliable; the result says so. */
  public static final double MIN_RELIABLE_EXPECTED = 5.0;

  /**
   * The outcome. {@code minExpected} is the smallest expected count; {@code lowExpected} is true
   * when it is below 5, so that the p-value should not be trusted.
   */
  public record Result(double statistic, double pvalue, int dof, double minExpected) {
    public boolean lowExpected() {
      return minExpected < MIN_RELIABLE_EXPECTED;
    }
  }

  private ChiSquared() {}

  public static Result homogeneity(long[] baseline, long[] current) {
    if (baseline.length != current.length) {
      throw new IllegalArgumentException("rows of different lengths");
    }
    int k = baseline.length;
    double r0 = 0;
    double r1 = 0;
    for (int i = 0; i < k; i++) {
      r0 += baseline[i];
      r1 += current[i];
    }
    double total = r0 + r1;
    if (r0 == 0 || r1 == 0) {
      throw new IllegalArgumentException("chi_squared_test needs two non-empty samples");
    }
    double minExpected = Double.POSITIVE_INFINITY;
    double[][] expected = new double[2][k];
    for (int i = 0; i < k; i++) {
      double col = (double) baseline[i] + current[i];
      if (col == 0) {
        throw new IllegalArgumentException(
            "category " + i + " has no observation in either sample");
      }
      expected[0][i] = r0 * col / total;
      expected[1][i] = r1 * col / total;
      minExpected = Math.min(minExpected, Math.min(expected[0][i], expected[1][i]));
    }
    int dof = k - 1;
    if (dof == 0) {
      return new Result(0.0, 1.0, 0, minExpected);
    }
    double stat = 0;
    for (int r = 0; r < 2; r++) {
      long[] row = r == 0 ? baseline : current;
      for (int i = 0; i < k; i++) {
        double o = row[i];
        double e = expected[r][i];
        if (dof == 1) {
          double diff = e - o;
          o += Math.signum(diff) * Math.min(0.5, Math.abs(diff));
        }
        stat += (o - e) * (o - e) / e;
      }
    }
    double p = Gamma.regularizedGammaQ(dof / 2.0, stat / 2.0);
    return new Result(stat, Math.max(0, Math.min(1, p)), dof, minExpected);
  }
}
