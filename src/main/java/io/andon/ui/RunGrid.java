package io.andon.ui;

import io.andon.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The runs x tasks grid of a job read straight from the store in two queries (its last runs, then
 * the states of their tasks), so that a 1,000-task job with 25 runs is read in milliseconds.
 */
public final class RunGrid {
  /** A run: a column of the grid. */
  public record Run(long runId, StateMark state, long startTime, Optional<Long> endTime) {}

  /** A task's state in one run: a cell of the grid. */
  public record Cell(StateMark state, long durationMs, int attempts) {}

  /** The grid: runs oldest first, task keys in order, and the cells by run and task. */
  public record Grid(List<Run> runs, List<String> tasks, Map<Long, Map<String, Cell>> cells) {
    /** The cell of {@code task} in {@code run}, if the run has it. */
    public Optional<Cell> cell(long run, String task) {
      return Optional.ofNullable(cells.getOrDefault(run, Map.of()).get(task));
    }
  }

  private RunGrid() {}

  /**
   * The last {@code limit} runs of job {@code jobName}, with the task keys {@code declared} first
   * (the job's current tasks, in order) and then any other task the runs had.
   */
  public static Grid read(Store store, String jobName, List<String> declared, int limit) {
    return store.read(
        c -> {
          List<Run> runs = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT run_id, state, result_state, start_time, end_time FROM runs"
                      + " WHERE job_name = ? ORDER BY run_id DESC LIMIT ?")) {
            ps.setString(1, jobName);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                runs.add(
                    new Run(
                        rs.getLong(1),
                        StateMark.of(rs.getString(2), Optional.ofNullable(rs.getString(3))),
                        rs.getLong(4),
                        optionalLong(rs, 5)));
              }
            }
          }
          java.util.Collections.reverse(runs);
          LinkedHashSet<String> tasks = new LinkedHashSet<>(declared);
          Map<Long, Map<String, Cell>> cells = new HashMap<>();
          if (!runs.isEmpty()) {
            readCells(c, runs, tasks, cells);
          }
          return new Grid(List.copyOf(runs), List.copyOf(tasks), cells);
        });
  }

  private static void readCells(
      java.sql.Connection c,
      List<Run> runs,
      LinkedHashSet<String> tasks,
      Map<Long, Map<String, Cell>> cells)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT run_id, task_key, state, result_state, start_time, end_time, attempts"
                + " FROM task_runs WHERE iteration = -1 AND run_id IN ("
                + String.join(",", java.util.Collections.nCopies(runs.size(), "?"))
                + ")")) {
      for (int i = 0; i < runs.size(); i++) {
        ps.setLong(i + 1, runs.get(i).runId());
      }
      Map<Long, Run> wanted = new HashMap<>();
      runs.forEach(r -> wanted.put(r.runId(), r));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long runId = rs.getLong(1);
          if (!wanted.containsKey(runId)) {
            continue;
          }
          String key = rs.getString(2);
          tasks.add(key);
          Optional<Long> start = optionalLong(rs, 5);
          Optional<Long> end = optionalLong(rs, 6);
          long took = start.isPresent() && end.isPresent() ? end.get() - start.get() : 0;
          cells
              .computeIfAbsent(runId, k -> new HashMap<>())
              .put(
                  key,
                  new Cell(
                      StateMark.of(rs.getString(3), Optional.ofNullable(rs.getString(4))),
                      took,
                      rs.getInt(7)));
        }
      }
    }
  }

  private static Optional<Long> optionalLong(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(v);
  }
}
