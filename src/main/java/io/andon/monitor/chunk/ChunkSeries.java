package io.andon.monitor.chunk;

import java.util.List;
import java.util.Objects;

/**
 * One metric of one chunked method over the chunks of the reference and of the analysed table, with
 * the band learned from the reference chunks.
 *
 * @param method cbpe, dle, pca_reconstruction, domain_classifier or reference_threshold
 * @param metric the metric's name, such as accuracy, mae, reconstruction_error, auc
 * @param column the column a univariate metric is about; empty text for a whole-table metric
 * @param values the reference chunks first, then the analysed ones, each in order
 */
public record ChunkSeries(
    String method, String metric, String column, StdThreshold threshold, List<ChunkValue> values) {
  public ChunkSeries {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(threshold, "threshold");
    values = List.copyOf(values);
  }

  /** The values of the analysed chunks. */
  public List<ChunkValue> analysis() {
    return values.stream().filter(v -> !v.reference()).toList();
  }

  /** True when an analysed chunk alerts. */
  public boolean alerts() {
    return analysis().stream().anyMatch(ChunkValue::alert);
  }
}
