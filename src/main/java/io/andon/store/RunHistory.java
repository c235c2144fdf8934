package io.andon.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.andon.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the history tells about a run beyond its tasks: each attempt of a task, each repair with the
 * definition it ran with, and cancel requests between andon processes.
 */
public final class RunHistory {
  private final Store store;

  public RunHistory(Store store) {
    this.store = store;
  }

  /** Every attempt of a task (of each for_each iteration), in the order they ran. */
  public List<AttemptRecord> attempts(long runId, String taskKey) {
    return store.read(
        c -> {
          List<AttemptRecord> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT iteration, attempt, repair_id, start_time, end_time, exit_code, result_state,"
                      + " log_path FROM task_attempts WHERE run_id = ? AND task_key = ?"
                      + " ORDER BY repair_id, iteration, attempt")) {
            ps.setLong(1, runId);
            ps.setString(2, taskKey);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                int exit = rs.getInt("exit_code");
                Optional<Integer> exitCode = rs.wasNull() ? Optional.empty() : Optional.of(exit);
                out.add(
                    new AttemptRecord(
                        taskKey,
                        rs.getInt("iteration"),
                        rs.getInt("attempt"),
                        rs.getInt("repair_id"),
                        rs.getLong("start_time"),
                        RunRows.optLong(rs, "end_time"),
                        exitCode,
                        Optional.ofNullable(rs.getString("result_state")),
                        Optional.ofNullable(rs.getString("log_path"))));
              }
            }
          }
          return out;
        });
  }

  /** The repairs of a run, oldest first. */
  public List<RepairRecord> repairs(long runId) {
    return store.read(
        c -> {
          List<RepairRecord> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT repair_id, start_time, end_time,"
                      + " rerun_tasks, result_state, definition, parameters, run_end_before FROM repairs WHERE run_id = ?"
                      + " ORDER BY repair_id")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String params = rs.getString("parameters");
                out.add(
                    new RepairRecord(
                        rs.getInt("repair_id"),
                        rs.getLong("start_time"),
                        RunRows.optLong(rs, "end_time"),
                        readList(rs.getString("rerun_tasks")),
                        Optional.ofNullable(rs.getString("result_state")),
                        Optional.ofNullable(rs.getString("definition")),
                        params == null ? Optional.empty() : Optional.of(RunRows.readMap(params)),
                        RunRows.optLong(rs, "run_end_before")));
              }
            }
          }
          return out;
        });
  }

  /**
   * Asks the andon process that owns run {@code runId} to cancel it; false when the run is not in
   * progress.
   */
  public boolean requestCancel(long runId, long now) {
    if (!store.writable()) {
      throw new io.andon.error.InvalidInputException(
          "the run history at "
              + store.home()
              + " is read-only, so no cancel can be recorded there; cancel the run with Ctrl-C in"
              + " its terminal, or `kill -TERM PID` of its andon process.");
    }
    return store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE runs SET cancel_requested_at = ?"
                      + " WHERE run_id = ? AND state IN ('QUEUED','PENDING','RUNNING','TERMINATING')")) {
            ps.setLong(1, now);
            ps.setLong(2, runId);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** Whether another process asked, at {@code since} or later, to cancel run {@code runId}. */
  public boolean cancelRequested(long runId, long since) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT 1 FROM runs WHERE run_id = ?" + " AND cancel_requested_at >= ?")) {
            ps.setLong(1, runId);
            ps.setLong(2, since);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  private static List<String> readList(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Records the job's tags on a run. */
  public void writeTags(long runId, java.util.Map<String, String> tags) {
    store.tx(c -> writeTags(c, runId, tags));
  }

  /** Records the job's tags on a run, in the transaction of {@code c}. */
  public static int writeTags(Connection c, long runId, java.util.Map<String, String> tags)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("UPDATE runs SET tags = ? WHERE run_id = ?")) {
      ps.setString(1, Json.write(tags));
      ps.setLong(2, runId);
      return ps.executeUpdate();
    }
  }

  /** The tags recorded on a run; empty when it has none. */
  public java.util.Map<String, String> tags(long runId) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT tags FROM runs WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              String json = rs.next() ? rs.getString(1) : null;
              return json == null ? java.util.Map.<String, String>of() : RunRows.readMap(json);
            }
          }
        });
  }
}
