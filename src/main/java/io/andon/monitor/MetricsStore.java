package io.andon.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorResult.TableDriftRow;
import io.andon.monitor.MonitorSpec.CustomMetric;
import io.andon.monitor.report.JsonReport;
import io.andon.store.Store;
import io.andon.util.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Appends a monitor run's rows to the {@code profile_metrics} and {@code drift_metrics} tables of
 * andon's store (migrations V020, V021). The metrics get columns of their own under Lakehouse
 * Monitoring's names, so alert queries are plain SQL: numbers as REAL, lists and structs
 * (quantiles, frequent_items, non_null_columns, precision, recall, f1_score, the fairness metrics,
 * non_null_columns_delta) as JSON text. Each custom metric gets a column named after itself, added
 * on first use (REAL for a numeric {@code output_data_type}, TEXT otherwise). Every metric is also
 * in the JSON column {@code metrics}. Times are ISO-8601 UTC text. The chunked methods' values go
 * to {@code chunk_metrics} ({@link ChunkMetricsStore}).
 */
public final class MetricsStore {
  static final List<String> PROFILE_COLUMNS =
      List.of(
          "count",
          "num_nulls",
          "num_nan",
          "num_zeros",
          "avg",
          "stddev",
          "min",
          "max",
          "median",
          "distinct_count",
          "percent_null",
          "percent_nan",
          "percent_zeros",
          "percent_distinct",
          "min_length",
          "max_length",
          "avg_length",
          "quantiles",
          "frequent_items",
          "non_null_columns",
          "accuracy_score",
          "precision",
          "recall",
          "f1_score",
          "roc_auc",
          "mean_squared_error",
          "root_mean_squared_error",
          "mean_absolute_error",
          "mean_absolute_percentage_error",
          "r2_score",
          "predictive_parity",
          "predictive_equality",
          "equal_opportunity",
          "statistical_parity");
  static final List<String> DRIFT_COLUMNS =
      List.of(
          "window_cmp_start",
          "window_cmp_end",
          "drift_type",
          "column_name",
          "data_type",
          "drift_detected",
          "population_stability_index",
          "js_distance",
          "ks_statistic",
          "ks_pvalue",
          "wasserstein_distance",
          "wasserstein_distance_normed",
          "chi_squared_statistic",
          "chi_squared_pvalue",
          "tv_distance",
          "l_infinity_distance",
          "count_delta",
          "avg_delta",
          "percent_null_delta",
          "percent_zeros_delta",
          "percent_distinct_delta",
          "non_null_columns_delta",
          "metrics");
  private static final List<String> GROUP_COLUMNS =
      List.of(
          "monitor_name",
          "run_at",
          "window_start",
          "window_end",
          "granularity",
          "model_id",
          "slice_key",
          "slice_value");
  private static final Set<String> NUMERIC_TYPES =
      Set.of(
          "double",
          "float",
          "int",
          "integer",
          "long",
          "bigint",
          "short",
          "smallint",
          "byte",
          "tinyint",
          "decimal",
          "boolean");

  private MetricsStore() {}

  /** Every column name of both tables: a custom metric may not take one of them. */
  public static Set<String> builtInColumns() {
    Set<String> all = new HashSet<>(GROUP_COLUMNS);
    all.addAll(PROFILE_COLUMNS);
    all.addAll(DRIFT_COLUMNS);
    all.addAll(List.of("log_type", "metrics"));
    return all;
  }

