package io.andon.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs, tasks, attempts and repairs over the store's tables. */
public final class RunStore {
  private static final int TASK_COLUMNS = 15;
  private static final int BULK_ROWS = 64;
  private static final String UPSERT_TASKS_BULK = bulk();

  private static final String UPSERT_TASK =
      "INSERT INTO task_runs (run_id, task_key, iteration, state, result_state, outcome, attempts,"
          + " start_time, end_time, task_values, message, input, pid, pid_start, repair_id)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT(run_id, task_key, iteration) DO UPDATE SET state=excluded.state,"
          + " result_state=excluded.result_state, outcome=excluded.outcome,"
          + " attempts=excluded.attempts, start_time=excluded.start_time,"
          + " end_time=excluded.end_time, task_values=excluded.task_values,"
          + " message=excluded.message, input=excluded.input, pid=COALESCE(excluded.pid, pid),"
          + " pid_start=COALESCE(excluded.pid_start, pid_start), repair_id=excluded.repair_id";

  private static final String UPSERT_ATTEMPT =
      "INSERT INTO task_attempts (run_id, task_key, iteration, attempt, repair_id, start_time,"
          + " end_time, exit_code, result_state, log_path) VALUES (?,?,?,?,?,?,?,?,?,?)"
          + " ON CONFLICT(run_id, task_key, iteration, repair_id, attempt) DO UPDATE SET"
          + " end_time = excluded.end_time, exit_code = excluded.exit_code,"
          + " result_state = excluded.result_state";

  private final Store store;

  private static String bulk() {
    String one = "(" + String.join(",", java.util.Collections.nCopies(TASK_COLUMNS, "?")) + ")";
    String head = UPSERT_TASK.substring(0, UPSERT_TASK.indexOf(" VALUES "));
    String tail = UPSERT_TASK.substring(UPSERT_TASK.indexOf(" ON CONFLICT"));
    return head + " VALUES " + String.join(",", java.util.Collections.nCopies(BULK_ROWS, one))
        + tail;
  }

  public RunStore(Store store) {
    this.store = store;
  }

  public Store store() {
    return store;
  }

  /** Inserts a run inside a caller's transaction. */
  public long insertRun(Connection c, String jobName, String jobFile, String jobKey,
      String definition, String bundle, Map<String, String> parameters, String state,
      String resultState, String message, long startTime, Long ownerPid, Long ownerStart,
      Long parentRunId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO runs (job_name, job_file, job_key, definition, parameters, state,"
            + " result_state, message, start_time, end_time, owner_pid, owner_start,"
            + " parent_run_id, bundle) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
      ps.setString(1, jobName);
      ps.setString(2, jobFile);
      ps.setString(3, jobKey);
      ps.setString(4, definition);
      ps.setString(5, Json.write(parameters));
      ps.setString(6, state);
      ps.setString(7, resultState);
      ps.setString(8, message);
      ps.setLong(9, startTime);
      if (resultState != null) {
        ps.setLong(10, startTime);
      } else {
        ps.setNull(10, Types.INTEGER);
      }
      setLong(ps, 11, ownerPid);
      setLong(ps, 12, ownerStart);
      setLong(ps, 13, parentRunId);
      ps.setString(14, bundle);
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
    try (PreparedStatement ps = c.prepareStatement(
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
    try (PreparedStatement ps = c.prepareStatement(
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
  public void updateRun(Connection c, long runId, String state, String resultState,
      String message, Long endTime, Integer repairCount, Long ownerPid, Long ownerStart)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE runs SET state = ?, result_state = ?, message = ?, end_time = ?,"
            + " repair_count = COALESCE(?, repair_count), owner_pid = COALESCE(?, owner_pid),"
            + " owner_start = COALESCE(?, owner_start) WHERE run_id = ?")) {
      ps.setString(1, state);
      ps.setString(2, resultState);
      ps.setString(3, message);
      setLong(ps, 4, endTime);
      if (repairCount == null) {
        ps.setNull(5, Types.INTEGER);
      } else {
        ps.setInt(5, repairCount);
      }
      setLong(ps, 6, ownerPid);
      setLong(ps, 7, ownerStart);
      ps.setLong(8, runId);
      ps.executeUpdate();
    }
  }

  /** Inserts or replaces task rows, in a caller's transaction. */
  public void writeTasks(Connection c, long runId, Collection<TaskWrite> tasks)
      throws SQLException {
    if (tasks.isEmpty()) {
      return;
    }
    java.util.List<TaskWrite> all = new java.util.ArrayList<>(tasks);
    int at = 0;
    // many rows (the first and last commits of a large run) go in multi-row statements
    while (all.size() - at >= BULK_ROWS) {
      PreparedStatement bulk = store.prepared(c, UPSERT_TASKS_BULK);
      for (int r = 0; r < BULK_ROWS; r++) {
        bind(bulk, r * TASK_COLUMNS, runId, all.get(at + r));
      }
      bulk.executeUpdate();
      at += BULK_ROWS;
    }
    PreparedStatement ps = store.prepared(c, UPSERT_TASK);
    for (; at < all.size(); at++) {
      bind(ps, 0, runId, all.get(at));
      ps.executeUpdate();
    }
  }

  private static void bind(PreparedStatement ps, int o, long runId, TaskWrite t)
      throws SQLException {
    ps.setLong(o + 1, runId);
    ps.setString(o + 2, t.taskKey());
    ps.setInt(o + 3, t.iteration());
    ps.setString(o + 4, t.state());
    ps.setString(o + 5, t.resultState());
    ps.setString(o + 6, t.outcome());
    ps.setInt(o + 7, t.attempts());
    setLong(ps, o + 8, t.startTime());
    setLong(ps, o + 9, t.endTime());
    ps.setString(o + 10, t.valuesJson() == null ? "{}" : t.valuesJson());
    ps.setString(o + 11, t.message());
    ps.setString(o + 12, t.input());
    setLong(ps, o + 13, t.pid());
    setLong(ps, o + 14, t.pidStart());
    ps.setInt(o + 15, t.repairId());
  }

  /** Removes the stored iterations of a for_each task (before a repair re-expands it). */
  public void deleteIterations(Connection c, long runId, String taskKey) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "DELETE FROM task_runs WHERE run_id = ? AND task_key = ? AND iteration >= 0")) {
      ps.setLong(1, runId);
      ps.setString(2, taskKey);
      ps.executeUpdate();
    }
  }

