package io.andon.monitor;

import io.andon.monitor.data.Duck;
import io.andon.monitor.quality.ColumnSummary;
import io.andon.monitor.quality.KnownColumns;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The data-quality summaries of numeric columns computed from their sorted samples, as DuckDB
 * computes them in {@link ColumnSummary#of}: NaN counts as a value (the greatest, so a column with
 * NaN has no max), the mean and standard deviation take the finite values, the quartiles
 * interpolate linearly. Columns whose values a double cannot all tell apart (large integers,
 * decimals) are left to DuckDB.
 */
final class SampleSummaries implements KnownColumns {
  /** One table and the samples read from it, by column name. */
  record Side(Duck.Table table, Map<String, ColumnSample> samples) {}

  /**
   * What the samples of the numeric {@code cols} of a number type tell the checks of the current
   * table, and of the baseline when given.
   */
  static SampleSummaries of(List<MonitorColumns.Column> cols, Optional<Side> base, Side cur) {
    Map<String, Map<String, NumericSample>> samples = new HashMap<>();
    Map<String, Map<String, Duck.ColumnInfo>> types = new HashMap<>();
    Map<String, Map<String, SketchedSample>> sketched = new HashMap<>();
    for (Side side : base.isPresent() ? List.of(base.get(), cur) : List.of(cur)) {
      Map<String, NumericSample> s = new HashMap<>();
      Map<String, Duck.ColumnInfo> t = new HashMap<>();
      Map<String, SketchedSample> k = new HashMap<>();
      for (MonitorColumns.Column c : cols) {
        Optional<Duck.ColumnInfo> info = side.table().column(c.name());
        if (!c.numeric() || info.isEmpty() || !info.get().isNumeric()) {
          continue;
        }
        ColumnSample read = side.samples().get(c.name());
        if (read instanceof NumericSample n) {
          s.put(c.name(), n);
        } else if (read instanceof SketchedSample x) {
          k.put(c.name(), x);
        } else {
          continue;
        }
        t.put(c.name(), info.get());
      }
      samples.put(side.table().name(), s);
      sketched.put(side.table().name(), k);
      types.put(side.table().name(), t);
    }
    return new SampleSummaries(samples, types, sketched);
  }

  /** Integers up to 2^53 in magnitude are exact doubles. */
  private static final double EXACT_INTEGERS = 9007199254740992.0;

  private static final Set<String> EXACT_TYPES =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "FLOAT",
          "REAL",
          "DOUBLE");

  private static final Set<String> WIDE_INTEGERS = Set.of("BIGINT", "UBIGINT", "HUGEINT");

  private final Map<String, Map<String, NumericSample>> samples;
  private final Map<String, Map<String, Duck.ColumnInfo>> types;
  private final Map<String, Map<String, SketchedSample>> sketched;

  SampleSummaries(
      Map<String, Map<String, NumericSample>> samples,
      Map<String, Map<String, Duck.ColumnInfo>> types) {
    this(samples, types, Map.of());
  }

  /** Summaries from sorted samples and, for the columns read as sketches, from their sketches. */
  SampleSummaries(
      Map<String, Map<String, NumericSample>> samples,
      Map<String, Map<String, Duck.ColumnInfo>> types,
      Map<String, Map<String, SketchedSample>> sketched) {
    this.samples = samples;
    this.types = types;
    this.sketched = sketched;
  }

  private boolean read(Duck.Table t, Duck.ColumnInfo c) {
    Duck.ColumnInfo read = types.getOrDefault(t.name(), Map.of()).get(c.name());
    return read != null && read.equals(c);
  }

  private Optional<NumericSample> sample(Duck.Table t, Duck.ColumnInfo c) {
    if (!read(t, c)) {
      return Optional.empty();
    }
    Optional<NumericSample> s =
        Optional.ofNullable(samples.getOrDefault(t.name(), Map.of()).get(c.name()));
    return s.filter(x -> exact(c.type(), x));
  }

  private static boolean exact(String type, NumericSample s) {
    String t = type.toUpperCase(Locale.ROOT);
    if (EXACT_TYPES.contains(t)) {
      return true;
    }
    double[] v = s.sorted();
    return WIDE_INTEGERS.contains(t)
        && (v.length == 0 || (v[0] >= -EXACT_INTEGERS && v[v.length - 1] <= EXACT_INTEGERS));
  }

  @Override
  public Optional<ColumnSummary> summary(Duck.Table t, Duck.ColumnInfo c) {
    Optional<SketchedSample> k =
        read(t, c)
            ? Optional.ofNullable(sketched.getOrDefault(t.name(), Map.of()).get(c.name()))
            : Optional.empty();
    return k.isPresent() ? Optional.of(k.get().summary(c)) : sample(t, c).map(s -> of(c, s));
  }

  @Override
  public OptionalLong outside(Duck.Table t, Duck.ColumnInfo c, double lo, double hi) {
    // DuckDB orders NaN above every number: NaN is always out of range
    return sample(t, c)
        .map(s -> OptionalLong.of(outside(s.sorted(), lo, hi) + s.nans()))
        .orElse(OptionalLong.empty());
  }

  /** Values of a sorted array below lo or above hi. */
  static long outside(double[] sorted, double lo, double hi) {
    return firstNotBelow(sorted, lo) + (sorted.length - firstAbove(sorted, hi));
  }

  private static int firstNotBelow(double[] v, double x) {
    int lo = 0;
    int hi = v.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int firstAbove(double[] v, double x) {
    int lo = 0;
    int hi = v.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (v[mid] <= x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The summary of a column from its sample. */
  static ColumnSummary of(Duck.ColumnInfo c, NumericSample s) {
    double[] v = s.sorted();
    long nonNull = s.rows() - s.nulls();
    long all = v.length + s.nans();
    double[] f = s.finite();
    OptionalDouble mean = f.length == 0 ? OptionalDouble.empty() : number(s.mean());
    OptionalDouble std = f.length < 2 ? OptionalDouble.empty() : number(sampleStd(f, s.mean()));
    return new ColumnSummary(
        c.name(),
        c.type(),
        nonNull,
        s.nulls(),
        s.distinct() + (s.nans() > 0 ? 1 : 0),
        mean,
        std,
        all == 0 ? OptionalDouble.empty() : number(v.length == 0 ? Double.NaN : v[0]),
        quantile(v, all, 0.25),
        quantile(v, all, 0.5),
        quantile(v, all, 0.75),
        all == 0 || s.nans() > 0 ? OptionalDouble.empty() : number(v[v.length - 1]));
  }

  private static double sampleStd(double[] f, double mean) {
    double ss = 0;
    for (double x : f) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / (f.length - 1));
  }

  /** DuckDB's quantile_cont over the sorted values followed by the NaNs ({@code all} in all). */
  private static OptionalDouble quantile(double[] v, long all, double q) {
    if (all == 0) {
      return OptionalDouble.empty();
    }
    double rn = q * (all - 1);
    long lo = (long) Math.floor(rn);
    long hi = (long) Math.ceil(rn);
    double a = at(v, lo);
    if (lo == hi) {
      return number(a);
    }
    double b = at(v, hi);
    return number(a + (b - a) * (rn - lo));
  }

  private static double at(double[] v, long i) {
    return i < v.length ? v[(int) i] : Double.NaN;
  }

  private static OptionalDouble number(double x) {
    return Double.isNaN(x) ? OptionalDouble.empty() : OptionalDouble.of(x);
  }
}
