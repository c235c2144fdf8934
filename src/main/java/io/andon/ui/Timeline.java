package io.andon.ui;

import io.andon.store.Store;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Gantt timeline of a run: every attempt of every task (retries and repairs as bars of their
 * own) placed on the run's time axis, read in one query. At most {@value #MAX_ROWS} tasks are
 * drawn, the first to start.
 */
public final class Timeline {
  static final int MAX_ROWS = 300;

  /** One attempt as a bar: left and width in percent of the run's time. */
  public record Bar(
      int attempt, int repairId, double left, double width, StateMark state, String title) {}

  /** A task's row: its attempts in order. */
  public record Row(String task, List<Bar> bars) {}

  /** The timeline: rows, and how many tasks were left out. */
  public record View(List<Row> rows, int leftOut, String span) {}

  private Timeline() {}

  static View read(Store store, long runId, long from, long to) {
    long span = Math.max(1, to - from);
    return store.read(
        c -> {
          java.util.LinkedHashMap<String, List<Bar>> rows = new java.util.LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT task_key, iteration, attempt, repair_id, start_time, end_time,"
                      + " result_state FROM task_attempts WHERE run_id = ?"
                      + " ORDER BY start_time, task_key, iteration")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String key = rs.getString(1) + (rs.getInt(2) >= 0 ? " [" + rs.getInt(2) + "]" : "");
                if (!rows.containsKey(key) && rows.size() >= MAX_ROWS) {
                  rows.computeIfAbsent("\u0000more", k -> new ArrayList<>());
                  continue;
                }
                long start = rs.getLong(5);
                long endRaw = rs.getLong(6);
                long end = rs.wasNull() ? to : endRaw;
                Optional<String> result = Optional.ofNullable(rs.getString(7));
                StateMark s = StateMark.of(result.isPresent() ? "TERMINATED" : "RUNNING", result);
                int attempt = rs.getInt(3);
                int repair = rs.getInt(4);
                String title =
                    key
                        + ", attempt "
                        + attempt
                        + (repair > 0 ? " of repair " + repair : "")
                        + ": "
                        + s.label()
                        + ", "
                        + RunText.duration(end - start);
                rows.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(
                        new Bar(
                            attempt,
                            repair,
                            100.0 * (start - from) / span,
                            Math.max(0.3, 100.0 * (end - start) / span),
                            s,
                            title));
              }
            }
          }
          int leftOut = rows.containsKey("\u0000more") ? 1 : 0;
          rows.remove("\u0000more");
          List<Row> out = new ArrayList<>();
          rows.forEach((k, v) -> out.add(new Row(k, List.copyOf(v))));
          return new View(List.copyOf(out), leftOut, RunText.duration(span));
        });
  }
}
