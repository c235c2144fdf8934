package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code andon monitor} end to end: a real monitor file, DuckDB, and the SQLite store. */
class MonitorCommandTest {
  @TempDir Path dir;
  Path home;

  @BeforeEach
  void data() throws IOException {
    home = dir.resolve("home");
    SplittableRandom r = new SplittableRandom(7);
    StringBuilder log = new StringBuilder("ts,country,age,label,prediction,score\n");
    StringBuilder base = new StringBuilder("ts,country,age,label,prediction,score\n");
    for (int day = 1; day <= 3; day++) {
      for (int i = 0; i < 600; i++) {
        double age = 40 + 10 * r.nextGaussian() + (day == 3 ? 10 : 0);
        String country = i % 3 == 0 ? "FR" : "DE";
        int label = r.nextDouble() < 0.3 ? 1 : 0;
        double score = Math.min(1, Math.max(0, 0.3 + 0.4 * label + 0.2 * r.nextGaussian()));
        String row =
            String.format(
                Locale.ROOT,
                "2026-11-%02d %02d:%02d:00,%s,%.3f,%d,%d,%.4f%n",
                day,
                i % 24,
                i % 60,
                country,
                age,
                label,
                score > 0.5 ? 1 : 0,
                score);
        log.append(row);
        if (day == 1) {
          base.append(row);
        }
      }
    }
    Files.writeString(dir.resolve("log.csv"), log);
    Files.writeString(dir.resolve("base.csv"), base);
  }