  /** Appends every row of {@code result} in one transaction. */
  public static void append(Store store, MonitorResult result) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(result, "result");
    List<String> profileCustom = new ArrayList<>();
    List<String> driftCustom = new ArrayList<>();
    store.tx(
        c -> {
          for (CustomMetric m : result.customMetrics()) {
            boolean drift = m.type() == CustomMetric.Type.DRIFT;
            (drift ? driftCustom : profileCustom).add(m.name());
            addColumn(c, drift ? "drift_metrics" : "profile_metrics", m);
          }
          profiles(c, result, profileCustom);
          drifts(c, result, driftCustom);
          ChunkMetricsStore.append(c, result);
          QualityRows.insert(c, result);
          return null;
        });
  }

  private static void profiles(Connection c, MonitorResult result, List<String> custom)
      throws SQLException {
    List<String> cols = new ArrayList<>(GROUP_COLUMNS);
    cols.addAll(List.of("column_name", "data_type", "log_type"));
    cols.addAll(PROFILE_COLUMNS);
    cols.addAll(custom);
    cols.add("metrics");
    String run = result.runAt().toString();
    try (PreparedStatement ps = c.prepareStatement(insert("profile_metrics", cols))) {
      for (ProfileRow r : result.profiles()) {
        int i = group(ps, result.monitorName(), run, r.group());
        ps.setString(i++, r.columnName());
        ps.setString(i++, r.dataType());
        ps.setString(i++, r.logType());
        for (String k : PROFILE_COLUMNS) {
          i = value(ps, i, r.metrics().get(k));
        }
        for (String k : custom) {
          i = value(ps, i, r.metrics().get(k));
        }
        ps.setString(i, Json.write(r.metrics()));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void drifts(Connection c, MonitorResult result, List<String> custom)
      throws SQLException {
    List<String> cols = new ArrayList<>(GROUP_COLUMNS);
    cols.addAll(DRIFT_COLUMNS.subList(0, DRIFT_COLUMNS.size() - 1));
    cols.addAll(custom);
    cols.add("metrics");
    String run = result.runAt().toString();
    try (PreparedStatement ps = c.prepareStatement(insert("drift_metrics", cols))) {
      for (DriftRow r : result.drifts()) {
        ColumnDrift d = r.drift();
        int i = group(ps, result.monitorName(), run, r.group());
        i = compared(ps, i, r.windowCmpStart(), r.windowCmpEnd(), r.driftType());
        ps.setString(i++, d.columnName());
        ps.setString(i++, r.dataType());
        ps.setInt(i++, d.driftDetected() ? 1 : 0);
        i = real(ps, i, d.populationStabilityIndex());
        i = real(ps, i, d.jsDistance());
        i =
            real(
                ps,
                i,
                d.ksTest()
                    .map(k -> OptionalDouble.of(k.statistic()))
                    .orElse(OptionalDouble.empty()));
        i =
            real(
                ps,
                i,
                d.ksTest().map(k -> OptionalDouble.of(k.pvalue())).orElse(OptionalDouble.empty()));
        i = real(ps, i, d.wassersteinDistance());
        i = real(ps, i, d.wassersteinDistanceNormed());
        i =
            real(
                ps,
                i,
                d.chiSquaredTest()
                    .map(k -> OptionalDouble.of(k.statistic()))
                    .orElse(OptionalDouble.empty()));
        i =
            real(
                ps,
                i,
                d.chiSquaredTest()
                    .map(k -> OptionalDouble.of(k.pvalue()))
                    .orElse(OptionalDouble.empty()));
        i = real(ps, i, d.tvDistance());
        i = real(ps, i, d.lInfinityDistance());
        ps.setLong(i++, d.countDelta());
        i = real(ps, i, d.avgDelta());
        ps.setDouble(i++, d.percentNullDelta());
        i = real(ps, i, r.percentZerosDelta());
        ps.setDouble(i++, d.percentDistinctDelta());
        ps.setNull(i++, Types.VARCHAR);
        for (String k : custom) {
          i = value(ps, i, r.customMetrics().get(k));
        }
        ObjectNode m = JsonReport.columnJson(d);
        m.put("data_type", r.dataType());
        r.percentZerosDelta().ifPresent(z -> m.put("percent_zeros_delta", z));
        r.customMetrics().forEach((k, v) -> m.set(k, Json.mapper().valueToTree(v)));
        ps.setString(i, Json.write(m));
        ps.addBatch();
      }
      for (TableDriftRow r : result.tableDrifts()) {
        int i = group(ps, result.monitorName(), run, r.group());
        i = compared(ps, i, r.windowCmpStart(), r.windowCmpEnd(), r.driftType());
        ps.setString(i++, ":table");
        ps.setString(i++, "table");
        ps.setInt(i++, r.verdict().driftDetected() ? 1 : 0);
        for (int k = 0; k < 10; k++) {
          ps.setNull(i++, Types.REAL);
        }
        ps.setLong(i++, r.countDelta());
        for (int k = 0; k < 4; k++) {
          ps.setNull(i++, Types.REAL);
        }
        ps.setString(i++, Json.write(nonNullDelta(r)));
        for (String k : custom) {
          i = value(ps, i, r.customMetrics().get(k));
        }
        ps.setString(i, Json.write(tableJson(r)));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The {@code metrics} JSON of a {@code :table} drift row. */
  public static ObjectNode tableJson(TableDriftRow r) {
    ObjectNode m = Json.object();
    m.put("column_name", ":table");
    m.put("data_type", "table");
    m.put("status", r.verdict().outcome().name());
    m.put("drift_detected", r.verdict().driftDetected());
    m.put("drifted_columns", r.verdict().drifted());
    m.put("compared_columns", r.verdict().compared());
    m.put("count_delta", r.countDelta());
    m.set("non_null_columns_delta", nonNullDelta(r));
    r.customMetrics().forEach((k, v) -> m.set(k, Json.mapper().valueToTree(v)));
    return m;
  }

  private static ObjectNode nonNullDelta(TableDriftRow r) {
    ObjectNode o = Json.object();
    o.put("added", r.nonNullAdded());
    o.put("missing", r.nonNullMissing());
    return o;
  }

  private static String insert(String table, List<String> cols) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", cols.stream().map(MetricsStore::q).toList())
        + ") VALUES ("
        + "?, ".repeat(cols.size() - 1)
        + "?)";
  }

  /** Adds the column of a custom metric to {@code table} unless it has it already. */
  private static void addColumn(Connection c, String table, CustomMetric m) throws SQLException {
    Set<String> have = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        have.add(rs.getString("name"));
      }
    }
    if (!have.contains(m.name())) {
      try (Statement s = c.createStatement()) {
        s.execute(
            "ALTER TABLE "
                + table
                + " ADD COLUMN "
                + q(m.name())
                + " "
                + (numeric(m) ? "REAL" : "TEXT"));
      }
    }
  }

  /** True when a metric's output_data_type is a number (or a boolean, stored as 0/1). */
  static boolean numeric(CustomMetric m) {
    String t = m.outputDataType().strip().replace("\"", "").toLowerCase(Locale.ROOT);
    return NUMERIC_TYPES.contains(t.replaceFirst("type$", "").replaceFirst("\\(.*$", ""));
  }

  private static String q(String col) {
    return "\"" + col.replace("\"", "\"\"") + "\"";
  }

  static int group(PreparedStatement ps, String name, String run, Group g) throws SQLException {
    int i = 1;
    ps.setString(i++, name);
    ps.setString(i++, run);
    ps.setString(i++, g.windowStart().map(Instant::toString).orElse(null));
    ps.setString(i++, g.windowEnd().map(Instant::toString).orElse(null));
    ps.setString(i++, g.granularity());
    ps.setString(i++, g.modelId().orElse(null));
    ps.setString(i++, g.sliceKey().orElse(null));
    ps.setString(i++, g.sliceValue().orElse(null));
    return i;
  }

  private static int compared(
      PreparedStatement ps, int i, Optional<Instant> start, Optional<Instant> end, String driftType)
      throws SQLException {
    ps.setString(i, start.map(Instant::toString).orElse(null));
    ps.setString(i + 1, end.map(Instant::toString).orElse(null));
    ps.setString(i + 2, driftType);
    return i + 3;
  }

  /** A metric's value: a finite number as REAL, a list or struct as JSON text, else NULL. */
  private static int value(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v instanceof Boolean b) {
      ps.setInt(i, b ? 1 : 0);
    } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      ps.setDouble(i, n.doubleValue());
    } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
      ps.setString(i, Json.write(v));
    } else if (v instanceof String s) {
      ps.setString(i, s);
    } else {
      ps.setNull(i, Types.REAL);
    }
    return i + 1;
  }

  static int real(PreparedStatement ps, int i, OptionalDouble v) throws SQLException {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      ps.setDouble(i, v.getAsDouble());
    } else {
      ps.setNull(i, Types.REAL);
    }
    return i + 1;
  }

  static Optional<String> text(Optional<Instant> i) {
    return i.map(Instant::toString);
  }
}
