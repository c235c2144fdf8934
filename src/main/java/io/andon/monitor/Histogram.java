package io.andon.monitor;

import java.util.List;
import java.util.Objects;

/**
 * Baseline and current counts over the same bins, for plots. Numeric bins have labels of their
 * lower edge; categorical bins are category names.
 *
 * @param axis how the bins cut the values, which the plot states
 */
public record Histogram(List<String> labels, long[] baseline, long[] current, Axis axis) {

  /** How the bins of a histogram cut its values. */
  public enum Axis {
    /** One bin per category. */
    CATEGORIES,
    /** Bins of equal width. */
    LINEAR,
    /** Bins of equal width in the logarithm: a long right tail of positive values. */
    LOG,
    /** Bins of whole numbers, with integer edges: a column of integers. */
    INTEGER
  }

  public Histogram {
    labels = List.copyOf(labels);
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(axis, "axis");
    if (baseline.length != labels.size() || current.length != labels.size()) {
      throw new IllegalArgumentException("labels and counts differ in length");
    }
  }
}
