package io.andon.monitor.report;

import static io.andon.monitor.DriftAnalysis.fmt;

import io.andon.monitor.quality.ColumnSummary;
import io.andon.monitor.quality.TableQuality;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The statistics of one column on both sides, as a small HTML table: count, missing, distinct,
 * mean, std, min, quartiles, max.
 */
final class ColumnStatsHtml {
  private record Stat(String name, Function<ColumnSummary, String> value) {}

  private static final List<Stat> STATS =
      List.of(
          new Stat("count", s -> Long.toString(s.count())),
          new Stat("missing", s -> Long.toString(s.missing())),
          new Stat("distinct", s -> Long.toString(s.distinct())),
          new Stat("mean", s -> num(s.mean())),
          new Stat("std", s -> num(s.std())),
          new Stat("min", s -> num(s.min())),
          new Stat("25%", s -> num(s.q25())),
          new Stat("50%", s -> num(s.median())),
          new Stat("75%", s -> num(s.q75())),
          new Stat("max", s -> num(s.max())));

  private ColumnStatsHtml() {}

  /** The table, or nothing when neither side was summarised (streaming mode). */
  static String table(TableQuality q, String column) {
    Optional<ColumnSummary> b = q.baseline(column);
    Optional<ColumnSummary> c = q.current(column);
    if (b.isEmpty() && c.isEmpty()) {
      return "";
    }
    StringBuilder h =
        new StringBuilder("<div class=\"scroll\"><table class=\"stats\"><tr><th class=\"l\"></th>");
    for (Stat s : STATS) {
      h.append("<th>").append(s.name()).append("</th>");
    }
    h.append("</tr>");
    row(h, "baseline", b);
    row(h, "current", c);
    return h.append("</table></div>\n").toString();
  }

  private static void row(StringBuilder h, String side, Optional<ColumnSummary> s) {
    h.append("<tr><td class=\"l\">").append(side).append("</td>");
    for (Stat st : STATS) {
      h.append("<td>").append(s.map(st.value()).orElse("&ndash;")).append("</td>");
    }
    h.append("</tr>");
  }

  private static String num(OptionalDouble d) {
    return d.isPresent() ? fmt(d.getAsDouble()) : "&ndash;";
  }
}
