package io.andon.ui.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Histograms of a column's baseline and latest window, drawn from what {@code profile_metrics}
 * keeps: for a numeric column its 11 quantiles (levels 0, .01, .05, .1, .25, .5, .75, .9, .95, .99,
 * 1), read as a piecewise-linear distribution function, so each bin's share is the difference of
 * that function at the bin's edges; for a categorical column its frequent items' counts over the
 * column's count. Shares are exact at the quantiles and linear between them.
 */
public final class Histograms {
  /** Quantile levels of {@code profile_metrics.quantiles}. */
  static final double[] LEVELS = {0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1};

  /** How many equal-width bins a numeric histogram has. */
  public static final int BINS = 20;

  private Histograms() {}

  /** Bars: one label per bar, and each side's share of its rows in that bar. */
  public record Bars(List<String> labels, List<Double> baseline, List<Double> current) {
    public Bars {
      labels = List.copyOf(labels);
      baseline = List.copyOf(baseline);
      current = List.copyOf(current);
      if (baseline.size() != labels.size() || current.size() != labels.size()) {
        throw new IllegalArgumentException("one share per label and side");
      }
    }
  }

  /** Equal-width bins over both sides' range; the shares of each side sum to 1. */
  public static Bars numeric(double[] baseline, double[] current) {
    check(baseline, "baseline");
    check(current, "current");
    double lo = Math.min(baseline[0], current[0]);
    double hi = Math.max(baseline[baseline.length - 1], current[current.length - 1]);
    if (!(hi > lo)) {
      return new Bars(List.of(label(lo)), List.of(1.0), List.of(1.0));
    }
    double width = (hi - lo) / BINS;
    List<String> labels = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    List<Double> c = new ArrayList<>();
    double prevB = 0;
    double prevC = 0;
    for (int i = 0; i < BINS; i++) {
      double to = lo + (i + 1) * width;
      labels.add(label(lo + i * width));
      double nowB = i == BINS - 1 ? 1 : cdf(baseline, to);
      double nowC = i == BINS - 1 ? 1 : cdf(current, to);
      b.add(nowB - prevB);
      c.add(nowC - prevC);
      prevB = nowB;
      prevC = nowC;
    }
    return new Bars(labels, b, c);
  }

  /**
   * The share of values at most {@code x} for the distribution with quantiles {@code q}: linear
   * between two different quantiles, a step where quantiles are equal (a value many rows hold).
   */
  static double cdf(double[] q, double x) {
    if (x < q[0]) {
      return 0;
    }
    int i = q.length - 1;
    while (q[i] > x) {
      i--;
    }
    if (i == q.length - 1) {
      return 1;
    }
    return LEVELS[i] + (LEVELS[i + 1] - LEVELS[i]) * (x - q[i]) / (q[i + 1] - q[i]);
  }

  /**
   * One bar per item in either side's frequent items (the baseline's order first), each side's
   * count over its column count; what the frequent items leave out is in a last bar "(other)".
   */
  public static Bars categorical(
      Map<String, Long> baseline,
      long baselineCount,
      Map<String, Long> current,
      long currentCount) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    Map<String, double[]> bars = new LinkedHashMap<>();
    baseline.forEach(
        (k, v) -> bars.computeIfAbsent(k, x -> new double[2])[0] = share(v, baselineCount));
    current.forEach(
        (k, v) -> bars.computeIfAbsent(k, x -> new double[2])[1] = share(v, currentCount));
    List<String> labels = new ArrayList<>(bars.keySet());
    List<Double> b = new ArrayList<>();
    List<Double> c = new ArrayList<>();
    bars.values()
        .forEach(
            s -> {
              b.add(s[0]);
              c.add(s[1]);
            });
    double restB = 1 - b.stream().mapToDouble(Double::doubleValue).sum();
    double restC = 1 - c.stream().mapToDouble(Double::doubleValue).sum();
    if (restB > 1e-9 || restC > 1e-9) {
      labels.add("(other)");
      b.add(Math.max(0, restB));
      c.add(Math.max(0, restC));
    }
    return new Bars(labels, b, c);
  }

  private static double share(long count, long total) {
    return total > 0 ? (double) count / total : 0;
  }

  private static void check(double[] q, String side) {
    if (q.length != LEVELS.length) {
      throw new IllegalArgumentException(
          side + " has " + q.length + " quantiles; profile_metrics keeps " + LEVELS.length);
    }
  }

  private static String label(double v) {
    return String.format(java.util.Locale.ROOT, "%.4g", v);
  }
}
