package io.andon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Writes the rows a run writes most: its tasks ({@code task_runs}, in statements of up to 64 rows
 * when a commit holds many) and their attempts ({@code task_attempts}), with statements the store
 * keeps prepared. Each write runs in the caller's transaction.
 */
final class TaskRowWriter {
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

  TaskRowWriter(Store store) {
    this.store = store;
  }

  private static String bulk() {
    String one = "(" + String.join(",", Collections.nCopies(TASK_COLUMNS, "?")) + ")";
    String head = UPSERT_TASK.substring(0, UPSERT_TASK.indexOf(" VALUES "));
    String tail = UPSERT_TASK.substring(UPSERT_TASK.indexOf(" ON CONFLICT"));
    return head + " VALUES " + String.join(",", Collections.nCopies(BULK_ROWS, one)) + tail;
  }

  /** Inserts or replaces task rows, in a caller's transaction. */
  void writeTasks(Connection c, long runId, Collection<TaskWrite> tasks) throws SQLException {
    if (tasks.isEmpty()) {
      return;
    }
    List<TaskWrite> all = new ArrayList<>(tasks);
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
  static void deleteIterations(Connection c, long runId, String taskKey) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM task_runs WHERE run_id = ? AND task_key = ? AND iteration >= 0")) {
      ps.setLong(1, runId);
      ps.setString(2, taskKey);
      ps.executeUpdate();
    }
  }

  /** One attempt's row: inserted at its start, completed at its end. */
  void writeAttempt(Connection c, long runId, AttemptWrite a) throws SQLException {
    PreparedStatement ps = store.prepared(c, UPSERT_ATTEMPT);
    ps.setLong(1, runId);
    ps.setString(2, a.taskKey());
    ps.setInt(3, a.iteration());
    ps.setInt(4, a.attempt());
    ps.setInt(5, a.repairId());
    ps.setLong(6, a.startTime());
    if (a.end().isPresent()) {
      AttemptWrite.End e = a.end().get();
      ps.setLong(7, e.endTime());
      if (e.exitCode().isPresent()) {
        ps.setInt(8, e.exitCode().getAsInt());
      } else {
        ps.setNull(8, Types.INTEGER);
      }
      ps.setString(9, e.result().name());
    } else {
      ps.setNull(7, Types.INTEGER);
      ps.setNull(8, Types.INTEGER);
      ps.setNull(9, Types.VARCHAR);
    }
    ps.setString(10, a.logPath());
    ps.executeUpdate();
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }
}
