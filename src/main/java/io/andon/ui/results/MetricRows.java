package io.andon.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.ui.results.MonitorView.Histogram;
import io.andon.ui.results.MonitorView.Selection;
import io.andon.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The queries of one monitor's page over an open connection. */
final class MetricRows {
  /** Model-quality metrics of an inference log's {@code :table} rows: column (or SQL) and title. */
  static final String[][] QUALITY = {
    {"accuracy_score", "Accuracy"},
    {"f1_macro", "F1 (macro)"},
    {"roc_auc", "ROC AUC"},
    {"root_mean_squared_error", "RMSE"},
    {"mean_absolute_error", "MAE"},
    {"r2_score", "R²"}
  };

  private static final String GROUP = " AND model_id IS ? AND slice_key IS ? AND slice_value IS ?";

  private final Connection c;
  private final String monitor;

  MetricRows(Connection c, String monitor) {
    this.c = c;
    this.monitor = monitor;
  }

  Optional<String> lastRun() throws SQLException {
    List<String> r = distinct("SELECT max(run_at) FROM profile_metrics WHERE monitor_name = ?");
    return r.isEmpty() ? Optional.empty() : Optional.ofNullable(r.get(0));
  }

  /** The first value of each row of {@code sql}, whose one parameter is the monitor's name. */
  List<String> distinct(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, monitor);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(1) != null) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  Optional<String> firstDrifted(String runAt) {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name FROM drift_metrics WHERE monitor_name = ? AND run_at = ?"
                + " AND drift_detected = 1 AND column_name <> ':table' ORDER BY column_name"
                + " LIMIT 1")) {
      ps.setString(1, monitor);
      ps.setString(2, runAt);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("reading drift_metrics: " + e.getMessage(), e);
    }
  }

  Windows profile(Selection s) throws SQLException {
    return windows(
        "SELECT run_at, window_start, 'value' line, percent_null, percent_zeros, avg"
            + " FROM profile_metrics WHERE monitor_name = ? AND granularity = ?"
            + " AND log_type = 'INPUT' AND column_name = ?"
            + GROUP
            + " ORDER BY run_at",
        s,
        s.column(),
        "percent_null",
        "percent_zeros",
        "avg");
  }

  Windows drift(Selection s) throws SQLException {
    return windows(
        "SELECT run_at, window_start, CASE drift_type WHEN 'BASELINE' THEN 'against the baseline'"
            + " ELSE 'against the previous window' END line, population_stability_index,"
            + " wasserstein_distance_normed, js_distance FROM drift_metrics"
            + " WHERE monitor_name = ? AND granularity = ? AND column_name = ?"
            + GROUP
            + " ORDER BY run_at, drift_type",
        s,
        s.column(),
        "population_stability_index",
        "wasserstein_distance_normed",
        "js_distance");
  }

  Windows quality(Selection s) throws SQLException {
    return windows(
        "SELECT run_at, window_start, coalesce(model_id, 'every model') line, accuracy_score,"
            + " json_extract(f1_score, '$.macro') f1_macro, roc_auc, root_mean_squared_error,"
            + " mean_absolute_error, r2_score FROM profile_metrics WHERE monitor_name = ?"
            + " AND granularity = ? AND log_type = 'INPUT' AND column_name = ?"
            + GROUP
            + " ORDER BY run_at",
        s,
        ":table",
        "accuracy_score",
        "f1_macro",
        "roc_auc",
        "root_mean_squared_error",
        "mean_absolute_error",
        "r2_score");
  }

  private Windows windows(String sql, Selection s, String column, String... metrics)
      throws SQLException {
    Windows w = new Windows();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, s, column);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Map<String, OptionalDouble> m = new HashMap<>();
          for (String k : metrics) {
            m.put(k, PayloadResults.real(rs, k));
          }
          w.put(window(rs), rs.getString("line"), m);
        }
      }
    }
    return w;
  }

  /** A window's name on the x axis: its start, or the run's time for a snapshot. */
  private static String window(ResultSet rs) throws SQLException {
    String start = rs.getString("window_start");
    if (start != null) {
      return Groups.day(start);
    }
    String run = rs.getString("run_at");
    return run.length() > 19 ? run.substring(0, 19) + "Z" : run;
  }

  private void bind(PreparedStatement ps, Selection s, String column) throws SQLException {
    ps.setString(1, monitor);
    ps.setString(2, s.granularity());
    ps.setString(3, column);
    ps.setString(4, s.model().orElse(null));
    ps.setString(5, s.slice().map(x -> x.substring(0, x.indexOf('='))).orElse(null));
    ps.setString(6, s.slice().map(x -> x.substring(x.indexOf('=') + 1)).orElse(null));
  }

  /**
   * The histogram of the selected column's latest window against the baseline table (the same model
   * and slice), or against the window before when the monitor has no baseline.
   */
  Optional<Histogram> histogram(Selection s) throws SQLException {
    List<Profile> input =
        profiles(
            "SELECT run_at, window_start, quantiles, frequent_items, count FROM profile_metrics"
                + " WHERE monitor_name = ? AND granularity = ? AND column_name = ?"
                + GROUP
                + " AND log_type = 'INPUT' ORDER BY run_at",
            s,
            s.granularity());
    if (input.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Profile> latest = new LinkedHashMap<>();
    input.forEach(p -> latest.put(p.window(), p));
    List<String> windows = new ArrayList<>(latest.keySet());
    windows.sort(null);
    Profile current = latest.get(windows.get(windows.size() - 1));
    List<Profile> base =
        profiles(
            "SELECT run_at, window_start, quantiles, frequent_items, count FROM profile_metrics"
                + " WHERE monitor_name = ? AND granularity = ? AND column_name = ?"
                + GROUP
                + " AND log_type = 'BASELINE' ORDER BY run_at",
            s,
            "baseline");
    Optional<Profile> against =
        base.isEmpty()
            ? windows.size() > 1
                ? Optional.of(latest.get(windows.get(windows.size() - 2)))
                : Optional.empty()
            : Optional.of(base.get(base.size() - 1));
    if (against.isEmpty()) {
      return Optional.empty();
    }
    String label =
        current.window()
            + (base.isEmpty() ? " against " + against.get().window() : " against the baseline");
    return against.get().bars(current).map(b -> new Histogram(label, current.numeric(), b));
  }

  private List<Profile> profiles(String sql, Selection s, String granularity) throws SQLException {
    List<Profile> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, new Selection(s.column(), s.slice(), s.model(), granularity), s.column());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Profile(
                  window(rs),
                  json(rs.getString("quantiles")),
                  json(rs.getString("frequent_items")),
                  rs.getLong("count")));
        }
      }
    }
    return out;
  }

  private static Optional<JsonNode> json(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.read(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A profile row's distribution: quantiles (numeric) or frequent items (categorical). */
  private record Profile(
      String window, Optional<JsonNode> quantiles, Optional<JsonNode> items, long count) {
    boolean numeric() {
      return quantiles.filter(q -> q.size() == Histograms.LEVELS.length).isPresent();
    }

    /** This profile as the baseline side against {@code current}. */
    Optional<Histograms.Bars> bars(Profile current) {
      if (numeric() && current.numeric()) {
        return Optional.of(
            Histograms.numeric(levels(quantiles.get()), levels(current.quantiles.get())));
      }
      if (items.isPresent() && current.items.isPresent()) {
        return Optional.of(
            Histograms.categorical(
                counts(items.get()), count, counts(current.items.get()), current.count));
      }
      return Optional.empty();
    }

    private static double[] levels(JsonNode q) {
      double[] out = new double[q.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = q.get(i).asDouble();
      }
      return out;
    }

    private static Map<String, Long> counts(JsonNode items) {
      Map<String, Long> out = new LinkedHashMap<>();
      items.forEach(i -> out.put(i.path("item").asText(), i.path("count").asLong()));
      return out;
    }
  }
}
