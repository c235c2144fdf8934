package io.andon.monitor;

import io.andon.monitor.data.Duck;
import io.andon.monitor.quality.ColumnSummary;
import io.andon.monitor.sketch.NumericSketch;
import io.andon.monitor.sketch.SketchDrift;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.LongsSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * The values of one numeric column in one group of rows, kept as sketches instead of the values:
 * exact counts (rows, nulls, NaN, zeros, finite values), mean and variance, min and max; KLL
 * quantiles and HLL distinct count ({@link NumericSketch}); and a frequent-values sketch (a map of
 * {@value #ITEMS_MAP}). Its memory does not grow with the rows. The metrics and their error bounds
 * are those of the Spark engine (docs/monitoring.md, Scale).
 */
public final class SketchedSample implements ColumnSample {
  /** The frequent-values map: exact while a group has fewer than 3/4 of this many values. */
  static final int ITEMS_MAP = 1024;

  private static final int FREQUENT_ITEMS = 10;

  private final NumericSketch sketch = new NumericSketch();
  private final LongsSketch items = new LongsSketch(ITEMS_MAP);
  private long finite;

  /**
   * Adds a batch of {@code rows} rows: {@code n} non-null values at the start of {@code v} (which
   * this call reorders), the other rows null.
   */
  public void addAll(double[] v, int n, int rows) {
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x == x) {
        items.update(Double.doubleToLongBits(x == 0.0 ? 0.0 : x));
        if (!Double.isInfinite(x)) {
          finite++;
        }
      }
    }
    sketch.addAll(v, n, rows);
  }

  /** The KLL and HLL sketches and the exact counts and moments, for drift. */
  public NumericSketch sketch() {
    return sketch;
  }

  @Override
  public long rows() {
    return sketch.rows();
  }

  @Override
  public long nulls() {
    return sketch.nulls();
  }

  /** The sample standard deviation (n - 1) of the finite values; NaN below two of them. */
  double sampleStd() {
    return finite < 2 ? Double.NaN : Math.sqrt(sketch.std() * sketch.std() * finite / (finite - 1));
  }

  private long distinct() {
    return (sketch.size() == 0 ? 0 : Math.round(sketch.distinctEstimate()))
        + (sketch.nans() > 0 ? 1 : 0);
  }

  /** The value at rank {@code q}: the exact min and max at the ends, KLL's estimate between. */
  private double quantile(double q) {
    if (q == 0) {
      return sketch.kll().getMinItem();
    }
    if (q == 1) {
      return sketch.kll().getMaxItem();
    }
    return sketch.kll().getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
  }

  @Override
  public ColumnProfile profile(String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    long count = rows() - nulls();
    m.put("count", count);
    m.put("num_nulls", nulls());
    m.put("num_nan", sketch.nans());
    m.put("num_zeros", sketch.zeros());
    if (finite > 0) {
      m.put("avg", sketch.mean());
      if (finite > 1) {
        m.put("stddev", sampleStd());
      }
    }
    if (sketch.size() > 0) {
      m.put("min", quantile(0));
      m.put("max", quantile(1));
      m.put("median", quantile(0.5));
      List<Double> qs = new ArrayList<>();
      for (double q : ColumnProfile.LEVELS) {
        qs.add(quantile(q));
      }
      m.put("quantiles", qs);
    }
    long distinct = distinct();
    m.put("distinct_count", distinct);
    m.put("frequent_items", frequent());
    m.put("percent_null", pct(nulls(), rows()));
    m.put("percent_nan", pct(sketch.nans(), count));
    m.put("percent_zeros", pct(sketch.zeros(), count));
    m.put("percent_distinct", pct(distinct, count));
    return new ColumnProfile(name, "numeric", m);
  }

  /**
   * The most frequent values, most frequent first (ties by value): every value with its exact count
   * while the map holds them all, otherwise those certainly more frequent than the sketch's error.
   */
  private List<Map<String, Object>> frequent() {
    LongsSketch.Row[] rs = items.getFrequentItems(ErrorType.NO_FALSE_POSITIVES);
    double[][] all = new double[rs.length][];
    for (int i = 0; i < rs.length; i++) {
      all[i] = new double[] {Double.longBitsToDouble(rs[i].getItem()), rs[i].getEstimate()};
    }
    Arrays.sort(
        all, (a, b) -> a[1] != b[1] ? Double.compare(b[1], a[1]) : Double.compare(a[0], b[0]));
    List<Map<String, Object>> out = new ArrayList<>();
    for (int k = 0; k < Math.min(FREQUENT_ITEMS, all.length); k++) {
      if (all[k][1] < 2 && k > 0) {
        break;
      }
      Map<String, Object> it = new LinkedHashMap<>();
      it.put("item", all[k][0]);
      it.put("count", (long) all[k][1]);
      out.add(it);
    }
    return out;
  }

  /**
   * The data-quality summary of column {@code c}: counts, mean, standard deviation, min and max
   * exact; distinct count (HLL) and quartiles (KLL) within the sketches' error. NaN counts as a
   * value, the greatest, as DuckDB orders it: a column with NaN has no max.
   */
  ColumnSummary summary(Duck.ColumnInfo c) {
    boolean any = sketch.size() > 0;
    return new ColumnSummary(
        c.name(),
        c.type(),
        rows() - nulls(),
        nulls(),
        distinct(),
        finite > 0 ? OptionalDouble.of(sketch.mean()) : OptionalDouble.empty(),
        finite > 1 ? OptionalDouble.of(sampleStd()) : OptionalDouble.empty(),
        any ? OptionalDouble.of(quantile(0)) : OptionalDouble.empty(),
        any ? OptionalDouble.of(quantile(0.25)) : OptionalDouble.empty(),
        any ? OptionalDouble.of(quantile(0.5)) : OptionalDouble.empty(),
        any ? OptionalDouble.of(quantile(0.75)) : OptionalDouble.empty(),
        any && sketch.nans() == 0 ? OptionalDouble.of(quantile(1)) : OptionalDouble.empty());
  }

  /** Sketches cannot tell that every value is distinct: a sketched column is never an id. */
  @Override
  public boolean allDistinct() {
    return false;
  }

  @Override
  public ColumnDrift driftTo(String name, ColumnSample current, DriftOptions options) {
    if (!(current instanceof SketchedSample cur)) {
      throw new IllegalArgumentException("column '" + name + "' is sketched in the baseline only");
    }
    return SketchDrift.numeric(name, sketch, cur.sketch, options);
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
