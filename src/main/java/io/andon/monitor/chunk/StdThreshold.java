package io.andon.monitor.chunk;

/**
 * An alert band learned from the reference, as NannyML's StandardDeviationThreshold: the metric is
 * computed on each chunk of the reference, and a value outside {@code mean +/- k * std} (the
 * population standard deviation, ddof 0) alerts. The band is clipped to the metric's range.
 */
public record StdThreshold(double lower, double upper) {
  /** NannyML's default multiplier. */
  public static final double DEFAULT_STD = 3.0;

  public StdThreshold {
    if (!(lower <= upper)) {
      throw new IllegalArgumentException("lower " + lower + " above upper " + upper);
    }
  }

  /**
   * The band of {@code values} (one per reference chunk), clipped to {@code [min, max]}.
   *
   * @throws IllegalArgumentException when there are no values
   */
  public static StdThreshold of(double[] values, double k, double min, double max) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a threshold needs at least one reference chunk");
    }
    double mean = 0;
    for (double v : values) {
      mean += v;
    }
    mean /= values.length;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double std = Math.sqrt(ss / values.length);
    return new StdThreshold(Math.max(min, mean - k * std), Math.min(max, mean + k * std));
  }

  /** True when {@code v} is outside the band. */
  public boolean alerts(double v) {
    return v < lower || v > upper;
  }
}
