package io.andon.monitor;

import java.util.List;
import java.util.Objects;

/**
 * Baseline and current counts over the same bins, for plots. Numeric bins have labels of their
 * lower edge; categorical bins are category names.
 */
public record Histogram(List<String> labels, long[] baseline, long[] current) {
  public Histogram {
    labels = List.copyOf(labels);
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    if (baseline.length != labels.size() || current.length != labels.size()) {
      throw new IllegalArgumentException("labels and counts differ in length");
    }
  }
}
