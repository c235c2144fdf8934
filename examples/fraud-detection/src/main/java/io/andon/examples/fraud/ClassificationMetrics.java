package io.andon.examples.fraud;

import java.util.Arrays;
import java.util.Objects;

/**
 * Metrics of a binary classifier as pure functions over scores and labels (1 = positive).
 *
 * <ul>
 *   <li>accuracy = (TP + TN) / n; precision = TP / (TP + FP), 0 when nothing is predicted positive
 *       (as scikit-learn's {@code zero_division=0}); recall = TP / (TP + FN), 0 without positives;
 *       f1 = 2 precision recall / (precision + recall), 0 when both are 0.
 *   <li>A row is predicted positive when its score is {@code >= threshold}.
 *   <li>ROC AUC = U / (n1 n0), the Mann-Whitney U statistic of the positive scores with tied scores
 *       given their average rank: the probability that a random positive scores above a random
 *       negative, ties counting one half. NaN when a class is missing.
 * </ul>
 *
 * @param accuracy share of rows classified right
 * @param precision share of predicted positives that are positive
 * @param recall share of positives found
 * @param f1 harmonic mean of precision and recall
 * @param rocAuc area under the ROC curve
 * @param truePositives TP
 * @param falsePositives FP
 * @param trueNegatives TN
 * @param falseNegatives FN
 */
public record ClassificationMetrics(
    double accuracy,
    double precision,
    double recall,
    double f1,
    double rocAuc,
    long truePositives,
    long falsePositives,
    long trueNegatives,
    long falseNegatives) {

  /** Computes every metric of {@code scores} against {@code labels}. */
  public static ClassificationMetrics of(double[] scores, int[] labels, double threshold) {
    Objects.requireNonNull(scores, "scores");
    Objects.requireNonNull(labels, "labels");
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          scores.length + " scores for " + labels.length + " labels");
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("no rows to measure");
    }
    long tp = 0;
    long fp = 0;
    long tn = 0;
    long fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean predicted = scores[i] >= threshold;
      boolean actual = labels[i] == 1;
      if (predicted && actual) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (actual) {
        fn++;
      } else {
        tn++;
      }
    }
    double accuracy = (double) (tp + tn) / scores.length;
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassificationMetrics(
        accuracy, precision, recall, f1, rocAuc(scores, labels), tp, fp, tn, fn);
  }

  /** ROC AUC by the rank-sum (Mann-Whitney) formula with average ranks for ties. */
  public static double rocAuc(double[] scores, int[] labels) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j + 2) / 2.0;
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          positiveRankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    double u = positiveRankSum - positives * (positives + 1) / 2.0;
    return u / ((double) positives * negatives);
  }

  /**
   * The nearest-rank quantile: the smallest value with at least {@code q} of the values at or below
   * it (NumPy's {@code percentile(x, 100 q, method="inverted_cdf")}).
   */
  public static double quantile(double[] values, double q) {
    Objects.requireNonNull(values, "values");
    if (values.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(q > 0 && q <= 1)) {
      throw new IllegalArgumentException("q must be in (0, 1], not " + q);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length - 1e-9);
    return sorted[Math.max(0, rank - 1)];
  }
}
