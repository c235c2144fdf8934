package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.monitor.report.ParquetExport;
import io.andon.store.Store;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Lakehouse Monitoring columns of the metrics tables, read back from SQLite after a real
 * monitor run over generated data, against values computed independently with NumPy ({@code
 * src/test/python/make_lakehouse_fixtures.py}, stored in {@code monitor/lakehouse/}).
 */
class LakehouseColumnsTest {
  @TempDir static Path dir;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String DAY2 = "2026-11-02T00:00:00Z";
  private static JsonNode expected;
  private static Store store;
  private static MonitorResult inferenceResult;

  static Path fixture(Path to, String name) throws Exception {
    try (var in = LakehouseColumnsTest.class.getResourceAsStream("/monitor/lakehouse/" + name)) {
      Files.write(to.resolve(name), in.readAllBytes());
    }
    return to.resolve(name);
  }

  @BeforeAll
  static void runMonitorAndStoreIt() throws Exception {
    fixture(dir, "base.csv");
    fixture(dir, "log.csv");
    expected = Json.read(Files.readString(fixture(dir, "expected.json")));
    Path m = dir.resolve("lake.yaml");
    Files.writeString(
        m,
        """
        table: log.csv
        baseline_table: base.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 day"]
        categorical: [grp]
        custom_metrics:
          - name: x_sum_sq
            type: aggregate
            input_columns: [x]
            definition: sum({{input_column}} * {{ input_column }})
            output_data_type: double
          - name: x_avg_diff
            type: drift
            input_columns: [x]
            definition: "{{current_df}}.avg - {{base_df}}.avg"
        """);
    MonitorResult r = MonitorFixture.run(m, CLOCK);
    store = Store.open(dir.resolve("home"));
    MetricsStore.append(store, r);
    Path inference = dir.resolve("inference.yaml");
    Files.writeString(
        inference,
        """
        table: log.csv
        baseline_table: base.csv
        profile_type: inference_log
        timestamp_col: ts
        granularities: ["1 day"]
        model_id_col: model
        prediction_col: pred
        label_col: label
        problem_type: classification
        slicing_exprs: [grp]
        columns: [x, cat]
        custom_metrics:
          - name: hit_rate
            type: aggregate
            input_columns: [":table"]
            definition: avg(CASE WHEN {{prediction_col}} = {{label_col}} THEN 1.0 ELSE 0.0 END)
        """);
    inferenceResult = MonitorFixture.run(inference, CLOCK);
    MetricsStore.append(store, inferenceResult);
  }

  /** The {@code :table} profile row of day 2 of the inference monitor for a model and slice. */
  private static Map<String, String> quality(String model, String slice) {
    return one(
        "SELECT * FROM profile_metrics WHERE monitor_name = 'inference' AND column_name"
            + " = ':table' AND log_type = 'INPUT' AND window_start = '"
            + DAY2
            + "' AND "
            + (model.isEmpty() ? "model_id IS NULL" : "model_id = '" + model + "'")
            + " AND "
            + (slice.isEmpty()
                ? "slice_key IS NULL"
                : "slice_key = 'grp' AND slice_value = '" + slice + "'"));
  }

  private static void sameNumbers(JsonNode actual, JsonNode expected, String what) {
    assertThat(actual.size()).as(what).isEqualTo(expected.size());
    expected
        .properties()
        .forEach(
            e -> {
              JsonNode a = actual.get(e.getKey());
              assertThat(a).as(what + "." + e.getKey()).isNotNull();
              if (e.getValue().isObject()) {
                sameNumbers(a, e.getValue(), what + "." + e.getKey());
              } else {
                close(a.asText(), e.getValue().asDouble(), what + "." + e.getKey());
              }
            });
  }

