package io.andon.monitor.chunk;

import java.util.Arrays;

/**
 * k nearest neighbours by Euclidean distance, by brute force: the prediction at a point is the mean
 * target of the {@code k} training rows nearest to it (ties of distance broken by row order).
 */
public final class Knn {
  private final double[][] x;
  private final double[] y;
  private final int k;

  /**
   * @throws IllegalArgumentException when there are fewer than {@code k} training rows
   */
  public Knn(double[][] x, double[] y, int k) {
    if (k < 1 || x.length < k || x.length != y.length) {
      throw new IllegalArgumentException(
          "k-NN needs at least k = " + k + " training rows, got " + x.length);
    }
    this.x = x;
    this.y = y;
    this.k = k;
  }

  /** The prediction at each row of {@code q}. */
  public double[] predict(double[][] q) {
    double[] out = new double[q.length];
    double[] dist = new double[k];
    int[] idx = new int[k];
    for (int r = 0; r < q.length; r++) {
      Arrays.fill(dist, Double.POSITIVE_INFINITY);
      Arrays.fill(idx, Integer.MAX_VALUE);
      double[] p = q[r];
      for (int i = 0; i < x.length; i++) {
        double d = 0;
        double[] xi = x[i];
        for (int j = 0; j < p.length; j++) {
          double t = p[j] - xi[j];
          d += t * t;
        }
        if (d < dist[k - 1]) {
          int at = k - 1;
          while (at > 0 && dist[at - 1] > d) {
            dist[at] = dist[at - 1];
            idx[at] = idx[at - 1];
            at--;
          }
          dist[at] = d;
          idx[at] = i;
        }
      }
      double sum = 0;
      for (int t = 0; t < k; t++) {
        sum += y[idx[t]];
      }
      out[r] = sum / k;
    }
    return out;
  }
}
