package io.andon.monitor;

import static io.andon.monitor.DriftAnalysis.fmt;

import io.andon.monitor.stats.Quantiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The histograms of a column comparison, for reports: both sides over the same bins. */
final class DriftHistograms {
  private static final int PLOT_BINS = 30;
  private static final int PLOT_CATEGORIES = 15;
  private static final int LONG_TAIL = 100;

  private DriftHistograms() {}

  /**
   * Over the 0.5% to 99.5% range of both sides; empty when a side has no finite value. Integers get
   * bins with integer edges (one per value when they span at most {@value #PLOT_BINS * 2});
   * positive values whose range spans {@value #LONG_TAIL}x or more get bins of equal width in the
   * logarithm.
   */
  static Optional<Histogram> numeric(double[] fb, double[] fc) {
    if (fb.length == 0 || fc.length == 0) {
      return Optional.empty();
    }
    double lo = Math.min(Quantiles.linear(fb, 0.005), Quantiles.linear(fc, 0.005));
    double hi = Math.max(Quantiles.linear(fb, 0.995), Quantiles.linear(fc, 0.995));
    if (!(hi > lo)) {
      lo = Math.min(fb[0], fc[0]);
      hi = Math.max(fb[fb.length - 1], fc[fc.length - 1]);
    }
    double[] edges;
    Histogram.Axis axis;
    if (integers(fb) && integers(fc)) {
      axis = Histogram.Axis.INTEGER;
      long span = (long) (Math.floor(hi) - Math.floor(lo)) + 1;
      long width = Math.max(1, (span + PLOT_BINS - 1) / PLOT_BINS);
      if (span <= 2L * PLOT_BINS) {
        width = 1;
      }
      int n = (int) ((span + width - 1) / width);
      edges = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        edges[i] = Math.floor(lo) + i * width;
      }
    } else if (lo > 0 && hi / lo >= LONG_TAIL) {
      axis = Histogram.Axis.LOG;
      edges = new double[PLOT_BINS + 1];
      for (int i = 0; i <= PLOT_BINS; i++) {
        edges[i] = lo * Math.pow(hi / lo, (double) i / PLOT_BINS);
      }
    } else {
      axis = Histogram.Axis.LINEAR;
      int n = hi > lo ? PLOT_BINS : 1;
      double width = hi > lo ? (hi - lo) / n : 1;
      edges = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        edges[i] = lo + i * width;
      }
    }
    int n = edges.length - 1;
    long[] b = counts(fb, edges);
    long[] c = counts(fc, edges);
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(
          axis == Histogram.Axis.INTEGER
              ? String.format(java.util.Locale.ROOT, "%.0f", edges[i])
              : fmt(edges[i]));
    }
    return Optional.of(new Histogram(labels, b, c, axis));
  }

  private static boolean integers(double[] v) {
    for (double x : v) {
      if (x != Math.rint(x) || Math.abs(x) > 1e15) {
        return false;
      }
    }
    return true;
  }

  /**
   * The values of sorted {@code v} in each bin [edges[i], edges[i + 1]), the values outside the
   * edges in the outer bins: one binary search per edge instead of one per value.
   */
  static long[] counts(double[] v, double[] edges) {
    int n = edges.length - 1;
    long[] out = new long[n];
    int below = 0;
    for (int i = 0; i < n; i++) {
      int upTo = i == n - 1 ? v.length : lowerBound(v, edges[i + 1]);
      out[i] = upTo - below;
      below = upTo;
    }
    return out;
  }

  /**
   * How many values of sorted {@code v} come before {@code e} in {@link Double#compare}'s order.
   */
  private static int lowerBound(double[] v, double e) {
    int lo = 0;
    int hi = v.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (Double.compare(v[mid], e) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The most frequent categories of both sides, the rest summed as "(N others)". */
  static Histogram categorical(Set<String> cats, long[] kb, long[] kc) {
    Map<String, long[]> all = new LinkedHashMap<>();
    int i = 0;
    for (String k : cats) {
      all.put(k, new long[] {kb[i], kc[i]});
      i++;
    }
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(all.entrySet());
    sorted.sort(
        (x, y) ->
            Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]));
    List<String> labels = new ArrayList<>();
    int n = Math.min(sorted.size(), PLOT_CATEGORIES);
    boolean other = sorted.size() > PLOT_CATEGORIES;
    long[] b = new long[n + (other ? 1 : 0)];
    long[] c = new long[b.length];
    for (int j = 0; j < sorted.size(); j++) {
      int slot = Math.min(j, n);
      if (j < n) {
        labels.add(sorted.get(j).getKey());
      }
      b[slot] += sorted.get(j).getValue()[0];
      c[slot] += sorted.get(j).getValue()[1];
    }
    if (other) {
      labels.add("(" + (sorted.size() - n) + " others)");
    }
    return new Histogram(labels, b, c, Histogram.Axis.CATEGORIES);
  }
}