  /** The rows of {@code sql}, each column by name, as text. */
  private static List<Map<String, String>> query(String sql) {
    return store.read(
        c -> {
          List<Map<String, String>> out = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
              Map<String, String> row = new LinkedHashMap<>();
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
              }
              out.add(row);
            }
          }
          return out;
        });
  }

  private static Map<String, String> one(String sql) {
    List<Map<String, String>> rows = query(sql);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0);
  }

  private static void close(String actual, double expected, String what) {
    assertThat(Double.parseDouble(actual))
        .as(what)
        .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  private static String day(String column, String table, String extra) {
    return "SELECT * FROM "
        + table
        + " WHERE monitor_name = 'lake' AND column_name = '"
        + column
        + "' AND window_start = '"
        + DAY2
        + "' AND slice_key IS NULL"
        + extra;
  }

  @Test
  void quantilesAndFrequentItemsAreColumnsHoldingJsonArrays() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    Map<String, String> x = one(day("x", "profile_metrics", " AND log_type = 'INPUT'"));
    JsonNode qs = Json.read(x.get("quantiles"));
    assertThat(qs).hasSize(w.get("x_quantiles").size());
    for (int i = 0; i < qs.size(); i++) {
      close(qs.get(i).asText(), w.get("x_quantiles").get(i).asDouble(), "quantile " + i);
    }
    Map<String, String> cat = one(day("cat", "profile_metrics", " AND log_type = 'INPUT'"));
    assertThat(Json.read(cat.get("frequent_items"))).isEqualTo(w.get("cat_frequent_items"));
  }

  @Test
  void theTableRowListsTheColumnsThatHaveValues() throws Exception {
    for (String window : List.of("2026-11-01T00:00:00Z", DAY2)) {
      Map<String, String> t =
          one(
              "SELECT non_null_columns FROM profile_metrics WHERE"
                  + " monitor_name = 'lake' AND column_name = ':table' AND slice_key IS NULL AND"
                  + " window_start = '"
                  + window
                  + "'");
      assertThat(Json.read(t.get("non_null_columns")))
          .isEqualTo(expected.get("windows").get(window).get("non_null_columns"));
    }
    Map<String, String> b =
        one(
            "SELECT non_null_columns FROM profile_metrics WHERE"
                + " monitor_name = 'lake' AND column_name = ':table' AND log_type = 'BASELINE' AND"
                + " slice_key IS NULL");
    assertThat(Json.read(b.get("non_null_columns")))
        .isEqualTo(expected.get("baseline").get("non_null_columns"));
  }

  @Test
  void driftRowsHoldPercentZerosDeltaAgainstBaselineAndPreviousWindow() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    for (String type : List.of("BASELINE", "CONSECUTIVE")) {
      Map<String, String> x = one(day("x", "drift_metrics", " AND drift_type = '" + type + "'"));
      close(
          x.get("percent_zeros_delta"),
          w.get(type.equals("BASELINE") ? "baseline" : "consecutive")
              .get("percent_zeros_delta")
              .asDouble(),
          type);
    }
    assertThat(
            one(day("cat", "drift_metrics", " AND drift_type = 'BASELINE'"))
                .get("percent_zeros_delta"))
        .as("no zeros in a categorical column")
        .isNull();
  }

  @Test
  void tableDriftRowsHoldCountDeltaAndNonNullColumnsDelta() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    for (String type : List.of("BASELINE", "CONSECUTIVE")) {
      JsonNode e = w.get(type.equals("BASELINE") ? "baseline" : "consecutive");
      Map<String, String> t =
          one(day(":table", "drift_metrics", " AND drift_type = '" + type + "'"));
      assertThat(Long.parseLong(t.get("count_delta")))
          .as(type)
          .isEqualTo(e.get("count_delta").asLong());
      assertThat(Json.read(t.get("non_null_columns_delta")))
          .as(type)
          .isEqualTo(e.get("non_null_columns_delta"));
      assertThat(t.get("data_type")).isEqualTo("table");
    }
    assertThat(
            one(day(":table", "drift_metrics", " AND drift_type = 'BASELINE'"))
                .get("drift_detected"))
        .as("the column 'gone' became all null")
        .isEqualTo("1");
  }

  @Test
  void customMetricsAreColumnsNamedAfterThemselves() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    close(
        one(day("x", "profile_metrics", " AND log_type = 'INPUT'")).get("x_sum_sq"),
        w.get("x_sum_sq").asDouble(),
        "x_sum_sq");
    close(
        one(day("x", "drift_metrics", " AND drift_type = 'BASELINE'")).get("x_avg_diff"),
        w.get("x_avg_diff_baseline").asDouble(),
        "x_avg_diff");
    assertThat(
            query(
                "SELECT type FROM pragma_table_info('profile_metrics') WHERE name ="
                    + " 'x_sum_sq'"))
        .singleElement()
        .isEqualTo(Map.of("type", "REAL"));
  }

  @Test
  void dataTypeIsTheColumnsSqlType() throws Exception {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, String> r :
        query(
            "SELECT DISTINCT column_name, data_type FROM"
                + " profile_metrics WHERE monitor_name = 'lake' AND log_type = 'INPUT' ORDER BY 1")) {
      types.put(r.get("column_name"), r.get("data_type"));
    }
    assertThat(types)
        .containsEntry("x", "DOUBLE")
        .containsEntry("n", "BIGINT")
        .containsEntry("cat", "VARCHAR")
        .containsEntry("grp", "BOOLEAN")
        .containsEntry(":table", "table");
    assertThat(one(day("n", "drift_metrics", " AND drift_type = 'BASELINE'")).get("data_type"))
        .isEqualTo("BIGINT");
  }

  @Test
  void aCustomMetricMayNotTakeTheNameOfAColumnOfTheTables(@TempDir Path tmp) throws Exception {
    Path m = tmp.resolve("bad.yaml");
    Files.writeString(
        m,
        """
        table: log.csv
        custom_metrics:
          - name: avg
            type: aggregate
            definition: avg({{input_column}})
          - name: "two words"
            type: aggregate
            definition: avg({{input_column}})
        """);
    assertThatThrownBy(() -> MonitorLoader.load(m))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml:3")
        .hasMessageContaining("custom metric name 'avg' is a column of the metrics tables")
        .hasMessageContaining("bad.yaml:6")
        .hasMessageContaining("'two words' must be letters, digits and underscores");
  }

  @Test
  void precisionRecallAndF1AreStructsOfMacroWeightedAndPerClassForEachModelAndAllTogether()
      throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    for (String model : List.of("", "m1", "m2")) {
      JsonNode e = model.isEmpty() ? w.get("quality") : w.get("models").get(model);
      Map<String, String> row = quality(model, "");
      close(row.get("accuracy_score"), e.get("accuracy_score").asDouble(), model + " accuracy");
      for (String k : List.of("precision", "recall", "f1_score")) {
        sameNumbers(Json.read(row.get(k)), e.get(k), model + " " + k);
      }
    }
  }

  @Test
  void fairnessMetricsCompareTheProtectedSliceWithTheRestOfTheWindow() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    for (String value : List.of("true", "false")) {
      Map<String, String> row = quality("", value);
      for (String k :
          List.of(
              "predictive_parity",
              "predictive_equality",
              "equal_opportunity",
              "statistical_parity")) {
        sameNumbers(Json.read(row.get(k)), w.get("fairness").get(value).get(k), value + " " + k);
      }
    }
    assertThat(quality("", "").get("predictive_parity")).as("no protected group").isNull();
  }

  @Test
  void customMetricsFillInThePredictionAndLabelColumns() throws Exception {
    close(
        quality("", "").get("hit_rate"),
        expected.get("windows").get(DAY2).get("quality").get("accuracy_score").asDouble(),
        "hit_rate");
  }

  @Test
  void theParquetExportHoldsListsAndStructsAsParquetListsAndStructs() throws Exception {
    Path pq = dir.resolve("pq");
    ParquetExport.write(inferenceResult, pq);
    JsonNode w = expected.get("windows").get(DAY2);
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        var s = c.createStatement()) {
      String from =
          " FROM read_parquet('"
              + pq.resolve("profile_metrics.parquet")
              + "') WHERE"
              + " window_start = '"
              + DAY2
              + "' AND slice_key IS NULL AND model_id IS NULL AND"
              + " log_type = 'INPUT' AND column_name = ";
      try (ResultSet rs = s.executeQuery("SELECT quantiles[1], len(quantiles)" + from + "'x'")) {
        assertThat(rs.next()).isTrue();
        close(rs.getString(1), w.get("x_quantiles").get(0).asDouble(), "quantiles[1]");
        assertThat(rs.getInt(2)).isEqualTo(ColumnProfile.LEVELS.length);
      }
      try (ResultSet rs = s.executeQuery("SELECT precision.macro, hit_rate" + from + "':table'")) {
        assertThat(rs.next()).isTrue();
        close(
            rs.getString(1),
            w.get("quality").get("precision").get("macro").asDouble(),
            "precision.macro");
        close(rs.getString(2), w.get("quality").get("accuracy_score").asDouble(), "hit_rate");
      }
    }
  }

  @Test
  void aTemplateTheMonitorCannotFillIsAnErrorNamingTheMetric(@TempDir Path tmp) throws Exception {
    fixture(tmp, "log.csv");
    for (String[] c :
        new String[][] {
          {"{{label_col}}", "uses {{label_col}}, but the monitor has no 'label_col'"},
          {"{{table_name}}", "uses {{table_name}}, which an aggregate metric does not know"}
        }) {
      Path m = tmp.resolve("t.yaml");
      Files.writeString(
          m,
          """
          table: log.csv
          columns: [x]
          custom_metrics:
            - name: odd
              type: aggregate
              definition: count(%s)
          """
              .formatted(c[0]));
      assertThatThrownBy(() -> MonitorFixture.run(m, CLOCK))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("custom metric 'odd' " + c[1]);
    }
  }
}
