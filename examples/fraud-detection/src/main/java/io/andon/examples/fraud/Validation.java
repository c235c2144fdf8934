package io.andon.examples.fraud;

import java.util.Objects;

/**
 * Measures a model on held-out rows: its classification metrics at a threshold, and how scoring
 * behaves in service: the latency of scoring one row at a time (after a warm-up, as a served model
 * is warm) and the error rate (a call that throws, or returns a score that is not a probability, is
 * an error).
 *
 * @param metrics classification metrics at {@code threshold}
 * @param threshold score at or above which a row is called fraud
 * @param rows rows scored
 * @param frauds fraud rows among them
 * @param errors calls that failed
 * @param errorRate errors / rows
 * @param latencyP50Ms median latency of one call, milliseconds
 * @param latencyP99Ms 99th percentile (nearest rank), milliseconds
 * @param latencyMaxMs slowest call, milliseconds
 */
public record Validation(
    ClassificationMetrics metrics,
    double threshold,
    int rows,
    int frauds,
    int errors,
    double errorRate,
    double latencyP50Ms,
    double latencyP99Ms,
    double latencyMaxMs) {
  /** Calls made before measuring, so the JIT has compiled the scoring path. */
  public static final int WARM_UP_CALLS = 500;

  public Validation {
    Objects.requireNonNull(metrics, "metrics");
  }

  /** Scores every row of {@code table} with {@code model} and measures it. */
  public static Validation run(FraudModel model, FeatureTable table, double threshold) {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(table, "table");
    if (!model.featureNames().equals(table.names())) {
      throw new BadInputException(
          "the model expects the features "
              + model.featureNames()
              + " but the table has "
              + table.names()
              + "; build both from the same features.sql.");
    }
    int n = table.size();
    if (n == 0) {
      throw new BadInputException("the held-out table is empty; ingest more rows.");
    }
    for (int i = 0; i < WARM_UP_CALLS; i++) {
      safeScore(model, table.rows()[i % n]);
    }
    double[] scores = new double[n];
    double[] millis = new double[n];
    int errors = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      double s = safeScore(model, table.rows()[i]);
      millis[i] = (System.nanoTime() - t0) / 1e6;
      if (Double.isNaN(s)) {
        errors++;
        s = 0;
      }
      scores[i] = s;
    }
    return new Validation(
        ClassificationMetrics.of(scores, table.labels(), threshold),
        threshold,
        n,
        table.frauds(),
        errors,
        (double) errors / n,
        ClassificationMetrics.quantile(millis, 0.5),
        ClassificationMetrics.quantile(millis, 0.99),
        ClassificationMetrics.quantile(millis, 1));
  }

  /** The score, or NaN when the call fails or does not return a probability. */
  private static double safeScore(FraudModel model, double[] row) {
    try {
      double s = model.score(row);
      return s >= 0 && s <= 1 ? s : Double.NaN;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
