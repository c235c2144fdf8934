package io.andon.ui;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows of the Job page's grid as compact JSON, read by job.js: {@code runs} (the column run
 * ids, oldest first), {@code marks} (each state mark used, as {@code [kind, icon, label]}) and
 * {@code rows}, each {@code [task, cells, durations, attempts]} where {@code cells} has one letter
 * per run ({@code a} is the first mark, {@code -} not run), {@code durations} the milliseconds per
 * run (0: none) and {@code attempts} the {@code [column, attempts]} pairs of cells tried more than
 * once. Every {@code <} is written as {@code \u003c}, so the JSON can sit in a script element.
 */
final class GridJson {
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();

  private GridJson() {}

  static String write(RunGrid.Grid grid) {
    List<RunGrid.Run> runs = grid.runs();
    StringBuilder sb = new StringBuilder(64 + grid.tasks().size() * (runs.size() * 5 + 24));
    sb.append("{\"runs\":[");
    for (int i = 0; i < runs.size(); i++) {
      sb.append(i == 0 ? "" : ",").append(runs.get(i).runId());
    }
    Map<StateMark, Character> marks = new LinkedHashMap<>();
    StringBuilder rows = new StringBuilder();
    StringBuilder letters = new StringBuilder(runs.size());
    StringBuilder ms = new StringBuilder();
    StringBuilder attempts = new StringBuilder();
    boolean firstRow = true;
    for (String task : grid.tasks()) {
      rows.append(firstRow ? "[" : ",[");
      firstRow = false;
      letters.setLength(0);
      ms.setLength(0);
      attempts.setLength(0);
      for (int i = 0; i < runs.size(); i++) {
        Optional<RunGrid.Cell> cell = grid.cell(runs.get(i).runId(), task);
        ms.append(i == 0 ? "" : ",");
        if (cell.isEmpty()) {
          letters.append('-');
          ms.append('0');
          continue;
        }
        RunGrid.Cell c = cell.get();
        letters.append(marks.computeIfAbsent(c.state(), m -> (char) ('a' + marks.size())));
        ms.append(Math.max(0, c.durationMs()));
        if (c.attempts() > 1) {
          attempts.append(attempts.length() == 0 ? "[" : ",[");
          attempts.append(i).append(',').append(c.attempts()).append(']');
        }
      }
      string(rows, task).append(",\"").append(letters).append("\",[").append(ms);
      rows.append("],[").append(attempts).append("]]");
    }
    sb.append("],\"marks\":[");
    boolean firstMark = true;
    for (StateMark m : marks.keySet()) {
      sb.append(firstMark ? "[" : ",[");
      firstMark = false;
      string(sb, m.kind()).append(',');
      string(sb, m.icon()).append(',');
      string(sb, m.label()).append(']');
    }
    sb.append("],\"rows\":[").append(rows).append("]}");
    return sb.toString().replace("<", "\\u003c");
  }

  private static StringBuilder string(StringBuilder sb, String s) {
    return sb.append('"').append(QUOTE.quoteAsString(s)).append('"');
  }
}
