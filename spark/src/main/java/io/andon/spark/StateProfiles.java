package io.andon.spark;

import io.andon.monitor.CategoricalSample;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.ColumnProfile;
import io.andon.monitor.DriftAnalysis;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.NumericSample;
import io.andon.monitor.sketch.NumericSketch;
import io.andon.monitor.sketch.SketchDrift;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * A column's profile metrics and drift from its states, under the names and in the order of the
 * single-machine engine. Exact: count, num_nulls, num_nan, num_zeros, avg, stddev, min, max and the
 * percentages of nulls, NaN and zeros; a categorical column's counts, lengths and frequent items
 * while it has fewer than about 3,000 categories; and everything of a numeric column in a group of
 * at most {@value NumericState#EXACT_MAX} values (its drift exact when both sides are that small).
 * From sketches in larger groups: median and quantiles (KLL, within its normalised rank error),
 * distinct_count and percent_distinct of numbers (HLL, about 1.6% relative standard error),
 * frequent numbers (exact below 768 distinct values), and the numeric drift metrics (as {@code
 * andon drift --sketch}, within the bounds of {@link DriftBounds}).
 */
final class StateProfiles {
  private static final int FREQUENT_ITEMS = 10;

  private StateProfiles() {}

  static ColumnProfile profile(String name, Object state) {
    return state instanceof NumericState n
        ? numeric(name, n)
        : ColumnProfile.categorical(name, sample((CategoricalState) state));
  }

  static ColumnDrift drift(String name, Object base, Object cur, DriftOptions options) {
    if (base instanceof NumericState b) {
      NumericState c = (NumericState) cur;
      Optional<NumericSample> eb = sample(b);
      Optional<NumericSample> ec = sample(c);
      if (eb.isPresent() && ec.isPresent()) {
        return DriftAnalysis.numeric(name, eb.get(), ec.get(), options);
      }
      return SketchDrift.numeric(name, sketch(b), sketch(c), options);
    }
    return DriftAnalysis.categorical(
        name, sample((CategoricalState) base), sample((CategoricalState) cur), options);
  }

  private static CategoricalSample sample(CategoricalState s) {
    return new CategoricalSample(s.rows(), s.nulls(), s.counts());
  }

  /** Every value of a group small enough to keep them all. */
  static Optional<NumericSample> sample(NumericState s) {
    return s.values().map(v -> new NumericSample(s.rows(), s.nulls(), s.nans(), 0, v));
  }

  private static NumericSketch sketch(NumericState s) {
    return NumericSketch.of(
        s.kll(), s.hll(), s.rows(), s.nulls(), s.nans(), s.zeros(), s.finite(), s.mean(), s.m2());
  }

  static ColumnProfile numeric(String name, NumericState s) {
    Optional<NumericSample> all = sample(s);
    if (all.isPresent()) {
      return ColumnProfile.numeric(name, all.get());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    long count = s.rows() - s.nulls();
    m.put("count", count);
    m.put("num_nulls", s.nulls());
    m.put("num_nan", s.nans());
    m.put("num_zeros", s.zeros());
    if (s.finite() > 0) {
      m.put("avg", s.mean());
      if (s.finite() > 1) {
        m.put("stddev", Math.sqrt(s.m2() / (s.finite() - 1)));
      }
    }
    if (!s.kll().isEmpty()) {
      m.put("min", s.min());
      m.put("max", s.max());
      m.put("median", quantile(s, 0.5));
      List<Double> qs = new ArrayList<>();
      for (double q : ColumnProfile.LEVELS) {
        qs.add(quantile(s, q));
      }
      m.put("quantiles", qs);
    }
    long distinct =
        (s.kll().isEmpty() ? 0 : Math.round(s.hll().getEstimate())) + (s.nans() > 0 ? 1 : 0);
    m.put("distinct_count", distinct);
    List<Map<String, Object>> items = new ArrayList<>();
    double[][] frequent = s.frequent();
    for (int k = 0; k < Math.min(FREQUENT_ITEMS, frequent.length); k++) {
      if (frequent[k][1] < 2 && k > 0) {
        break;
      }
      Map<String, Object> it = new LinkedHashMap<>();
      it.put("item", frequent[k][0]);
      it.put("count", (long) frequent[k][1]);
      items.add(it);
    }
    m.put("frequent_items", items);
    m.put("percent_null", pct(s.nulls(), s.rows()));
    m.put("percent_nan", pct(s.nans(), count));
    m.put("percent_zeros", pct(s.zeros(), count));
    m.put("percent_distinct", pct(distinct, count));
    return new ColumnProfile(name, "numeric", m);
  }

  private static double quantile(NumericState s, double q) {
    if (q == 0) {
      return s.min();
    }
    if (q == 1) {
      return s.max();
    }
    return s.kll().getQuantile(q, QuantileSearchCriteria.INCLUSIVE);
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
