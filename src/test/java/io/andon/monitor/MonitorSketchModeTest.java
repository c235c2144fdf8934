package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.stats.Quantiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor read into sketches against the same monitor holding every value, on generated Parquet:
 * exact counts and moments equal, quantiles, distinct counts and drift metrics within the bounds
 * docs/monitoring.md documents (KLL k = 200, HLL lgK = 12).
 */
class MonitorSketchModeTest {
  private static final int ROWS = 200_000;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  /** Twice KLL's normalised rank error at k = 200 (1.33%): the rank error is a 99% bound. */
  private static final double RANK = 2 * 0.0133;

  @TempDir Path dir;
  Path monitor;

  /** x normal (shifted in the current data), k one of 50 integers, y with nulls, NaN and zeros. */
  private static String table(double seed, double shift) {
    return "SELECT sqrt(-2 * ln(random())) * cos(2 * pi() * random()) + "
        + shift
        + " AS x, CAST(i % 50 AS INTEGER) AS k,"
        + " CASE WHEN i % 10 = 0 THEN NULL WHEN i % 97 = 0 THEN 'NaN'::DOUBLE"
        + " WHEN i % 13 = 0 THEN 0.0 ELSE random() * 100 END AS y FROM range("
        + ROWS
        + ") r(i)";
  }

  @BeforeEach
  void data() throws Exception {
    MonitorFixture.duckdb(
        "SELECT setseed(0.1)",
        MonitorFixture.toParquet(table(0.1, 0), dir.resolve("base.parquet")),
        "SELECT setseed(0.2)",
        MonitorFixture.toParquet(table(0.2, 0.2), dir.resolve("cur.parquet")));
    monitor =
        new MonitorFixture(dir)
            .write(
                "m.yaml",
                "name: sketched\ntable: cur.parquet\nbaseline_table: base.parquet\n"
                    + "profile_type: snapshot\n");
  }

  private MonitorResult run(MonitorSizing.Mode mode, long above) {
    return new MonitorRun(
            MonitorLoader.load(monitor), CLOCK, line -> {}, new MonitorSizing(mode, above))
        .run();
  }

  private static Map<String, Object> profile(MonitorResult r, String log, String column) {
    return r.profiles().stream()
        .filter(p -> p.logType().equals(log) && p.columnName().equals(column))
        .map(ProfileRow::metrics)
        .findFirst()
        .orElseThrow();
  }

  private static ColumnDrift drift(MonitorResult r, String column) {
    return r.drifts().stream()
        .map(DriftRow::drift)
        .filter(d -> d.columnName().equals(column))
        .findFirst()
        .orElseThrow();
  }