  private Path monitor(String yaml) throws IOException {
    Path p = dir.resolve("monitor.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private static final String INFERENCE =
      """
      name: churn
      table: log.csv
      profile_type: inference_log
      timestamp_col: ts
      granularities: ["1 day"]
      prediction_col: prediction
      prediction_proba_col: score
      label_col: label
      problem_type: classification
      baseline_table: base.csv
      slicing_exprs: ["country", "age > 50"]
      custom_metrics:
        - name: share_over_60
          type: aggregate
          input_columns: [age]
          definition: avg(CASE WHEN {{input_column}} > 60 THEN 1.0 ELSE 0.0 END)
        - name: spread
          type: derived
          input_columns: [age]
          definition: max - min
        - name: avg_ratio
          type: drift
          input_columns: [age]
          definition: "{{current_df}}.avg / {{base_df}}.avg"
      """;

  @Test
  void inferenceLogMonitorStoresProfileAndDriftTablesQueryableWithSql() throws Exception {
    Cli r = Cli.run("monitor", monitor(INFERENCE).toString(), "--home", home.toString());
    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out).contains("monitor churn:").contains("appended to");
    String[] tableMetrics = new String[1];
    try (Store store = Store.open(home)) {
      store.read(
          c -> {
            try (Statement s = c.createStatement()) {
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT count(DISTINCT window_start), count(*)"
                          + " FROM profile_metrics WHERE log_type = 'INPUT' AND column_name = 'age'"
                          + " AND slice_key IS NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
              }
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT drift_detected, wasserstein_distance_normed"
                          + " FROM drift_metrics WHERE drift_type = 'BASELINE' AND column_name = 'age'"
                          + " AND slice_key IS NULL ORDER BY window_start")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("day 1 is the baseline itself").isZero();
                assertThat(rs.getDouble(2)).isZero();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("day 2, same distribution").isZero();
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("day 3, shifted by one sd").isEqualTo(1);
              }
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT count(*) FROM drift_metrics WHERE"
                          + " drift_type = 'CONSECUTIVE' AND window_cmp_start IS NOT NULL")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThan(0);
              }
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT DISTINCT slice_key, slice_value FROM"
                          + " profile_metrics WHERE slice_key IS NOT NULL ORDER BY 1, 2")) {
                StringBuilder sb = new StringBuilder();
                while (rs.next()) {
                  sb.append(rs.getString(1)).append('=').append(rs.getString(2)).append(';');
                }
                assertThat(sb.toString())
                    .isEqualTo("age > 50=false;age > 50=true;country=DE;" + "country=FR;");
              }
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT accuracy_score, f1_score, roc_auc, metrics"
                          + " FROM profile_metrics WHERE column_name = ':table' AND slice_key IS NULL AND"
                          + " log_type = 'INPUT' ORDER BY window_start")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isBetween(0.5, 1.0);
                assertThat(rs.getDouble(3)).isBetween(0.5, 1.0);
                tableMetrics[0] = rs.getString(4);
              }
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT json_extract(metrics, '$.share_over_60'),"
                          + " json_extract(metrics, '$.spread'), max - min FROM profile_metrics WHERE"
                          + " column_name = 'age' AND slice_key IS NULL AND log_type = 'INPUT'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isBetween(0.0, 0.2);
                assertThat(rs.getDouble(2)).isEqualTo(rs.getDouble(3));
              }
              try (ResultSet rs =
                  s.executeQuery(
                      "SELECT json_extract(metrics, '$.avg_ratio')"
                          + " FROM drift_metrics WHERE column_name = 'age' AND slice_key IS NULL AND"
                          + " drift_type = 'BASELINE' ORDER BY window_start")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getDouble(1)).isEqualTo(1.0);
              }
            }
            return null;
          });
    }
    JsonNode m = Json.read(tableMetrics[0]);
    assertThat(m.get("confusion_matrix").get("labels")).hasSize(2);
  }

  @Test
  void htmlOutputShowsTrendsOverWindows() throws Exception {
    Path out = dir.resolve("m.html");
    Cli r =
        Cli.run(
            "monitor",
            monitor(INFERENCE).toString(),
            "--no-store",
            "--format",
            "html",
            "--output",
            out.toString());
    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out)
        .matches(
            "monitor \\S+: (DRIFT|no drift): \\d+ of \\d+ drift rows drifted;"
                + " html written to "
                + java.util.regex.Pattern.quote(out.toString())
                + "\\R");
    String html = Files.readString(out);
    assertThat(html)
        .contains("<option value=\"seg-0\">1 day, all models, whole table</option>")
        .contains("<polyline")
        .contains("2026-11-01T00:00:00Z")
        .contains("window start (UTC)")
        .contains("class=\"threshold\"")
        .contains("null and zero shares")
        .contains("model-quality metrics")
        .contains("Drifted")
        .doesNotContain("src=\"http");
  }

  @Test
  void parquetExportIsReadableBackWithDuckdb() throws Exception {
    Path pq = dir.resolve("pq");
    Cli r =
        Cli.run("monitor", monitor(INFERENCE).toString(), "--no-store", "--parquet", pq.toString());
    assertThat(r.exit).as(r.err).isZero();
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement();
        var rs =
            s.executeQuery(
                "SELECT count(*), count(DISTINCT drift_type) FROM read_parquet('"
                    + pq.resolve("drift_metrics.parquet")
                    + "') WHERE column_name = 'age'")) {
      rs.next();
      assertThat(rs.getLong(1)).isGreaterThan(0);
      assertThat(rs.getLong(2)).isEqualTo(2);
    }
    assertThat(Files.exists(pq.resolve("profile_metrics.parquet"))).isTrue();
  }

  @Test
  void snapshotMonitorWritesJsonWithOneWindow() throws Exception {
    Path m = monitor("table: log.csv\nbaseline_table: base.csv\ncolumns: [age, country]\n");
    Cli r = Cli.run("monitor", m.toString(), "--no-store", "--format", "json");
    assertThat(r.exit).as(r.err).isZero();
    JsonNode j = Json.read(r.out);
    assertThat(j.get("monitor_name").asText()).isEqualTo("monitor");
    assertThat(j.get("drift_metrics"))
        .filteredOn(d -> !d.get("column_name").asText().equals(":table"))
        .hasSize(2);
    assertThat(j.get("drift_metrics"))
        .filteredOn(d -> d.get("column_name").asText().equals(":table"))
        .singleElement()
        .satisfies(t -> assertThat(t.get("count_delta").asLong()).isEqualTo(1200));
    assertThat(j.get("drift_metrics").get(0).get("drift_type").asText()).isEqualTo("BASELINE");
    assertThat(j.get("drift_metrics").get(0).get("granularity").asText()).isEqualTo("snapshot");
    assertThat(Files.exists(home)).isFalse();
  }

  @Test
  void invalidMonitorFileListsEveryProblemWithItsLine() throws IOException {
    Path m =
        monitor(
            """
        table: log.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 day", "3 fortnights", "1 minute"]
        slicing_exprz: [country]
        """);
    Cli r = Cli.run("monitor", m.toString(), "--no-store");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err)
        .contains("monitor.yaml:4:")
        .contains("'3 fortnights' is not understood")
        .contains("finer than 5 minutes")
        .contains("monitor.yaml:5:1")
        .contains("Did you mean 'slicing_exprs'?");
  }

  @Test
  void timestampColumnThatDoesNotParseIsNamed() throws IOException {
    Files.writeString(dir.resolve("bad.csv"), "when,x\nyesterday,1\ntoday,2\n");
    Path m =
        monitor(
            "table: bad.csv\nprofile_type: time_series\ntimestamp_col: when\n"
                + "granularities: [\"1 day\"]\n");
    Cli r = Cli.run("monitor", m.toString(), "--no-store");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err)
        .contains("timestamp_col 'when'")
        .contains("does not parse")
        .contains("'yesterday'");
  }

  @Test
  void badSlicingExpressionIsInvalidInputNamingIt() throws IOException {
    Path m = monitor("table: log.csv\nslicing_exprs: [\"agee > 3\"]\n");
    Cli r = Cli.run("monitor", m.toString(), "--no-store");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("slicing_exprs item 'agee > 3'");
  }
}
