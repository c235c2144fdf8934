package io.andon.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.report.JsonReport;
import io.andon.store.Store;
import io.andon.util.Json;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Appends a monitor run's rows to the {@code profile_metrics} and {@code drift_metrics} tables of
 * andon's store (migration V020). The main metrics get columns of their own, so alert queries
 * are plain SQL; every metric, custom ones included, is also in the JSON column {@code metrics}.
 * Times are ISO-8601 UTC text.
 */
public final class MetricsStore {
  static final List<String> PROFILE_COLUMNS = List.of("count", "num_nulls", "num_nan",
      "num_zeros", "avg", "stddev", "min", "max", "median", "distinct_count", "percent_null",
      "percent_nan", "percent_zeros", "percent_distinct", "min_length", "max_length",
      "avg_length", "accuracy_score", "precision", "recall", "f1_score", "roc_auc",
      "mean_squared_error", "root_mean_squared_error", "mean_absolute_error",
      "mean_absolute_percentage_error", "r2_score");

  private MetricsStore() {}

  /** Appends every row of {@code result} in one transaction. */
  public static void append(Store store, MonitorResult result) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(result, "result");
    String run = result.runAt().toString();
    store.tx(c -> {
      String cols = String.join(", ", PROFILE_COLUMNS.stream().map(MetricsStore::q).toList());
      String marks = "?, ".repeat(PROFILE_COLUMNS.size());
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO profile_metrics (monitor_name,"
          + " run_at, window_start, window_end, granularity, model_id, slice_key, slice_value,"
          + " column_name, data_type, log_type, " + cols + ", metrics) VALUES (?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, " + marks + "?)")) {
        for (ProfileRow r : result.profiles()) {
          int i = group(ps, result.monitorName(), run, r.group());
          ps.setString(i++, r.columnName());
          ps.setString(i++, r.dataType());
          ps.setString(i++, r.logType());
          for (String k : PROFILE_COLUMNS) {
            Object v = r.metrics().get(k);
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
              ps.setDouble(i++, n.doubleValue());
            } else {
              ps.setNull(i++, Types.REAL);
            }
          }
          ps.setString(i, Json.write(r.metrics()));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO drift_metrics (monitor_name,"
          + " run_at, window_start, window_end, granularity, model_id, slice_key, slice_value,"
          + " window_cmp_start, window_cmp_end, drift_type, column_name, data_type,"
          + " drift_detected, population_stability_index, js_distance, ks_statistic, ks_pvalue,"
          + " wasserstein_distance, wasserstein_distance_normed, chi_squared_statistic,"
          + " chi_squared_pvalue, tv_distance, l_infinity_distance, count_delta, avg_delta,"
          + " percent_null_delta, percent_distinct_delta, metrics) VALUES (?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (DriftRow r : result.drifts()) {
          ColumnDrift d = r.drift();
          int i = group(ps, result.monitorName(), run, r.group());
          ps.setString(i++, r.windowCmpStart().map(Instant::toString).orElse(null));
          ps.setString(i++, r.windowCmpEnd().map(Instant::toString).orElse(null));
          ps.setString(i++, r.driftType());
          ps.setString(i++, d.columnName());
          ps.setString(i++, d.dataType());
          ps.setInt(i++, d.driftDetected() ? 1 : 0);
          i = real(ps, i, d.populationStabilityIndex());
          i = real(ps, i, d.jsDistance());
          i = real(ps, i, d.ksTest().map(k -> OptionalDouble.of(k.statistic()))
              .orElse(OptionalDouble.empty()));
          i = real(ps, i, d.ksTest().map(k -> OptionalDouble.of(k.pvalue()))
              .orElse(OptionalDouble.empty()));
          i = real(ps, i, d.wassersteinDistance());
          i = real(ps, i, d.wassersteinDistanceNormed());
          i = real(ps, i, d.chiSquaredTest().map(k -> OptionalDouble.of(k.statistic()))
              .orElse(OptionalDouble.empty()));
          i = real(ps, i, d.chiSquaredTest().map(k -> OptionalDouble.of(k.pvalue()))
              .orElse(OptionalDouble.empty()));
          i = real(ps, i, d.tvDistance());
          i = real(ps, i, d.lInfinityDistance());
          ps.setLong(i++, d.countDelta());
          i = real(ps, i, d.avgDelta());
          ps.setDouble(i++, d.percentNullDelta());
          ps.setDouble(i++, d.percentDistinctDelta());
          ObjectNode m = JsonReport.columnJson(d);
          r.customMetrics().forEach((k, v) -> m.set(k, Json.mapper().valueToTree(v)));
          ps.setString(i, Json.write(m));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  private static String q(String col) {
    return "\"" + col + "\"";
  }

  private static int group(PreparedStatement ps, String name, String run, Group g)
      throws SQLException {
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

  private static int real(PreparedStatement ps, int i, OptionalDouble v) throws SQLException {
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
