package io.andon.store;

import io.andon.job.TriggerInfo;
import io.andon.util.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs, tasks, attempts and repairs over the store's tables. The rows of tasks and attempts, which
 * a run writes many times, are written by {@link TaskRowWriter}; they are read back by {@link
 * RunRows}.
 */
public final class RunStore {
  private final Store store;
  private final TaskRowWriter taskRows;

  public RunStore(Store store) {
    this.store = store;
    this.taskRows = new TaskRowWriter(store);
  }

  public Store store() {
    return store;
  }

  /** Inserts a run inside a caller's transaction; returns its id. */
  public long insertRun(Connection c, NewRun r) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO runs (job_name, job_file, job_key, definition, parameters, state,"
                + " result_state, message, start_time, end_time, owner_pid, owner_start,"
                + " parent_run_id, bundle) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, r.jobName());
      ps.setString(2, r.jobFile());
      ps.setString(3, r.jobKey().orElse(null));
      ps.setString(4, r.definition());
      ps.setString(5, Json.write(r.parameters()));
      ps.setString(6, r.state().name());
      ps.setString(7, r.result().map(Enum::name).orElse(null));
      ps.setString(8, r.message().orElse(null));
      ps.setLong(9, r.startTime());
      // a run that starts with its result (skipped) ends as it starts
      setLong(
          ps, 10, r.result().isPresent() ? OptionalLong.of(r.startTime()) : OptionalLong.empty());
      ps.setLong(11, r.owner().pid());
      setLong(ps, 12, r.owner().startMillis());
      setLong(ps, 13, r.parentRunId());
      ps.setString(14, r.bundle());
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Records what started run {@code runId}, in the caller's transaction that inserted it. */
  public void recordTrigger(Connection c, long runId, TriggerInfo trigger) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE runs SET trigger = ?, trigger_time = ?, trigger_location = ? WHERE run_id = ?")) {
      ps.setString(1, trigger.type().name());
      ps.setLong(2, trigger.time().toEpochMilli());
      ps.setString(3, trigger.fileArrivalLocation().orElse(null));
      ps.setLong(4, runId);
      ps.executeUpdate();
    }
  }

  /** Counts runs of a job that are still in progress (queued ones excluded). */
  public int activeRuns(Connection c, String jobName) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT COUNT(*) FROM runs WHERE job_name = ? AND parent_run_id IS NULL"
                + " AND state IN ('PENDING','RUNNING','TERMINATING')")) {
      ps.setString(1, jobName);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Updates the run's state fields. */
  public void updateRun(Connection c, long runId, RunUpdate u) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE runs SET state = ?, result_state = ?, message = ?, end_time = ?,"
                + " repair_count = COALESCE(?, repair_count), owner_pid = COALESCE(?, owner_pid),"
                + " owner_start = COALESCE(?, owner_start) WHERE run_id = ?")) {
      ps.setString(1, u.state().name());
      ps.setString(2, u.result().map(Enum::name).orElse(null));
      ps.setString(3, u.message().orElse(null));
      setLong(ps, 4, u.endTime());
      if (u.repairCount().isPresent()) {
        ps.setInt(5, u.repairCount().getAsInt());
      } else {
        ps.setNull(5, Types.INTEGER);
      }
      setLong(ps, 6, u.owner().map(o -> OptionalLong.of(o.pid())).orElse(OptionalLong.empty()));
      setLong(ps, 7, u.owner().map(RunUpdate.Owner::startMillis).orElse(OptionalLong.empty()));
      ps.setLong(8, runId);
      ps.executeUpdate();
    }
  }

  /** Inserts or replaces task rows, in a caller's transaction. */
  public void writeTasks(Connection c, long runId, Collection<TaskWrite> tasks)
      throws SQLException {
    taskRows.writeTasks(c, runId, tasks);
  }

  /** Removes the stored iterations of a for_each task (before a repair re-expands it). */
  public void deleteIterations(Connection c, long runId, String taskKey) throws SQLException {
    TaskRowWriter.deleteIterations(c, runId, taskKey);
  }

  /** One attempt's row: inserted at its start, completed at its end. */
  public void writeAttempt(Connection c, long runId, AttemptWrite a) throws SQLException {
    taskRows.writeAttempt(c, runId, a);
  }

  /** Log files of a task's attempts, oldest first. */
  public List<String> attemptLogs(long runId, String taskKey) {
    return store.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT log_path FROM task_attempts WHERE run_id = ? AND task_key = ?"
                      + " AND log_path IS NOT NULL ORDER BY repair_id, iteration, attempt")) {
            ps.setLong(1, runId);
            ps.setString(2, taskKey);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(rs.getString(1));
              }
            }
          }
          return out;
        });
  }

  public void insertRepair(
      Connection c, long runId, int repairId, long startTime, String rerunTasksJson)
      throws SQLException {
    insertRepair(c, runId, repairId, startTime, rerunTasksJson, null, null, null);
  }

  /**
   * Records a repair with the definition and parameters it runs with, and when the run had ended
   * before it.
   */
  public void insertRepair(
      Connection c,
      long runId,
      int repairId,
      long startTime,
      String rerunTasksJson,
      String definition,
      Map<String, String> parameters,
      Long runEndBefore)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO repairs (run_id, repair_id,"
                + " start_time, rerun_tasks, definition, parameters, run_end_before)"
                + " VALUES (?,?,?,?,?,?,?)")) {
      ps.setLong(1, runId);
      ps.setInt(2, repairId);
      ps.setLong(3, startTime);
      ps.setString(4, rerunTasksJson);
      ps.setString(5, definition);
      ps.setString(6, parameters == null ? null : Json.write(parameters));
      setLong(ps, 7, runEndBefore);
      ps.executeUpdate();
    }
  }

  public void finishRepair(Connection c, long runId, int repairId, long endTime, String result)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE repairs SET end_time = ?, result_state = ? WHERE run_id = ? AND repair_id = ?")) {
      ps.setLong(1, endTime);
      ps.setString(2, result);
      ps.setLong(3, runId);
      ps.setInt(4, repairId);
      ps.executeUpdate();
    }
  }

  /** The run with its tasks, or empty. */
  public Optional<RunRecord> find(long runId) {
    return store.read(c -> find(c, runId));
  }

  /** The run with {@code tasks} as its tasks (known already), or empty: its row alone is read. */
  public Optional<RunRecord> find(long runId, List<TaskRecord> tasks) {
    return store.read(
        c -> {
          try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(RunRows.run(rs, tasks)) : Optional.<RunRecord>empty();
            }
          }
        });
  }

  Optional<RunRecord> find(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(RunRows.run(rs, RunRows.tasks(c, runId)));
      }
    }
  }

  /**
   * The runs {@code ids}, in that order (a run that does not exist is left out), with no tasks and
   * no definition: their {@link RunRecord#definition()} is empty. For listings, which show neither,
   * in one query: a big job's definition is most of its run's row.
   */
  public List<RunRecord> headers(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return store.read(
        c -> {
          Map<Long, RunRecord> byId = new HashMap<>();
          String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
          try (PreparedStatement ps =
              c.prepareStatement(HEADER_COLUMNS + " WHERE run_id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
              ps.setLong(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                RunRecord r = RunRows.run(rs, List.of());
                byId.put(r.runId(), r);
              }
            }
          }
          List<RunRecord> out = new ArrayList<>();
          for (long id : ids) {
            RunRecord r = byId.get(id);
            if (r != null) {
              out.add(r);
            }
          }
          return out;
        });
  }

  private static final String HEADER_COLUMNS =
      "SELECT run_id, job_name, job_file, job_key, '' AS definition, parameters, state,"
          + " result_state, message, start_time, end_time, repair_count, owner_pid, parent_run_id,"
          + " bundle, trigger, trigger_time, trigger_location FROM runs";

  private static final String RUN_COLUMNS =
      "SELECT run_id, job_name, job_file, job_key, definition, parameters, state, result_state,"
          + " message, start_time, end_time, repair_count, owner_pid, parent_run_id, bundle, trigger,"
          + " trigger_time, trigger_location FROM runs";

  /** The newest runs first, without their tasks' details beyond states. */
  public List<RunRecord> list(int limit, Optional<String> jobName) {
    return store.read(
        c -> {
          List<RunRecord> out = new ArrayList<>();
          String sql =
              RUN_COLUMNS
                  + (jobName.isPresent() ? " WHERE job_name = ?" : "")
                  + " ORDER BY run_id DESC LIMIT ?";
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (jobName.isPresent()) {
              ps.setString(i++, jobName.get());
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(RunRows.run(rs, List.of()));
              }
            }
          }
          return out;
        });
  }

  /** Runs whose state says in progress: candidates for crash recovery. */
  public List<RunRecord> unfinished(Connection c) throws SQLException {
    List<RunRecord> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            RUN_COLUMNS
                + " WHERE state IN ('QUEUED','PENDING','RUNNING','TERMINATING') ORDER BY run_id")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(RunRows.run(rs, List.of()));
        }
      }
    }
    List<RunRecord> full = new ArrayList<>();
    for (RunRecord r : out) {
      full.add(find(c, r.runId()).orElseThrow());
    }
    return full;
  }

  /** The start time of a run's owner process as recorded. */
  public Optional<Long> ownerStart(Connection c, long runId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT owner_start FROM runs WHERE run_id = ?")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long v = rs.getLong(1);
          return rs.wasNull() ? Optional.empty() : Optional.of(v);
        }
        return Optional.empty();
      }
    }
  }

  private static void setLong(PreparedStatement ps, int i, OptionalLong v) throws SQLException {
    if (v.isPresent()) {
      ps.setLong(i, v.getAsLong());
    } else {
      ps.setNull(i, Types.INTEGER);
    }
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }
}
