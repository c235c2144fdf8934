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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rows of the run tables read back into records: runs, their tasks and iterations. */
final class RunRows {
  private RunRows() {}

  static RunRecord run(ResultSet rs, List<TaskRecord> tasks) throws SQLException {
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
    Instant time =
        Instant.ofEpochMilli(optLong(rs, "trigger_time").orElse(rs.getLong("start_time")));
    TriggerType type = TriggerType.valueOf(rs.getString("trigger"));
    return new TriggerInfo(type, time, Optional.ofNullable(rs.getString("trigger_location")));
  }

  static List<TaskRecord> tasks(Connection c, long runId) throws SQLException {
    Map<String, List<TaskRecord>> iterations = new LinkedHashMap<>();
    List<TaskRecord> top = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT task_key, iteration, state, result_state, outcome, attempts, start_time,"
                + " end_time, task_values, message, input, pid, pid_start, repair_id FROM task_runs"
                + " WHERE run_id = ? ORDER BY rowid, iteration")) {
      ps.setLong(1, runId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          TaskRecord t =
              new TaskRecord(
                  rs.getString(1),
                  rs.getInt(2),
                  rs.getString(3),
                  Optional.ofNullable(rs.getString(4)),
                  Optional.ofNullable(rs.getString(5)),
                  rs.getInt(6),
                  optLong(rs, "start_time"),
                  optLong(rs, "end_time"),
                  readValues(rs.getString(9)),
                  Optional.ofNullable(rs.getString(10)),
                  Optional.ofNullable(rs.getString(11)),
                  optLong(rs, "pid"),
                  optLong(rs, "pid_start"),
                  rs.getInt(14),
                  List.of());
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
        out.add(
            new TaskRecord(
                t.taskKey(),
                t.iteration(),
                t.state(),
                t.resultState(),
                t.outcome(),
                t.attempts(),
                t.startTime(),
                t.endTime(),
                t.values(),
                t.message(),
                t.input(),
                t.pid(),
                t.pidStart(),
                t.repairId(),
                sorted));
      }
    }
    return out;
  }

  static Optional<Long> optLong(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }

  static Map<String, String> readMap(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, JsonNode> readValues(String json) {
    if (json == null || json.equals("{}")) {
      return new LinkedHashMap<>(); // most tasks set no value: no parser for them
    }
    try {
      return Json.mapper().readValue(json, new TypeReference<LinkedHashMap<String, JsonNode>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