  private double[] sorted(String file, String column) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + column
                    + " FROM '"
                    + dir.resolve(file)
                    + "' WHERE "
                    + column
                    + " IS NOT NULL AND NOT isnan("
                    + column
                    + ")")) {
      double[] v = new double[ROWS];
      int n = 0;
      while (rs.next()) {
        v[n++] = rs.getDouble(1);
      }
      double[] out = Arrays.copyOf(v, n);
      Arrays.sort(out);
      return out;
    }
  }

  private static double num(Object o) {
    return ((Number) o).doubleValue();
  }

  @Test
  void sketchedProfilesKeepExactCountsAndMomentsAndQuantilesWithinTheRankError() throws Exception {
    MonitorResult exact = run(MonitorSizing.Mode.EXACT, 0);
    MonitorResult sketched = run(MonitorSizing.Mode.SKETCH, 0);
    assertThat(sketched.warnings()).anyMatch(w -> w.contains("from sketches (--sketch)"));
    for (String log : List.of("BASELINE", "INPUT")) {
      String file = log.equals("BASELINE") ? "base.parquet" : "cur.parquet";
      for (String col : List.of("x", "k", "y")) {
        Map<String, Object> e = profile(exact, log, col);
        Map<String, Object> s = profile(sketched, log, col);
        for (String m : List.of("count", "num_nulls", "num_nan", "num_zeros", "min", "max")) {
          assertThat(s.get(m)).as(log + " " + col + " " + m).isEqualTo(e.get(m));
        }
        for (String m : List.of("avg", "stddev")) {
          assertThat(num(s.get(m)))
              .as(log + " " + col + " " + m)
              .isCloseTo(num(e.get(m)), within(1e-9 * Math.abs(num(e.get(m)))));
        }
        assertThat(num(s.get("distinct_count")))
            .as(log + " " + col + " distinct_count")
            .isCloseTo(num(e.get("distinct_count")), within(0.049 * num(e.get("distinct_count"))));
        double[] v = sorted(file, col);
        @SuppressWarnings("unchecked")
        List<Double> qs = (List<Double>) s.get("quantiles");
        for (int i = 0; i < ColumnProfile.LEVELS.length; i++) {
          double q = ColumnProfile.LEVELS[i];
          assertThat(qs.get(i))
              .as(log + " " + col + " quantile " + q)
              .isBetween(
                  Quantiles.linear(v, Math.max(0, q - RANK)),
                  Quantiles.linear(v, Math.min(1, q + RANK)));
        }
      }
      // 50 values: the frequent-values sketch holds them all, so its counts are exact
      assertThat(profile(sketched, log, "k").get("frequent_items"))
          .isEqualTo(profile(exact, log, "k").get("frequent_items"));
    }
  }

  @Test
  void sketchedDriftStaysWithinTheDocumentedBoundsAndGivesTheSameVerdicts() {
    MonitorResult exact = run(MonitorSizing.Mode.EXACT, 0);
    MonitorResult sketched = run(MonitorSizing.Mode.SKETCH, 0);
    for (String col : List.of("x", "y")) {
      ColumnDrift e = drift(exact, col);
      ColumnDrift s = drift(sketched, col);
      assertThat(s.status()).as(col).isEqualTo(e.status());
      assertThat(s.ksTest().orElseThrow().statistic())
          .as(col + " KS")
          .isCloseTo(e.ksTest().orElseThrow().statistic(), within(2 * RANK));
      assertThat(s.wassersteinDistanceNormed().getAsDouble())
          .as(col + " normalised Wasserstein")
          .isCloseTo(e.wassersteinDistanceNormed().getAsDouble(), within(0.06));
      assertThat(s.populationStabilityIndex().getAsDouble())
          .as(col + " PSI")
          .isCloseTo(e.populationStabilityIndex().getAsDouble(), within(0.05));
      assertThat(s.jsDistance().getAsDouble())
          .as(col + " JS")
          .isCloseTo(e.jsDistance().getAsDouble(), within(0.06));
    }
    assertThat(drift(sketched, "k").status()).isEqualTo(drift(exact, "k").status());
  }

  @Test
  void aboveTheSizeLimitTheMonitorSwitchesToSketchesAndSaysSo() {
    // 200,000 rows x 3 columns per side: 1.2 million values
    MonitorResult below = run(MonitorSizing.Mode.AUTO, 2);
    MonitorResult above = run(MonitorSizing.Mode.AUTO, 1);
    assertThat(below.warnings()).noneMatch(w -> w.contains("--sketch-above"));
    assertThat(above.warnings())
        .anyMatch(
            w ->
                w.contains("about 1 million values, more than 1 million (--sketch-above)")
                    && w.contains("--exact"));
    // a continuous column's exact profile names its first value as seen once; sketches name none
    assertThat((List<?>) profile(below, "INPUT", "x").get("frequent_items")).hasSize(1);
    assertThat((List<?>) profile(above, "INPUT", "x").get("frequent_items")).isEmpty();
  }

  @Test
  void sketchedDataQualityChecksMatchTheExactOnes() {
    MonitorResult exact = run(MonitorSizing.Mode.EXACT, 0);
    MonitorResult sketched = run(MonitorSizing.Mode.SKETCH, 0);
    assertThat(
            sketched.quality().stream()
                .map(
                    q ->
                        q.check().check()
                            + " "
                            + q.check().columnName()
                            + " "
                            + q.check().failed()))
        .containsExactlyElementsOf(
            exact.quality().stream()
                .map(
                    q ->
                        q.check().check() + " " + q.check().columnName() + " " + q.check().failed())
                .toList());
  }
}
