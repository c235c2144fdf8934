package io.andon.monitor.estimate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Isotonic regression (non-decreasing), as scikit-learn's IsotonicRegression with {@code
 * out_of_bounds="clip"}: equal x are merged into their mean y, the pool-adjacent-violators
 * algorithm fits the means (weighted by count), and a prediction interpolates linearly between the
 * fitted points, clipped to the range of x seen.
 */
public final class Isotonic {
  private final double[] xs;
  private final double[] fitted;

  /**
   * @throws IllegalArgumentException when there are no points
   */
  public Isotonic(double[] x, double[] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("isotonic regression needs points");
    }
    Integer[] order = new Integer[x.length];
    for (int i = 0; i < x.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> x[i]));
    List<double[]> pts = new ArrayList<>(); // x, sum y, weight
    for (int i : order) {
      double[] last = pts.isEmpty() ? null : pts.get(pts.size() - 1);
      if (last != null && last[0] == x[i]) {
        last[1] += y[i];
        last[2]++;
      } else {
        pts.add(new double[] {x[i], y[i], 1});
      }
    }
    int m = pts.size();
    xs = new double[m];
    double[] mean = new double[m];
    double[] w = new double[m];
    int[] len = new int[m];
    int blocks = 0;
    for (int i = 0; i < m; i++) {
      double[] p = pts.get(i);
      xs[i] = p[0];
      mean[blocks] = p[1] / p[2];
      w[blocks] = p[2];
      len[blocks] = 1;
      blocks++;
      while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
        double tw = w[blocks - 2] + w[blocks - 1];
        mean[blocks - 2] =
            (mean[blocks - 2] * w[blocks - 2] + mean[blocks - 1] * w[blocks - 1]) / tw;
        w[blocks - 2] = tw;
        len[blocks - 2] += len[blocks - 1];
        blocks--;
      }
    }
    fitted = new double[m];
    int at = 0;
    for (int b = 0; b < blocks; b++) {
      for (int t = 0; t < len[b]; t++) {
        fitted[at++] = mean[b];
      }
    }
  }

  /** The calibrated value at {@code v}. */
  public double predict(double v) {
    if (v <= xs[0]) {
      return fitted[0];
    }
    int last = xs.length - 1;
    if (v >= xs[last]) {
      return fitted[last];
    }
    int i = Arrays.binarySearch(xs, v);
    if (i >= 0) {
      return fitted[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double t = (v - xs[lo]) / (xs[hi] - xs[lo]);
    return fitted[lo] + t * (fitted[hi] - fitted[lo]);
  }
}
