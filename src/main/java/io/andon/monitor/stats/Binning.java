package io.andon.monitor.stats;

import java.util.Arrays;

/**
 * Bins for PSI and Jensen-Shannon on numeric columns. The inner edges are the baseline's quantiles
 * at 1/k, 2/k, ..., (k-1)/k (linear interpolation, NumPy's default), duplicate edges merged; the
 * outer bins are open-ended, so every finite or infinite value falls in a bin. A value goes to bin
 * {@code searchsorted(edges, v, side="right")}: a value equal to an edge goes to the bin on the
 * edge's right.
 */
public final class Binning {
  private final double[] edges;

  private Binning(double[] edges) {
    this.edges = edges;
  }

  /** Cuts at the quantiles of {@code sortedBaseline} (sorted ascending, non-empty, no NaN). */
  public static Binning quantiles(double[] sortedBaseline, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("bins must be at least 2, got " + bins);
    }
    double[] raw = new double[bins - 1];
    for (int k = 1; k < bins; k++) {
      raw[k - 1] = Quantiles.linear(sortedBaseline, (double) k / bins);
    }
    return fromEdges(raw);
  }

  /** Bins with the given inner edges (sorted, duplicates merged here). */
  public static Binning fromEdges(double[] innerEdges) {
    double[] e = innerEdges.clone();
    Arrays.sort(e);
    int w = 0;
    for (int i = 0; i < e.length; i++) {
      if (w == 0 || e[i] != e[w - 1]) {
        e[w++] = e[i];
      }
    }
    return new Binning(Arrays.copyOf(e, w));
  }

  public double[] edges() {
    return edges.clone();
  }

  public int size() {
    return edges.length + 1;
  }

  /** The bin of one value: the number of inner edges &lt;= v. */
  public int binOf(double v) {
    int lo = 0;
    int hi = edges.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (edges[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Counts of a sample per bin. */
  public long[] counts(double[] values) {
    long[] c = new long[size()];
    for (double v : values) {
      c[binOf(v)]++;
    }
    return c;
  }

  /** Counts of a sorted sample per bin, by merging, in one pass. */
  public long[] countsSorted(double[] sorted) {
    long[] c = new long[size()];
    int bin = 0;
    int start = 0;
    for (int i = 0; i < sorted.length; i++) {
      while (bin < edges.length && edges[bin] <= sorted[i]) {
        c[bin] += i - start;
        start = i;
        bin++;
      }
    }
    c[bin] += sorted.length - start;
    return c;
  }
}
