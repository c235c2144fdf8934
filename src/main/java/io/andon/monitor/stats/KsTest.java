package io.andon.monitor.stats;

import java.util.Arrays;

/**
 * The two-sample Kolmogorov-Smirnov test, two-sided, as SciPy's {@code ks_2samp(method='auto')}
 * computes it: the exact statistic D = sup |F1 - F2| over both samples; the exact p-value (Hodges'
 * lattice-path count) when both samples have at most 10,000 values, otherwise, or when the exact
 * count fails numerically, the distribution of the one-sample statistic at n = round(n1 n2 / (n1 +
 * n2)).
 */
public final class KsTest {
  /** Samples up to this size get the exact p-value, as in SciPy. */
  public static final int MAX_EXACT_N = 10_000;

  /** The test's outcome; {@code exact} tells which p-value was used. */
  public record Result(double statistic, double pvalue, boolean exact) {}

  private KsTest() {}

  /** Tests two samples; each is sorted in a copy, NaN must have been removed. */
  public static Result test(double[] sample1, double[] sample2) {
    double[] a = sample1.clone();
    double[] b = sample2.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    return testSorted(a, b);
  }

  /** Tests two samples already sorted ascending (no NaN). */
  public static Result testSorted(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("ks_test needs two non-empty samples");
    }
    double d = statisticSorted(a, b);
    long g = gcd(n1, n2);
    if (Math.max(n1, n2) <= MAX_EXACT_N) {
      long lcm = (n1 / g) * (long) n2;
      long h = (long) Math.rint(d * lcm);
      double dh = (double) h / lcm;
      if (h == 0) {
        return new Result(dh, 1.0, true);
      }
      double p = n1 == n2 ? probOutsideSquare(n1, (int) h) : outerProbInside(n1, n2, g, h);
      if (Double.isFinite(p) && p >= 0 && p <= 1) {
        return new Result(dh, p, true);
      }
      d = dh;
    }
    double m = Math.max(n1, n2);
    double n = Math.min(n1, n2);
    double en = m * n / (m + n);
    long ne = (long) Math.rint(en);
    double p = KolmogorovDistribution.sf(Math.max(1, ne), d);
    return new Result(d, Math.max(0, Math.min(1, p)), false);
  }

  /** sup |F1(x) - F2(x)| of two sorted samples, each ECDF evaluated as i/n in double. */
  static double statisticSorted(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    int i = 0;
    int j = 0;
    double max = 0;
    double min = 0;
    while (i < n1 || j < n2) {
      double x;
      if (j >= n2 || (i < n1 && a[i] <= b[j])) {
        x = a[i];
      } else {
        x = b[j];
      }
      while (i < n1 && a[i] <= x) {
        i++;
      }
      while (j < n2 && b[j] <= x) {
        j++;
      }
      double diff = (double) i / n1 - (double) j / n2;
      if (diff > max) {
        max = diff;
      }
      if (diff < min) {
        min = diff;
      }
    }
    return Math.max(max, Math.min(1, -min));
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** Pr(D_{n,n} &gt;= h/n), Horner form of the alternating binomial sum. */
  static double probOutsideSquare(int n, int h) {
    double p = 0.0;
    int k = n / h;
    while (k >= 0) {
      double p1 = 1.0;
      for (int j = 0; j < h; j++) {
        p1 = (n - (double) k * h - j) * p1 / (n + (double) k * h + j + 1);
      }
      p = p1 * (1.0 - p);
      k--;
    }
    return 2 * p;
  }

  /**
   * The share of lattice paths from (0,0) to (m,n) that leave the band |x/m - y/n| &lt; h/lcm,
   * computed directly as 1 - share inside (Viehmann 2021) with a sliding column window.
   */
  static double outerProbInside(long m0, long n0, long g, long h) {
    long m = Math.max(m0, n0);
    long n = Math.min(m0, n0);
    long mg = m / g;
    long ng = n / g;
    int minj = 0;
    int maxj = (int) Math.min((long) Math.ceil((double) h / mg), n + 1);
    int curlen = maxj - minj;
    int lenA = (int) Math.min(2L * maxj + 2, n + 1);
    double[] a = new double[lenA];
    Arrays.fill(a, 1.0);
    for (int i = minj; i < maxj; i++) {
      a[i] = 0.0;
    }
    for (long i = 1; i <= m; i++) {
      int lastminj = minj;
      int lastlen = curlen;
      minj = (int) Math.max((long) Math.floor((double) (ng * i - h) / mg) + 1, 0);
      minj = (int) Math.min(minj, n);
      maxj = (int) Math.min((long) Math.ceil((double) (ng * i + h) / mg), n + 1);
      if (maxj <= minj) {
        return 1.0;
      }
      double val = minj == 0 ? 0.0 : 1.0;
      for (int jj = 0; jj < maxj - minj; jj++) {
        int j = jj + minj;
        val = (a[jj + minj - lastminj] * i + val * j) / (i + j);
        a[jj] = val;
      }
      curlen = maxj - minj;
      if (lastlen > curlen) {
        Arrays.fill(a, maxj - minj, Math.min(a.length, maxj - minj + (lastlen - curlen)), 1.0);
      }
    }
    return a[maxj - minj - 1];
  }
}
