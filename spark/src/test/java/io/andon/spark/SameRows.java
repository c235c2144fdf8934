package io.andon.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorResult.TableDriftRow;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.kll.KllSketch;

/**
 * What the spark engine must give on the same data as the single-machine engine: the same rows
 * (groups, columns, drift types), every exact metric equal (to 1e-9), every sketch-based one within
 * the sketch's documented bound, the same statuses and verdicts.
 */
final class SameRows {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC);
  static final Set<String> EXACT_NUMERIC =
      Set.of(
          "count",
          "num_nulls",
          "num_nan",
          "num_zeros",
          "avg",
          "stddev",
          "min",
          "max",
          "percent_null",
          "percent_nan",
          "percent_zeros",
          "share_over_60",
          "spread");

  private SameRows() {}

  /** Every profile, drift and table drift row of {@code spark} against those of {@code duck}. */
  static void assertSameRows(MonitorResult duck, MonitorResult spark) {
    assertSameProfiles(duck, spark);
    assertSameDrifts(duck, spark);
    assertSameTableDrifts(duck, spark);
  }

  /** The keys of every row of {@code r} (where each row belongs), sorted. */
  static List<String> keys(MonitorResult r) {
    List<String> out = new java.util.ArrayList<>();
    r.profiles().forEach(x -> out.add(key(x)));
    r.drifts().forEach(x -> out.add(key(x)));
    r.tableDrifts().forEach(x -> out.add(key(x)));
    return out.stream().sorted().toList();
  }

  static String key(ProfileRow r) {
    return r.group() + "|" + r.logType() + "|" + r.columnName();
  }

  static String key(DriftRow r) {
    return r.group()
        + "|"
        + r.driftType()
        + "|"
        + r.windowCmpStart()
        + "|"
        + r.drift().columnName();
  }

  static String key(TableDriftRow r) {
    return r.group() + "|" + r.driftType() + "|" + r.windowCmpStart();
  }

  /** The same profile rows: exact metrics equal, sketched ones within their bounds. */
  static void assertSameProfiles(MonitorResult duck, MonitorResult spark) {
    Map<String, ProfileRow> d = byKey(duck.profiles(), SameRows::key);
    Map<String, ProfileRow> s = byKey(spark.profiles(), SameRows::key);
    assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(d.keySet());
    assertThat(d).hasSizeGreaterThan(300);
    int compared = 0;
    for (Map.Entry<String, ProfileRow> e : d.entrySet()) {
      ProfileRow x = e.getValue();
      ProfileRow y = s.get(e.getKey());
      assertThat(y.dataType()).as(e.getKey()).isEqualTo(x.dataType());
      assertThat(y.metrics().keySet()).as(e.getKey()).isEqualTo(x.metrics().keySet());
      if (x.columnName().equals(":table") || !x.numeric()) {
        assertSame(e.getKey(), x.metrics(), y.metrics());
        compared++;
        continue;
      }
      for (String m : EXACT_NUMERIC) {
        if (x.metrics().containsKey(m)) {
          assertClose(e.getKey() + " " + m, x.metrics().get(m), y.metrics().get(m));
        }
      }
      long count = ((Number) x.metrics().get("count")).longValue();
      double distinct = ((Number) x.metrics().get("distinct_count")).doubleValue();
      assertThat(((Number) y.metrics().get("distinct_count")).doubleValue())
          .as(e.getKey() + " distinct_count (HLL)")
          .isCloseTo(distinct, within(HLL_REL_ERR * distinct + 1));
      if (x.columnName().equals("items")) {
        assertThat(y.metrics().get("frequent_items")).isEqualTo(x.metrics().get("frequent_items"));
      }
      if (count > 0) {
        quantilesWithinBound(e.getKey(), x, y);
      }
      compared++;
    }
    assertThat(compared).isEqualTo(d.size());
  }

  /**
   * A KLL quantile is a value whose rank is within the sketch's rank error of the level: it lies
   * between the exact quantiles of the neighbouring levels, which are at least 0.04 (three times
   * {@link #KLL_RANK_ERR}) away (for the exact ends, it is the value).
   */
  private static void quantilesWithinBound(String key, ProfileRow x, ProfileRow y) {
    @SuppressWarnings("unchecked")
    List<Double> qx = (List<Double>) x.metrics().get("quantiles");
    @SuppressWarnings("unchecked")
    List<Double> qy = (List<Double>) y.metrics().get("quantiles");
    assertThat(qy.get(0)).isEqualTo(qx.get(0));
    assertThat(qy.get(qy.size() - 1)).isEqualTo(qx.get(qx.size() - 1));
    for (int i = 1; i < qx.size() - 1; i++) {
      assertThat(qy.get(i)).as(key + " quantile " + i).isBetween(qx.get(i - 1), qx.get(i + 1));
    }
  }

  /** The same drift rows: exact where exact, sketched within their bounds, the same status. */
  static void assertSameDrifts(MonitorResult duck, MonitorResult spark) {
    Map<String, DriftRow> d = byKey(duck.drifts(), SameRows::key);
    Map<String, DriftRow> s = byKey(spark.drifts(), SameRows::key);
    assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(d.keySet());
    assertThat(d).hasSizeGreaterThan(200);
    long drifted = 0;
    long judged = 0;
    long exact = 0;
    for (Map.Entry<String, DriftRow> e : d.entrySet()) {
      String k = e.getKey();
      ColumnDrift x = e.getValue().drift();
      ColumnDrift y = s.get(k).drift();
      assertThat(s.get(k).dataType()).isEqualTo(e.getValue().dataType());
      assertThat(y.status()).as(k + " " + x.reason() + " / " + y.reason()).isEqualTo(x.status());
      drifted += x.driftDetected() ? 1 : 0;
      assertThat(y.countDelta()).as(k).isEqualTo(x.countDelta());
      assertThat(y.percentNullDelta()).as(k).isCloseTo(x.percentNullDelta(), within(1e-12));
      if (x.dataType().equals("categorical")) {
        near(k + " psi", x.populationStabilityIndex(), y.populationStabilityIndex(), 1e-9);
        near(k + " js", x.jsDistance(), y.jsDistance(), 1e-9);
        near(k + " tv", x.tvDistance(), y.tvDistance(), 1e-9);
        assertThat(y.chiSquaredTest()).as(k).isEqualTo(x.chiSquaredTest());
        continue;
      }
      near(k + " avg_delta", x.avgDelta(), y.avgDelta(), 1e-9);
      assertClose(
          k + " avg_ratio",
          e.getValue().customMetrics().get("avg_ratio"),
          s.get(k).customMetrics().get("avg_ratio"));
      if (x.baselineCount() <= NumericState.EXACT_MAX
          && x.currentCount() <= NumericState.EXACT_MAX) {
        // both groups kept their values: the drift is the single-machine engine's, number for
        // number
        near(k + " psi", x.populationStabilityIndex(), y.populationStabilityIndex(), 1e-9);
        near(k + " js", x.jsDistance(), y.jsDistance(), 1e-9);
        assertThat(y.ksTest().orElseThrow().statistic())
            .as(k + " ks")
            .isCloseTo(x.ksTest().orElseThrow().statistic(), within(1e-9));
        assertThat(y.ksTest().orElseThrow().pvalue())
            .as(k + " ks p")
            .isCloseTo(x.ksTest().orElseThrow().pvalue(), within(1e-9));
        near(k + " wasserstein", x.wassersteinDistance(), y.wassersteinDistance(), 1e-9);
        exact++;
        continue;
      }
      if (x.status() == ColumnDrift.Status.NOT_ENOUGH_DATA) {
        continue; // below min_sample the sketched bins are too coarse for the bounds
      }
      judged++;
      if (!e.getValue().dataType().equals("BIGINT")) {
        // bins at a discrete column's values are cut differently from sketched edges
        double psi = x.populationStabilityIndex().orElse(0);
        if (psi < PSI_DRIFT) {
          near(k + " psi", x.populationStabilityIndex(), y.populationStabilityIndex(), PSI_BOUND);
        } else { // past the threshold a bin's error weighs more; the band (drift) is the same
          assertThat(y.populationStabilityIndex().getAsDouble())
              .as(k + " psi")
              .isGreaterThan(PSI_DRIFT - PSI_BOUND);
        }
        near(k + " js", x.jsDistance(), y.jsDistance(), 0.06);
      }
      assertThat(y.ksTest().isPresent()).as(k).isEqualTo(x.ksTest().isPresent());
      if (x.ksTest().isPresent()) {
        assertThat(y.ksTest().get().statistic())
            .as(k + " ks")
            .isCloseTo(
                x.ksTest().get().statistic(),
                within(MARGIN * 2 * KLL_RANK_ERR + 2.0 / DriftBounds.GRID));
      }
      near(k + " wasserstein", x.wassersteinDistanceNormed(), y.wassersteinDistanceNormed(), 0.06);
    }
    assertThat(drifted).as("the shifted days drift on both").isGreaterThan(0);
    assertThat(judged).as("numeric drift rows held to the sketch bounds").isGreaterThan(20);
    assertThat(exact).as("numeric drift rows of small groups, exact").isGreaterThan(100);
  }

  /** The same table drift per group and the same verdict of the run. */
  static void assertSameTableDrifts(MonitorResult duck, MonitorResult spark) {
    Map<String, TableDriftRow> d = byKey(duck.tableDrifts(), SameRows::key);
    Map<String, TableDriftRow> s = byKey(spark.tableDrifts(), SameRows::key);
    assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(d.keySet());
    d.forEach(
        (k, x) -> {
          TableDriftRow y = s.get(k);
          assertThat(y.countDelta()).isEqualTo(x.countDelta());
          assertThat(y.nonNullAdded()).isEqualTo(x.nonNullAdded());
          assertThat(y.nonNullMissing()).isEqualTo(x.nonNullMissing());
          assertThat(y.verdict().outcome()).as(k).isEqualTo(x.verdict().outcome());
        });
    assertThat(spark.verdict().outcome()).isEqualTo(duck.verdict().outcome());
    assertThat(spark.options()).isEqualTo(duck.options());
  }

  /**
   * KLL's documented normalized rank error for k = {@value NumericState#KLL_K} (0.0028: the 99th
   * percentile of the largest rank error over all queries, as DataSketches measures it). The sketch
   * compacts with a random coin that DataSketches does not let a caller seed, and Spark merges
   * partitions in any order, so sketched values vary from run to run within this bound.
   */
  static final double KLL_RANK_ERR = KllSketch.getNormalizedRankError(NumericState.KLL_K, false);

  /** HLL's relative error at three standard deviations for lgK = {@value NumericState#HLL_LG_K}. */
  static final double HLL_REL_ERR = HllSketch.getRelErr(true, true, NumericState.HLL_LG_K, 3);

  /** PSI's default drift threshold; below it sketched PSI is within {@link #PSI_BOUND}. */
  static final double PSI_DRIFT = DriftOptions.Thresholds.DEFAULT.psi();

  /** Sketched PSI below the threshold: within 0.05 of the exact value (as andon drift --sketch). */
  static final double PSI_BOUND = 0.05;

  /** The factor over the documented bounds that a test asserts, as they hold at 99%, not always. */
  static final double MARGIN = 2;

  /** Both present and within {@code bound}, or both absent. */
  static void near(String where, OptionalDouble x, OptionalDouble y, double bound) {
    assertThat(y.isPresent()).as(where).isEqualTo(x.isPresent());
    if (x.isPresent()) {
      assertThat(y.getAsDouble()).as(where).isCloseTo(x.getAsDouble(), within(bound));
    }
  }

  static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
    Map<String, T> out =
        rows.stream().collect(Collectors.toMap(key, r -> r, (a, b) -> a, LinkedHashMap::new));
    assertThat(out).hasSameSizeAs(rows);
    return out;
  }

  /** Equal, numbers to 1e-9 relative, lists and maps item by item. */
  static void assertSame(String where, Object x, Object y) {
    if (x instanceof Number a && y instanceof Number b) {
      assertClose(where, a, b);
    } else if (x instanceof Map<?, ?> a && y instanceof Map<?, ?> b) {
      assertThat(b.keySet()).as(where).isEqualTo(a.keySet());
      a.forEach((k, v) -> assertSame(where + "." + k, v, b.get(k)));
    } else if (x instanceof List<?> a && y instanceof List<?> b) {
      assertThat(b).as(where).hasSameSizeAs(a);
      for (int i = 0; i < a.size(); i++) {
        assertSame(where + "[" + i + "]", a.get(i), b.get(i));
      }
    } else {
      assertThat(y).as(where).isEqualTo(x);
    }
  }

  static void assertClose(String where, Object x, Object y) {
    if (x == null) {
      assertThat(y).as(where).isNull();
      return;
    }
    double a = ((Number) x).doubleValue();
    double b = ((Number) y).doubleValue();
    if (Double.isNaN(a)) {
      assertThat(b).as(where).isNaN();
      return;
    }
    assertThat(b).as(where).isCloseTo(a, within(1e-9 * Math.max(1, Math.abs(a))));
  }
}
