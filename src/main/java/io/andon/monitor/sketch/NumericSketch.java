package io.andon.monitor.sketch;

import io.andon.monitor.stats.DoubleSort;
import java.util.SplittableRandom;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * A mergeable profile of one numeric column: KLL quantiles of the non-NaN values, HLL distinct
 * count, and exact counts, mean and variance (Chan et al.'s parallel update) of the finite values.
 *
 * <p>The non-NaN values gather in a batch of {@link #BATCH}, which is sorted (radix sort) when
 * full: the distinct count then hears each distinct value of the batch once, and the KLL sketch
 * gets the batch compacted to level {@link #BATCH_LEVEL} in one move ({@link KllBatch}). A last,
 * partial batch goes to the KLL sketch value by value when the sketch is read.
 */
public final class NumericSketch {
  public static final int KLL_K = 200;
  public static final int HLL_LG_K = DistinctCount.LG_K;

  /** Values per sorted batch. */
  static final int BATCH = 1 << 16;

  /** Level a full batch is compacted to: one value kept in 2^9, 128 per batch. */
  static final int BATCH_LEVEL = 9;

  /** Seed of the batches' compaction offsets, so that the same values give the same sketch. */
  private static final long SEED = 0x5EED_0F_4A1DL;

  private final KllDoublesSketch kll;
  private DistinctCount distinct;
  private final SplittableRandom offsets = new SplittableRandom(SEED);
  private double[] batch = new double[0];
  private int batched;
  private long rows;
  private long nulls;
  private long nans;
  private long zeros;
  private long finite;
  private double mean;
  private double m2;

  public NumericSketch() {
    this.kll = KllDoublesSketch.newHeapInstance(KLL_K);
    this.distinct = DistinctCount.empty();
  }

  /**
   * A sketch made of parts computed elsewhere (a distributed engine's partial aggregates): the KLL
   * and HLL sketches, the counts, and the count, mean and sum of squared deviations of the finite
   * values. It merges with other such sketches and takes no more values.
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
    this.distinct = DistinctCount.of(hll);
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
    batch(v);
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
      if (x == 0.0) {
        zeros++;
      }
      if (!Double.isInfinite(x)) {
        fin++;
        sum += x;
      }
    }
    batch(v, w);
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

  private void batch(double x) {
    if (batched == batch.length) {
      grow();
    }
    batch[batched++] = x;
  }

  /** Appends {@code v[0, n)} to the batch, sketching each batch that fills. */
  private void batch(double[] v, int n) {
    int at = 0;
    while (at < n) {
      if (batched == batch.length) {
        grow();
      }
      int take = Math.min(n - at, batch.length - batched);
      System.arraycopy(v, at, batch, batched, take);
      batched += take;
      at += take;
    }
  }

  /** Grows the batch up to its full size, or sketches the full batch and empties it. */
  private void grow() {
    if (batch.length < BATCH) {
      batch = java.util.Arrays.copyOf(batch, Math.min(BATCH, Math.max(1024, 2 * batch.length)));
      return;
    }
    sortAndCount(BATCH);
    kll.merge(
        KllBatch.compacted(batch, BATCH, BATCH_LEVEL, offsets.nextInt(1 << BATCH_LEVEL), KLL_K));
    batched = 0;
  }

  /** Sorts the first {@code n} values of the batch and counts each distinct one into the HLL. */
  private void sortAndCount(int n) {
    DoubleSort.sort(batch, 0, n);
    double prev = Double.NaN;
    for (int i = 0; i < n; i++) {
      double x = batch[i];
      if (x != prev) { // -0.0 == 0.0: one zero
        distinct.add(x);
        prev = x;
      }
    }
  }

  /** Hands the partial batch to the sketches, so that they hold every value added. */
  private void settle() {
    if (batched > 0) {
      sortAndCount(batched);
      kll.update(batch, 0, batched);
      batched = 0;
    }
  }

  /** Merges another partition's sketch into this one. */
  public void merge(NumericSketch o) {
    settle();
    o.settle();
    kll.merge(o.kll);
    distinct = distinct.merge(o.distinct);
    if (o.finite > 0) {
      merge(o.finite, o.mean, o.m2);
    }
    rows += o.rows;
    nulls += o.nulls;
    nans += o.nans;
    zeros += o.zeros;
  }

  public KllDoublesSketch kll() {
    settle();
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
    return kll.getN() + batched;
  }

  public double mean() {
    return finite == 0 ? Double.NaN : mean;
  }

  /** Population standard deviation of the finite values. */
  public double std() {
    return finite == 0 ? Double.NaN : Math.sqrt(m2 / finite);
  }

  public double distinctEstimate() {
    settle();
    return distinct.estimate();
  }

  /** Bytes this sketch takes when serialised (KLL plus the distinct count's registers). */
  public long serializedBytes() {
    settle();
    return kll.toByteArray().length + distinct.bytes();
  }
}