  /** One attempt's row: inserted at its start, completed at its end. */
  public void writeAttempt(Connection c, long runId, String taskKey, int iteration, int attempt,
      int repairId, long startTime, Long endTime, Integer exitCode, String resultState,
      String logPath) throws SQLException {
    PreparedStatement ps = store.prepared(c, UPSERT_ATTEMPT);
    {
      ps.setLong(1, runId);
      ps.setString(2, taskKey);
      ps.setInt(3, iteration);
      ps.setInt(4, attempt);
      ps.setInt(5, repairId);
      ps.setLong(6, startTime);
      setLong(ps, 7, endTime);
      if (exitCode == null) {
        ps.setNull(8, Types.INTEGER);
      } else {
        ps.setInt(8, exitCode);
      }
      ps.setString(9, resultState);
      ps.setString(10, logPath);
      ps.executeUpdate();
    }
  }

  /** Log files of a task's attempts, oldest first. */
  public List<String> attemptLogs(long runId, String taskKey) {
    return store.read(c -> {
      List<String> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(
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

  public void insertRepair(Connection c, long runId, int repairId, long startTime,
      String rerunTasksJson) throws SQLException {
    insertRepair(c, runId, repairId, startTime, rerunTasksJson, null, null, null);
  }

  /**
   * Records a repair with the definition and parameters it runs with, and when the run had
   * ended before it.
   */
  public void insertRepair(Connection c, long runId, int repairId, long startTime,
      String rerunTasksJson, String definition, Map<String, String> parameters,
      Long runEndBefore) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO repairs (run_id, repair_id,"
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
    try (PreparedStatement ps = c.prepareStatement(
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
    return store.read(c -> {
      try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS + " WHERE run_id = ?")) {
        ps.setLong(1, runId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(run(rs, tasks)) : Optional.<RunRecord>empty();
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
        return Optional.of(run(rs, tasks(c, runId)));
      }
    }
  }

  private static final String RUN_COLUMNS =
      "SELECT run_id, job_name, job_file, job_key, definition, parameters, state, result_state,"
          + " message, start_time, end_time, repair_count, owner_pid, parent_run_id, bundle, trigger,"
          + " trigger_time, trigger_location FROM runs";

  /** The newest runs first, without their tasks' details beyond states. */
  public List<RunRecord> list(int limit, Optional<String> jobName) {
    return store.read(c -> {
      List<RunRecord> out = new ArrayList<>();
      String sql = RUN_COLUMNS + (jobName.isPresent() ? " WHERE job_name = ?" : "")
          + " ORDER BY run_id DESC LIMIT ?";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        if (jobName.isPresent()) {
          ps.setString(i++, jobName.get());
        }
        ps.setInt(i, limit);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(run(rs, List.of()));
          }
        }
      }
      return out;
    });
  }

  /** Runs whose state says in progress: candidates for crash recovery. */
  public List<RunRecord> unfinished(Connection c) throws SQLException {
    List<RunRecord> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(RUN_COLUMNS
        + " WHERE state IN ('QUEUED','PENDING','RUNNING','TERMINATING') ORDER BY run_id")) {
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(run(rs, List.of()));
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
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT owner_start FROM runs WHERE run_id = ?")) {
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

  private static RunRecord run(ResultSet rs, List<TaskRecord> tasks) throws SQLException {
    return new RunRecord(
        rs.getLong("run_id"),
        rs.getString("job_name"),
        rs.getString("job_file"),
        Optional.ofNullable(rs.getString("job_key")),
        rs.getString("definition"),
        readMap(rs.getString("parameters")),
        rs.getString("state"),
        Optional.ofNullable(rs.getString("result_state")),
        Optional.ofNullable(rs.getString("message")),
        rs.getLong("start_time"),
        optLong(rs, "end_time"),
        rs.getInt("repair_count"),
        optLong(rs, "owner_pid"),
        optLong(rs, "parent_run_id"),
        Optional.ofNullable(rs.getString("bundle")),
        trigger(rs),
        tasks);
  }

  /** The stored trigger; a run from before triggers were recorded was ONE_TIME at its start. */
  private static TriggerInfo trigger(ResultSet rs) throws SQLException {
    Instant time = Instant.ofEpochMilli(optLong(rs, "trigger_time")
        .orElse(rs.getLong("start_time")));
    TriggerType type = TriggerType.valueOf(rs.getString("trigger"));
    return new TriggerInfo(type, time, Optional.ofNullable(rs.getString("trigger_location")));
  }

  private List<TaskRecord> tasks(Connection c, long runId) throws SQLException {
    Map<String, List<TaskRecord>> iterations = new LinkedHashMap<>();
    List<TaskRecord> top = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT task_key, iteration, state, result_state, outcome, attempts, start_time,"
            + " end_time, task_values, message, input, pid, pid_start, repair_id FROM task_runs"
            + " WHERE run_id = ? ORDER BY rowid, iteration")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TaskRecord t = new TaskRecord(
              rs.getString(1), rs.getInt(2), rs.getString(3),
              Optional.ofNullable(rs.getString(4)), Optional.ofNullable(rs.getString(5)),
              rs.getInt(6), optLong(rs, "start_time"), optLong(rs, "end_time"),
              readValues(rs.getString(9)), Optional.ofNullable(rs.getString(10)),
              Optional.ofNullable(rs.getString(11)), optLong(rs, "pid"),
              optLong(rs, "pid_start"), rs.getInt(14), List.of());
          if (t.iteration() < 0) {
            top.add(t);
          } else {
            iterations.computeIfAbsent(t.taskKey(), k -> new ArrayList<>()).add(t);
          }
        }
      }
    }
    List<TaskRecord> out = new ArrayList<>(top.size());
    for (TaskRecord t : top) {
      List<TaskRecord> its = iterations.getOrDefault(t.taskKey(), List.of());
      if (its.isEmpty()) {
        out.add(t);
      } else {
        List<TaskRecord> sorted = new ArrayList<>(its);
        sorted.sort(java.util.Comparator.comparingInt(TaskRecord::iteration));
        out.add(new TaskRecord(t.taskKey(), t.iteration(), t.state(), t.resultState(),
            t.outcome(), t.attempts(), t.startTime(), t.endTime(), t.values(), t.message(),
            t.input(), t.pid(), t.pidStart(), t.repairId(), sorted));
      }
    }
    return out;
  }

  static Optional<Long> optLong(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  static Map<String, String> readMap(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, JsonNode> readValues(String json) {
    try {
      return Json.mapper().readValue(json == null ? "{}" : json,
          new TypeReference<LinkedHashMap<String, JsonNode>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
