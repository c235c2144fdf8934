package io.andon.monitor;

import io.andon.monitor.stats.Quantiles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Profile metrics of one column in one window and slice, under Lakehouse Monitoring's names. {@code
 * count} is the number of non-null values (NaN included for numbers), {@code stddev} the sample
 * standard deviation (n - 1, as Spark's {@code stddev}), quantiles by linear interpolation over the
 * non-NaN values, avg/stddev over the finite ones. Metrics that do not apply to a column's type, or
 * have no value (the avg of no value), are left out.
 */
public record ColumnProfile(String columnName, String dataType, Map<String, Object> metrics) {
  /** Quantile levels reported in {@code quantiles}. */
  public static final double[] LEVELS = {0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1};

  private static final int FREQUENT_ITEMS = 10;

  public ColumnProfile {
    Objects.requireNonNull(columnName, "columnName");
    Objects.requireNonNull(dataType, "dataType");
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  public static ColumnProfile numeric(String name, NumericSample s) {
    Map<String, Object> m = new LinkedHashMap<>();
    long count = s.rows() - s.nulls();
    m.put("count", count);
    m.put("num_nulls", s.nulls());
    m.put("num_nan", s.nans());
    long zeros = s.zeros();
    m.put("num_zeros", zeros);
    double[] f = s.finite();
    if (f.length > 0) {
      double mean = s.mean();
      m.put("avg", mean);
      if (f.length > 1) {
        double ss = 0;
        for (double x : f) {
          ss += (x - mean) * (x - mean);
        }
        m.put("stddev", Math.sqrt(ss / (f.length - 1)));
      }
    }
    double[] v = s.sorted();
    if (v.length > 0) {
      m.put("min", v[0]);
      m.put("max", v[v.length - 1]);
      m.put("median", Quantiles.linear(v, 0.5));
      List<Double> qs = new ArrayList<>();
      for (double q : LEVELS) {
        qs.add(Quantiles.linear(v, q));
      }
      m.put("quantiles", qs);
    }
    long distinct = s.distinct() + (s.nans() > 0 ? 1 : 0);
    m.put("distinct_count", distinct);
    m.put("frequent_items", frequentNumbers(v));
    m.put("percent_null", pct(s.nulls(), s.rows()));
    m.put("percent_nan", pct(s.nans(), count));
    m.put("percent_zeros", pct(zeros, count));
    m.put("percent_distinct", pct(distinct, count));
    return new ColumnProfile(name, "numeric", m);
  }

  public static ColumnProfile categorical(String name, CategoricalSample s) {
    Map<String, Object> m = new LinkedHashMap<>();
    long count = s.nonNull();
    m.put("count", count);
    m.put("num_nulls", s.nulls());
    m.put("distinct_count", (long) s.counts().size());
    List<Map<String, Object>> items = new ArrayList<>();
    long minLen = Long.MAX_VALUE;
    long maxLen = 0;
    double lenSum = 0;
    for (Map.Entry<String, Long> e : s.counts().entrySet()) {
      if (items.size() < FREQUENT_ITEMS) {
        Map<String, Object> it = new LinkedHashMap<>();
        it.put("item", e.getKey());
        it.put("count", e.getValue());
        items.add(it);
      }
      long len = e.getKey().codePointCount(0, e.getKey().length());
      minLen = Math.min(minLen, len);
      maxLen = Math.max(maxLen, len);
      lenSum += (double) len * e.getValue();
    }
    m.put("frequent_items", items);
    if (count > 0) {
      m.put("min_length", minLen);
      m.put("max_length", maxLen);
      m.put("avg_length", lenSum / count);
    }
    m.put("percent_null", pct(s.nulls(), s.rows()));
    m.put("percent_distinct", pct(s.counts().size(), count));
    return new ColumnProfile(name, "categorical", m);
  }

  /**
   * The most frequent values of a sorted array (most frequent first, ties by value; a value seen
   * once only when it is the first), in one pass that keeps the best {@value #FREQUENT_ITEMS} runs.
   */
  private static List<Map<String, Object>> frequentNumbers(double[] sorted) {
    double[] value = new double[FREQUENT_ITEMS];
    long[] count = new long[FREQUENT_ITEMS];
    int kept = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      long n = j - i;
      // runs come in ascending order of value: a run beats a kept one only by a larger count
      if (kept < FREQUENT_ITEMS || n > count[kept - 1]) {
        int at = Math.min(kept, FREQUENT_ITEMS - 1);
        while (at > 0 && count[at - 1] < n) {
          value[at] = value[at - 1];
          count[at] = count[at - 1];
          at--;
        }
        value[at] = sorted[i];
        count[at] = n;
        kept = Math.min(kept + 1, FREQUENT_ITEMS);
      }
      i = j;
    }
    List<Map<String, Object>> items = new ArrayList<>();
    for (int k = 0; k < kept; k++) {
      if (count[k] < 2 && k > 0) {
        break;
      }
      Map<String, Object> it = new LinkedHashMap<>();
      it.put("item", value[k]);
      it.put("count", count[k]);
      items.add(it);
    }
    return items;
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  /** A metric as a number, if it is one. */
  public java.util.OptionalDouble number(String key) {
    Object o = metrics.get(key);
    return o instanceof Number n
        ? java.util.OptionalDouble.of(n.doubleValue())
        : java.util.OptionalDouble.empty();
  }
}
