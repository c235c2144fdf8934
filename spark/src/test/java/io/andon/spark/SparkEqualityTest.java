package io.andon.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.EngineSettings;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorResult.TableDriftRow;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine on local[2] against the single-machine engine on the same monitors: every exact
 * metric equal (to 1e-9), every sketch-based one within its bound, the same rows and verdicts.
 */
class SparkEqualityTest {
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

  @TempDir static Path dir;
  static MonitorResult duck;
  static MonitorResult spark;

  @BeforeAll
  static void runBoth() {
    Fixtures.log(dir.resolve("base.parquet"), 4000, 0.1, false);
    Fixtures.log(dir.resolve("cur.parquet"), 8000, 0.2, true);
    Path monitor =
        Fixtures.write(
            dir.resolve("eq.yaml"),
            """
            name: eq
            table: cur.parquet
            baseline_table: base.parquet
            profile_type: inference_log
            timestamp_col: ts
            granularities: ["1 day", "1 week"]
            model_id_col: model
            prediction_col: prediction
            prediction_proba_col: score
            label_col: label
            problem_type: classification
            slicing_exprs: ["country", "age > 50"]
            custom_metrics:
              - name: share_over_60
                type: aggregate
                input_columns: [age]
                definition: avg(CASE WHEN {{input_column}} > 60 THEN 1.0 ELSE 0.0 END)
              - name: rows_labelled
                type: aggregate
                input_columns: [":table"]
                definition: count({{label_col}})
              - name: spread
                type: derived
                input_columns: [age]
                definition: max - min
              - name: avg_ratio
                type: drift
                input_columns: [age]
                definition: "{{current_df}}.avg / {{base_df}}.avg"
            """);
    MonitorSpec spec = MonitorLoader.load(monitor);
    duck = new MonitorRun(spec, CLOCK, line -> {}).run();
    spark =
        new SparkEngine()
            .run(spec, new EngineSettings(Optional.of("local[2]"), Map.of()), CLOCK, line -> {});
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

  @Test
  void bothEnginesWriteTheSameProfileRowsWithTheSameExactMetrics() {
    Map<String, ProfileRow> d = byKey(duck.profiles(), SparkEqualityTest::key);
    Map<String, ProfileRow> s = byKey(spark.profiles(), SparkEqualityTest::key);
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
          .isCloseTo(distinct, within(0.05 * distinct + 1));
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
   * between the exact quantiles of the neighbouring levels (for the exact ends, it is the value).
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

  @Test
  void bothEnginesWriteTheSameDriftRowsExactWhereExactAndSketchedWithinTheirBounds() {
    Map<String, DriftRow> d = byKey(duck.drifts(), SparkEqualityTest::key);
    Map<String, DriftRow> s = byKey(spark.drifts(), SparkEqualityTest::key);
    assertThat(s.keySet()).containsExactlyInAnyOrderElementsOf(d.keySet());
    assertThat(d).hasSizeGreaterThan(200);
    long drifted = 0;
    long judged = 0;
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
      if (x.status() == ColumnDrift.Status.NOT_ENOUGH_DATA) {
        continue; // below min_sample the sketched bins are too coarse for the bounds
      }
      judged++;
      if (!e.getValue().dataType().equals("BIGINT")) {
        // bins at a discrete column's values are cut differently from sketched edges
        double psi = x.populationStabilityIndex().orElse(0);
        if (psi < 0.5) {
          near(k + " psi", x.populationStabilityIndex(), y.populationStabilityIndex(), 0.05);
        } else { // far beyond the threshold the floored empty bins weigh more; the band is the same
          assertThat(y.populationStabilityIndex().getAsDouble()).as(k + " psi").isGreaterThan(0.25);
        }
        near(k + " js", x.jsDistance(), y.jsDistance(), 0.06);
      }
      assertThat(y.ksTest().isPresent()).as(k).isEqualTo(x.ksTest().isPresent());
      if (x.ksTest().isPresent()) {
        assertThat(y.ksTest().get().statistic())
            .as(k + " ks")
            .isCloseTo(x.ksTest().get().statistic(), within(1.5 * 2 * 0.0133));
      }
      near(k + " wasserstein", x.wassersteinDistanceNormed(), y.wassersteinDistanceNormed(), 0.06);
    }
    assertThat(drifted).as("the shifted days drift on both").isGreaterThan(0);
    assertThat(judged).as("numeric drift rows held to the sketch bounds").isGreaterThan(20);
  }

  @Test
  void bothEnginesGiveEachGroupTheSameTableDriftAndTheRunTheSameVerdict() {
    Map<String, TableDriftRow> d = byKey(duck.tableDrifts(), SparkEqualityTest::key);
    Map<String, TableDriftRow> s = byKey(spark.tableDrifts(), SparkEqualityTest::key);
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
