package io.andon.monitor.stats;

import java.util.Arrays;

/**
 * The first Wasserstein (earth mover's) distance between two empirical distributions: the area
 * between their CDFs, as SciPy's {@code wasserstein_distance(u, v)} without weights.
 */
public final class Wasserstein {
  private Wasserstein() {}

  public static double distance(double[] u, double[] v) {
    double[] a = u.clone();
    double[] b = v.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    return distanceSorted(a, b);
  }

  /** The distance of two samples sorted ascending, non-empty, without NaN. */
  public static double distanceSorted(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("wasserstein_distance needs two non-empty samples");
    }
    int i = 0;
    int j = 0;
    double sum = 0;
    double prev = Math.min(a[0], b[0]);
    while (i < n1 || j < n2) {
      double x = (j >= n2 || (i < n1 && a[i] <= b[j])) ? a[i] : b[j];
      sum += Math.abs((double) i / n1 - (double) j / n2) * (x - prev);
      prev = x;
      while (i < n1 && a[i] <= x) {
        i++;
      }
      while (j < n2 && b[j] <= x) {
        j++;
      }
    }
    return sum;
  }
}
