package io.andon.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Gate results in the store, so that alerts and dashboards can query them (tables {@code
 * gate_evaluations} and {@code gate_checks}, migration V010), and the run history that regression
 * checks compare with.
 */
public final class GateStore {
  private final Store store;

  public GateStore(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** Where an evaluation happened: inside a job run's task, or on its own. */
  public record Origin(OptionalLong runId, Optional<String> taskKey, Optional<String> gatesFile) {
    public Origin {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taskKey, "taskKey");
      Objects.requireNonNull(gatesFile, "gatesFile");
    }

    public static Origin standalone(Optional<String> gatesFile) {
      return new Origin(OptionalLong.empty(), Optional.empty(), gatesFile);
    }
  }

  /**
   * Stores a result.
   *
   * @return the evaluation's id
   */
  public long record(GateResult result, Origin origin, Instant at) {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(at, "at");
    return store.tx(
        c -> {
          long id;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO gate_evaluations (gate,"
                      + " gates_file, passed, evaluated_at, run_id, task_key) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, result.gate());
            ps.setString(2, origin.gatesFile().orElse(null));
            ps.setInt(3, result.passed() ? 1 : 0);
            ps.setLong(4, at.toEpochMilli());
            if (origin.runId().isPresent()) {
              ps.setLong(5, origin.runId().getAsLong());
            } else {
              ps.setNull(5, Types.INTEGER);
            }
            ps.setString(6, origin.taskKey().orElse(null));
            ps.executeUpdate();
          }
          try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
              ResultSet keys = ps.executeQuery()) {
            keys.next();
            id = keys.getLong(1);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO gate_checks (evaluation_id,"
                      + " check_name, metric, comparator, threshold, value, value_text, baseline, status,"
                      + " severity, blocking, message, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?)")) {
            for (CheckResult r : result.checks()) {
              ps.setLong(1, id);
              ps.setString(2, r.name());
              ps.setString(3, r.check().metric());
              ps.setString(4, r.check().comparator().symbol());
              ps.setString(5, Json.write(ReportFormat.thresholdJson(r)));
              setFinite(ps, 6, r.value().isPresent() ? r.value().getAsDouble() : Double.NaN);
              ps.setString(
                  7, r.value().isPresent() ? Numbers.format(r.value().getAsDouble()) : null);
              setFinite(ps, 8, r.baseline().isPresent() ? r.baseline().getAsDouble() : Double.NaN);
              ps.setString(9, r.status().name());
              ps.setString(10, r.check().severity().lower());
              ps.setInt(11, r.blocking() ? 1 : 0);
              ps.setString(12, r.message());
              ps.setString(13, r.source());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return id;
        });
  }

  private static void setFinite(PreparedStatement ps, int i, double v)
      throws java.sql.SQLException {
    if (Double.isFinite(v)) {
      ps.setDouble(i, v);
    } else {
      ps.setNull(i, Types.REAL);
    }
  }

  /**
   * The task values of the last run of {@code jobName} whose result is SUCCESS, other than {@code
   * excludeRunId} (the run asking); a source that knows nothing, and says why, when there is none.
   */
  public MetricSource lastSuccessfulRun(String jobName, OptionalLong excludeRunId) {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(excludeRunId, "excludeRunId");
    return store.read(
        c -> {
          long runId;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id FROM runs WHERE job_name = ?"
                      + " AND result_state = 'SUCCESS' AND run_id <> ? ORDER BY COALESCE(end_time,"
                      + " start_time) DESC, run_id DESC LIMIT 1")) {
            ps.setString(1, jobName);
            ps.setLong(2, excludeRunId.orElse(-1));
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return MetricSource.of(
                    Map.of(),
                    "the run history ("
                        + store.home()
                        + "), which has no successful run of job '"
                        + jobName
                        + "' yet");
              }
              runId = rs.getLong(1);
            }
          }
          Map<String, Map<String, JsonNode>> values = new HashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT task_key, task_values FROM"
                      + " task_runs WHERE run_id = ? AND iteration = -1")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Map<String, JsonNode> byName = new HashMap<>();
                JsonNode tv = parse(rs.getString(2));
                if (tv instanceof ObjectNode o) {
                  o.properties().forEach(e -> byName.put(e.getKey(), e.getValue()));
                }
                values.put(rs.getString(1), byName);
              }
            }
          }
          return new TaskValueMetrics(
              values, "run " + runId + " of job '" + jobName + "' (its last successful run)");
        });
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return Json.object();
    }
    try {
      return Json.read(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return Json.object();
    }
  }
}
