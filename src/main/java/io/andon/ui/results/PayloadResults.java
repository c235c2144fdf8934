package io.andon.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.store.Store;
import io.andon.ui.results.PayloadResult.Component;
import io.andon.ui.results.PayloadResult.DriftRow;
import io.andon.ui.results.PayloadResult.Evaluation;
import io.andon.ui.results.PayloadResult.FileScore;
import io.andon.ui.results.PayloadResult.GateCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Finds what andon's own payloads recorded for a task run: a gate task's evaluations in {@code
 * gate_evaluations} / {@code gate_checks}; a TDG task's grade in its task values ({@code grade},
 * {@code score}, {@code components}, {@code not_measured}, {@code worst_files}); a monitor task's
 * drift rows in {@code drift_metrics} (monitor file: keyed by its {@code monitor_name} and {@code
 * run_at} values) or in its {@code columns} value (comparison).
 */
final class PayloadResults {
  private final Store store;

  PayloadResults(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  PayloadResult of(long runId, String taskKey, Map<String, JsonNode> values) {
    List<Evaluation> gate = gate(runId, taskKey);
    if (!gate.isEmpty()) {
      return new PayloadResult.Gate(gate);
    }
    if (values.containsKey("grade") && values.containsKey("components")) {
      return tdg(values);
    }
    if (values.containsKey("verdict") && values.containsKey("drifted_columns")) {
      return drift(values);
    }
    return new PayloadResult.None();
  }

  private List<Evaluation> gate(long runId, String taskKey) {
    return store.read(
        c -> {
          List<Evaluation> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT evaluation_id, gate, passed, evaluated_at FROM gate_evaluations"
                      + " WHERE run_id = ? AND task_key = ? ORDER BY evaluation_id")) {
            ps.setLong(1, runId);
            ps.setString(2, taskKey);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Evaluation(
                        rs.getString("gate"),
                        rs.getInt("passed") == 1,
                        Instant.ofEpochMilli(rs.getLong("evaluated_at")),
                        checks(c, rs.getLong("evaluation_id"))));
              }
            }
          }
          return out;
        });
  }

  private static List<GateCheck> checks(Connection c, long evaluation) throws SQLException {
    List<GateCheck> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT check_name, metric, comparator, threshold, value_text, baseline, status,"
                + " severity, blocking, message FROM gate_checks WHERE evaluation_id = ?"
                + " ORDER BY rowid")) {
      ps.setLong(1, evaluation);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new GateCheck(
                  rs.getString("check_name"),
                  rs.getString("metric"),
                  rs.getString("comparator"),
                  rs.getString("threshold"),
                  Optional.ofNullable(rs.getString("value_text")),
                  real(rs, "baseline"),
                  rs.getString("status"),
                  rs.getString("severity"),
                  rs.getInt("blocking") == 1,
                  rs.getString("message")));
        }
      }
    }
    return out;
  }

  static OptionalDouble real(ResultSet rs, String col) throws SQLException {
    double v = rs.getDouble(col);
    return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  private static PayloadResult tdg(Map<String, JsonNode> values) {
    List<Component> components = new ArrayList<>();
    values
        .get("components")
        .properties()
        .forEach(
            e ->
                components.add(
                    new Component(
                        e.getKey(),
                        number(e.getValue(), "score"),
                        e.getValue().path("status").asText())));
    List<String> notMeasured = new ArrayList<>();
    values.getOrDefault("not_measured", Json.EMPTY).forEach(n -> notMeasured.add(n.asText()));
    List<FileScore> files = new ArrayList<>();
    values
        .getOrDefault("worst_files", Json.EMPTY)
        .forEach(
            f ->
                files.add(
                    new FileScore(
                        f.path("path").asText(),
                        f.path("score").asDouble(),
                        f.path("grade").asText(),
                        number(f, "complexity"),
                        number(f, "coverage"),
                        number(f, "documentation"))));
    return new PayloadResult.Tdg(
        values.getOrDefault("score", Json.EMPTY).asDouble(),
        values.get("grade").asText(),
        components,
        notMeasured,
        files);
  }

  private PayloadResult drift(Map<String, JsonNode> values) {
    String verdict = values.get("verdict").asText();
    if (values.containsKey("monitor_name") && values.containsKey("run_at")) {
      String monitor = values.get("monitor_name").asText();
      return new PayloadResult.Drift(
          verdict, Optional.of(monitor), monitorRows(monitor, values.get("run_at").asText()));
    }
    List<DriftRow> rows = new ArrayList<>();
    values
        .getOrDefault("columns", Json.EMPTY)
        .forEach(
            o ->
                rows.add(
                    new DriftRow(
                        "",
                        o.path("column_name").asText(),
                        o.path("status").asText(),
                        o.path("drift_detected").asBoolean(),
                        number(o, "population_stability_index"),
                        number(o, "js_distance"),
                        number(o, "wasserstein_distance_normed"),
                        number(o, o.has("ks_pvalue") ? "ks_pvalue" : "chi_squared_pvalue"),
                        number(o, "percent_null_delta"),
                        o.path("reason").asText())));
    return new PayloadResult.Drift(verdict, Optional.empty(), rows);
  }

  private List<DriftRow> monitorRows(String monitor, String runAt) {
    return store.read(
        c -> {
          List<DriftRow> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT drift_type, granularity, window_start, model_id, slice_key, slice_value,"
                      + " column_name, drift_detected, population_stability_index, js_distance,"
                      + " wasserstein_distance_normed, coalesce(ks_pvalue, chi_squared_pvalue) p,"
                      + " percent_null_delta, json_extract(metrics, '$.status') status,"
                      + " json_extract(metrics, '$.reason') reason FROM drift_metrics"
                      + " WHERE monitor_name = ? AND run_at = ? AND column_name <> ':table'"
                      + " ORDER BY drift_detected DESC, window_start, drift_type, column_name")) {
            ps.setString(1, monitor);
            ps.setString(2, runAt);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new DriftRow(
                        Groups.label(rs),
                        rs.getString("column_name"),
                        Optional.ofNullable(rs.getString("status")).orElse(""),
                        rs.getInt("drift_detected") == 1,
                        real(rs, "population_stability_index"),
                        real(rs, "js_distance"),
                        real(rs, "wasserstein_distance_normed"),
                        real(rs, "p"),
                        real(rs, "percent_null_delta"),
                        Optional.ofNullable(rs.getString("reason")).orElse("")));
              }
            }
          }
          return out;
        });
  }

  private static OptionalDouble number(JsonNode o, String key) {
    JsonNode v = o.path(key);
    return v.isNumber() ? OptionalDouble.of(v.asDouble()) : OptionalDouble.empty();
  }

  /** An empty JSON array, for values a payload's older versions did not write. */
  private static final class Json {
    static final JsonNode EMPTY = io.andon.util.Json.mapper().createArrayNode();
  }
}
