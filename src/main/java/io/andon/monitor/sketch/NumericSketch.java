package io.andon.monitor.sketch;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * A mergeable profile of one numeric column: KLL quantiles of the non-NaN values, HLL distinct
 * count, and exact counts, mean and variance (Chan et al.'s parallel update) of the finite values.
 */
public final class NumericSketch {
  public static final int KLL_K = 200;
  public static final int HLL_LG_K = 12;

  private final KllDoublesSketch kll;
  private HllSketch hll;
  private long rows;
  private long nulls;
  private long nans;
  private long zeros;
  private long finite;
  private double mean;
  private double m2;

  public NumericSketch() {
    this.kll = KllDoublesSketch.newHeapInstance(KLL_K);
    this.hll = new HllSketch(HLL_LG_K);
  }

  /**
   * A sketch made of parts computed elsewhere (a distributed engine's partial aggregates): the KLL
   * and HLL sketches, the counts, and the count, mean and sum of squared deviations of the finite
   * values.
   */
  public static NumericSketch of(
      KllDoublesSketch kll,
      HllSketch hll,
      long rows,
      long nulls,
      long nans,
      long zeros,
      long finite,
      double mean,
      double m2) {
    NumericSketch s = new NumericSketch(kll, hll);
    s.rows = rows;
    s.nulls = nulls;
    s.nans = nans;
    s.zeros = zeros;
    s.finite = finite;
    s.mean = mean;
    s.m2 = m2;
    return s;
  }

  private NumericSketch(KllDoublesSketch kll, HllSketch hll) {
    this.kll = kll;
    this.hll = hll;
  }

  /** Adds a null value. */
  public void addNull() {
    rows++;
    nulls++;
  }

  public void add(double v) {
    rows++;
    if (Double.isNaN(v)) {
      nans++;
      return;
    }
    kll.update(v);
    hll.update(v == 0.0 ? 0.0 : v);
    if (v == 0.0) {
      zeros++;
    }
    if (!Double.isInfinite(v)) {
      finite++;
      double d = v - mean;
      mean += d / finite;
      m2 += d * (v - mean);
    }
  }

  /**
   * Adds a batch of {@code rows} rows: {@code n} non-null values at the start of {@code v} (which
   * this call reorders), the other rows null. The same as adding each value, the moments merged per
   * batch.
   */
  public void addAll(double[] v, int n, int rows) {
    this.rows += rows;
    nulls += rows - n;
    int w = 0;
    long fin = 0;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x != x) {
        nans++;
        continue;
      }
      v[w++] = x;
      hll.update(x == 0.0 ? 0.0 : x);
      if (x == 0.0) {
        zeros++;
      }
      if (!Double.isInfinite(x)) {
        fin++;
        sum += x;
      }
    }
    kll.update(v, 0, w);
    if (fin == 0) {
      return;
    }
    double m = sum / fin;
    double ss = 0;
    for (int i = 0; i < w; i++) {
      if (!Double.isInfinite(v[i])) {
        ss += (v[i] - m) * (v[i] - m);
      }
    }
    merge(fin, m, ss);
  }

  private void merge(long n2, double mean2, double m22) {
    long n = finite + n2;
    double d = mean2 - mean;
    m2 = m2 + m22 + d * d * ((double) finite * n2 / n);
    mean = (mean * finite + mean2 * n2) / n;
    finite = n;
  }

  /** Merges another partition's sketch into this one. */
  public void merge(NumericSketch o) {
    kll.merge(o.kll);
    Union u = new Union(HLL_LG_K);
    u.update(hll);
    u.update(o.hll);
    hll = u.getResult();
    if (o.finite > 0) {
      merge(o.finite, o.mean, o.m2);
    }
    rows += o.rows;
    nulls += o.nulls;
    nans += o.nans;
    zeros += o.zeros;
  }

  public KllDoublesSketch kll() {
    return kll;
  }

  public long rows() {
    return rows;
  }

  public long nulls() {
    return nulls;
  }

  public long nans() {
    return nans;
  }

  public long zeros() {
    return zeros;
  }

  /** Non-null, non-NaN values seen. */
  public long size() {
    return kll.getN();
  }

  public double mean() {
    return finite == 0 ? Double.NaN : mean;
  }

  /** Population standard deviation of the finite values. */
  public double std() {
    return finite == 0 ? Double.NaN : Math.sqrt(m2 / finite);
  }

  public double distinctEstimate() {
    return hll.getEstimate();
  }

  /** Bytes this sketch takes when serialised (KLL plus HLL). */
  public long serializedBytes() {
    return kll.toByteArray().length + hll.toCompactByteArray().length;
  }
}
