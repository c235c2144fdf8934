package io.andon.gate;

import java.util.Objects;

/** What a check's value is compared with. */
public sealed interface Threshold {
  /** One constant, for {@code > >= < <= == !=}. */
  record Constant(double value) implements Threshold {
    public Constant {
      requireFinite(value, "value");
    }
  }

  /** A closed range {@code [low, high]}, for {@link Comparator#BETWEEN}. */
  record Range(double low, double high) implements Threshold {
    public Range {
      requireFinite(low, "low");
      requireFinite(high, "high");
      if (low > high) {
        throw new IllegalArgumentException("range low " + low + " is above high " + high);
      }
    }
  }

  /**
   * A regression check: the value may fall at most {@code tolerance} below the baseline's value
   * (comparator {@code >=}, YAML {@code max_drop}) or rise at most {@code tolerance} above it
   * (comparator {@code <=}, YAML {@code max_rise}).
   *
   * @param baselineMetric the metric's name in the baseline source (often the same name)
   */
  record Regression(double tolerance, Baseline baseline, String baselineMetric)
      implements Threshold {
    public Regression {
      requireFinite(tolerance, "tolerance");
      if (tolerance < 0) {
        throw new IllegalArgumentException("tolerance must be >= 0, not " + tolerance);
      }
      Objects.requireNonNull(baseline, "baseline");
      Objects.requireNonNull(baselineMetric, "baselineMetric");
    }
  }

  private static void requireFinite(double v, String name) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(name + " must be a finite number, not " + v);
    }
  }
}
