package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
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
 * monitor run over generated data, against values computed independently with NumPy
 * ({@code src/test/python/make_lakehouse_fixtures.py}, stored in {@code monitor/lakehouse/}).
 */
class LakehouseColumnsTest {
  @TempDir static Path dir;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"),
      ZoneOffset.UTC);
  private static final String DAY2 = "2026-11-02T00:00:00Z";
  private static JsonNode expected;
  private static Store store;

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
    Files.writeString(m, """
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
    MonitorResult r = new MonitorRun(MonitorLoader.load(m), CLOCK, line -> { }).run();
    store = Store.open(dir.resolve("home"));
    MetricsStore.append(store, r);
  }

  /** The rows of {@code sql}, each column by name, as text. */
  private static List<Map<String, String>> query(String sql) {
    return store.read(c -> {
      List<Map<String, String>> out = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
    assertThat(Double.parseDouble(actual)).as(what)
        .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  private static String day(String column, String table, String extra) {
    return "SELECT * FROM " + table + " WHERE column_name = '" + column + "' AND window_start = '"
        + DAY2 + "' AND slice_key IS NULL" + extra;
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
      Map<String, String> t = one("SELECT non_null_columns FROM profile_metrics WHERE"
          + " column_name = ':table' AND slice_key IS NULL AND window_start = '" + window + "'");
      assertThat(Json.read(t.get("non_null_columns")))
          .isEqualTo(expected.get("windows").get(window).get("non_null_columns"));
    }
    Map<String, String> b = one("SELECT non_null_columns FROM profile_metrics WHERE"
        + " column_name = ':table' AND log_type = 'BASELINE' AND slice_key IS NULL");
    assertThat(Json.read(b.get("non_null_columns")))
        .isEqualTo(expected.get("baseline").get("non_null_columns"));
  }

  @Test
  void driftRowsHoldPercentZerosDeltaAgainstBaselineAndPreviousWindow() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    for (String type : List.of("BASELINE", "CONSECUTIVE")) {
      Map<String, String> x = one(day("x", "drift_metrics", " AND drift_type = '" + type + "'"));
      close(x.get("percent_zeros_delta"), w.get(type.equals("BASELINE") ? "baseline"
          : "consecutive").get("percent_zeros_delta").asDouble(), type);
    }
    assertThat(one(day("cat", "drift_metrics", " AND drift_type = 'BASELINE'"))
        .get("percent_zeros_delta")).as("no zeros in a categorical column").isNull();
  }

  @Test
  void tableDriftRowsHoldCountDeltaAndNonNullColumnsDelta() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    for (String type : List.of("BASELINE", "CONSECUTIVE")) {
      JsonNode e = w.get(type.equals("BASELINE") ? "baseline" : "consecutive");
      Map<String, String> t = one(day(":table", "drift_metrics", " AND drift_type = '" + type
          + "'"));
      assertThat(Long.parseLong(t.get("count_delta"))).as(type)
          .isEqualTo(e.get("count_delta").asLong());
      assertThat(Json.read(t.get("non_null_columns_delta"))).as(type)
          .isEqualTo(e.get("non_null_columns_delta"));
      assertThat(t.get("data_type")).isEqualTo("table");
    }
    assertThat(one(day(":table", "drift_metrics", " AND drift_type = 'BASELINE'"))
        .get("drift_detected")).as("the column 'gone' became all null").isEqualTo("1");
  }

  @Test
  void customMetricsAreColumnsNamedAfterThemselves() throws Exception {
    JsonNode w = expected.get("windows").get(DAY2);
    close(one(day("x", "profile_metrics", " AND log_type = 'INPUT'")).get("x_sum_sq"),
        w.get("x_sum_sq").asDouble(), "x_sum_sq");
    close(one(day("x", "drift_metrics", " AND drift_type = 'BASELINE'")).get("x_avg_diff"),
        w.get("x_avg_diff_baseline").asDouble(), "x_avg_diff");
    assertThat(query("SELECT type FROM pragma_table_info('profile_metrics') WHERE name ="
        + " 'x_sum_sq'")).singleElement().isEqualTo(Map.of("type", "REAL"));
  }

  @Test
  void dataTypeIsTheColumnsSqlType() throws Exception {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, String> r : query("SELECT DISTINCT column_name, data_type FROM"
        + " profile_metrics WHERE log_type = 'INPUT' ORDER BY 1")) {
      types.put(r.get("column_name"), r.get("data_type"));
    }
    assertThat(types).containsEntry("x", "DOUBLE").containsEntry("n", "BIGINT")
        .containsEntry("cat", "VARCHAR").containsEntry("grp", "BOOLEAN")
        .containsEntry(":table", "table");
    assertThat(one(day("n", "drift_metrics", " AND drift_type = 'BASELINE'")).get("data_type"))
        .isEqualTo("BIGINT");
  }

  @Test
  void aCustomMetricMayNotTakeTheNameOfAColumnOfTheTables(@TempDir Path tmp) throws Exception {
    Path m = tmp.resolve("bad.yaml");
    Files.writeString(m, """
        table: log.csv
        custom_metrics:
          - name: avg
            type: aggregate
            definition: avg({{input_column}})
          - name: "two words"
            type: aggregate
            definition: avg({{input_column}})
        """);
    assertThatThrownBy(() -> MonitorLoader.load(m)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml:3")
        .hasMessageContaining("custom metric name 'avg' is a column of the metrics tables")
        .hasMessageContaining("bad.yaml:6")
        .hasMessageContaining("'two words' must be letters, digits and underscores");
  }
}
