package io.andon.monitor.chunk;

import java.util.Arrays;
import java.util.Comparator;

/** Ranking metrics of binary scores. */
public final class Auc {
  private Auc() {}

  /**
   * The area under the ROC curve of {@code scores} for labels {@code positive}: the Mann-Whitney
   * statistic with mid-ranks for ties (as scikit-learn's roc_auc_score).
   *
   * @throws IllegalArgumentException when one class is absent
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSum = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (positive[order[t]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException("ROC AUC needs both classes");
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /**
   * The area under a curve through the points (x, y) in their order, by trapezoids; positive when x
   * falls (as scikit-learn's auc takes the direction of a monotonic x).
   */
  public static double trapezoid(double[] x, double[] y) {
    double area = 0;
    for (int i = 1; i < x.length; i++) {
      area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
    }
    return Math.abs(area);
  }
}
