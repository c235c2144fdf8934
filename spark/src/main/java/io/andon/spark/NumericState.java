package io.andon.spark;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.LongsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.Union;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The mergeable state of one numeric column in one group of rows: exact counts (rows, nulls, NaN,
 * zeros), min and max, count, mean and sum of squared deviations of the finite values (Chan et
 * al.'s parallel update), the values themselves while the group has at most {@value #EXACT_MAX} of
 * them (so a small group's quantiles and drift are exact), and three sketches: KLL quantiles (k =
 * {@value #KLL_K}) of the non-NaN values, HLL distinct count (lgK = {@value #HLL_LG_K}) and
 * frequent values (a map of {@value #ITEMS_MAP}).
 */
public final class NumericState
    implements Serializable, StateAggregators.ColumnState<Double, NumericState> {
  private static final long serialVersionUID = 1L;

  /**
   * KLL's k: normalised rank error about 0.28% (99% confidence), so that the bounds of {@link
   * DriftBounds} on PSI and JS are narrow enough to tell drift (at k = 200, 1.33%, they are not).
   */
  public static final int KLL_K = 1000;

  /** HLL's lgK: relative standard error about 1.6%. */
  public static final int HLL_LG_K = 12;

  /** The frequent-values map: exact while a group has fewer than 3/4 of this many values. */
  public static final int ITEMS_MAP = 1024;

  /**
   * The most non-null, non-NaN values a group keeps exactly (16 KiB, less than the size of its
   * sketches); a group with more has only its sketches.
   */
  public static final int EXACT_MAX = 2048;

  private static final double[] NONE = new double[0];

  long rows;
  long nulls;
  long nans;
  long zeros;
  long finite;
  double mean;
  double m2;
  double min = Double.POSITIVE_INFINITY;
  double max = Double.NEGATIVE_INFINITY;
  private transient KllDoublesSketch kll = KllDoublesSketch.newHeapInstance(KLL_K);
  private transient HllSketch hll = new HllSketch(HLL_LG_K);
  private transient LongsSketch items = new LongsSketch(ITEMS_MAP);
  private transient boolean exact = true;
  private transient double[] held = new double[16];
  private transient int count;

  /** Adds one value; null for a null. */
  public void add(Double value) {
    rows++;
    if (value == null) {
      nulls++;
      return;
    }
    double v = value;
    if (Double.isNaN(v)) {
      nans++;
      return;
    }
    if (v == 0.0) {
      v = 0.0; // -0.0 and 0.0 are one value
      zeros++;
    }
    hold(v);
    kll.update(v);
    hll.update(v);
    items.update(Double.doubleToLongBits(v));
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (!Double.isInfinite(v)) {
      finite++;
      double d = v - mean;
      mean += d / finite;
      m2 += d * (v - mean);
    }
  }

  private void hold(double v) {
    if (!exact) {
      return;
    }
    if (count == EXACT_MAX) {
      drop();
      return;
    }
    if (count == held.length) {
      held = Arrays.copyOf(held, Math.min(EXACT_MAX, 2 * held.length));
    }
    held[count++] = v;
  }

  private void drop() {
    exact = false;
    held = NONE;
    count = 0;
  }

  /** Adds another partition's state to this one. */
  public NumericState merge(NumericState o) {
    if (exact && o.exact && count + o.count <= EXACT_MAX) {
      if (count + o.count > held.length) {
        held = Arrays.copyOf(held, count + o.count);
      }
      System.arraycopy(o.held, 0, held, count, o.count);
      count += o.count;
    } else {
      drop();
    }
    kll.merge(o.kll);
    Union u = new Union(HLL_LG_K);
    u.update(hll);
    u.update(o.hll);
    hll = u.getResult();
    items = items.merge(o.items);
    long n = finite + o.finite;
    if (n > 0) {
      double d = o.mean - mean;
      m2 = m2 + o.m2 + d * d * ((double) finite * o.finite / n);
      mean = mean + d * ((double) o.finite / n);
    }
    finite = n;
    rows += o.rows;
    nulls += o.nulls;
    nans += o.nans;
    zeros += o.zeros;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
    return this;
  }

  /**
   * The group's non-null, non-NaN values, sorted, when it has at most {@link #EXACT_MAX} of them:
   * what the single-machine engine reads, so its quantiles and drift come out the same.
   */
  public Optional<double[]> values() {
    if (!exact) {
      return Optional.empty();
    }
    double[] v = Arrays.copyOf(held, count);
    Arrays.sort(v);
    return Optional.of(v);
  }

  public KllDoublesSketch kll() {
    return kll;
  }

  public HllSketch hll() {
    return hll;
  }

  /**
   * The most frequent values with their counts, most frequent first (ties by value): every value
   * and its exact count while the map holds them all, otherwise those certainly more frequent than
   * {@link #itemsError()}, with counts within it.
   */
  public double[][] frequent() {
    LongsSketch.Row[] rs = items.getFrequentItems(ErrorType.NO_FALSE_POSITIVES);
    double[][] out = new double[rs.length][];
    for (int i = 0; i < rs.length; i++) {
      out[i] = new double[] {Double.longBitsToDouble(rs[i].getItem()), rs[i].getEstimate()};
    }
    java.util.Arrays.sort(
        out, (a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
    return out;
  }

  /** The largest error of a frequent value's count (0 while every value fits in the map). */
  public long itemsError() {
    return items.getMaximumError();
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

  public long finite() {
    return finite;
  }

  public double mean() {
    return mean;
  }

  public double m2() {
    return m2;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    out.defaultWriteObject();
    Bytes.write(out, kll.toByteArray());
    Bytes.write(out, hll.toCompactByteArray());
    Bytes.write(out, items.toByteArray());
    out.writeBoolean(exact);
    out.writeInt(count);
    for (int i = 0; i < count; i++) {
      out.writeDouble(held[i]);
    }
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    kll = KllDoublesSketch.heapify(Memory.wrap(Bytes.read(in)));
    hll = HllSketch.heapify(Bytes.read(in));
    items = LongsSketch.getInstance(Memory.wrap(Bytes.read(in)));
    exact = in.readBoolean();
    count = in.readInt();
    held = new double[Math.max(count, exact ? 16 : 0)];
    for (int i = 0; i < count; i++) {
      held[i] = in.readDouble();
    }
  }
}
