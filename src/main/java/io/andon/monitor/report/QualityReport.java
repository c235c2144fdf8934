package io.andon.monitor.report;

import static io.andon.monitor.report.HtmlReport.esc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.quality.DataQuality;
import io.andon.monitor.quality.QualityCheck;
import io.andon.util.Json;
import java.util.List;
import java.util.Locale;

/**
 * The data-quality checks in each output: a {@code data_quality} array in JSON (gate selectors pick
 * a row by {@code check} and {@code column_name}), lines in text, a section in HTML.
 */
public final class QualityReport {
  private QualityReport() {}

  /** One check as a JSON object. */
  public static ObjectNode json(QualityCheck q) {
    ObjectNode o = Json.object();
    o.put("check", q.check().id());
    o.put("column_name", q.columnName());
    o.put("failed", q.failed());
    o.put("count", q.count());
    o.put("share", q.share());
    o.put("detail", q.detail());
    return o;
  }

  /** Every check as a JSON array. */
  public static ArrayNode json(List<QualityCheck> checks) {
    ArrayNode a = Json.mapper().createArrayNode();
    checks.forEach(q -> a.add(json(q)));
    return a;
  }

  /** "data quality: 2 of 40 checks failed" and a line per failed check; empty with no check. */
  public static String text(List<QualityCheck> checks, String indent) {
    if (checks.isEmpty()) {
      return "";
    }
    List<QualityCheck> failed = checks.stream().filter(QualityCheck::failed).toList();
    StringBuilder sb =
        new StringBuilder(indent)
            .append("data quality: ")
            .append(failed.size())
            .append(" of ")
            .append(checks.size())
            .append(" checks failed\n");
    for (QualityCheck q : failed) {
      sb.append(indent).append("  ").append(line(q)).append('\n');
    }
    return sb.toString();
  }

  /** "out_of_range 'age': 25 of 1000 values outside ..." */
  public static String line(QualityCheck q) {
    return q.check().id()
        + (q.columnName().equals(QualityCheck.TABLE) ? "" : " '" + q.columnName() + "'")
        + ": "
        + q.detail();
  }

  /** The HTML section: failed checks first, then a count of those that passed. */
  public static String html(List<QualityCheck> checks) {
    StringBuilder h = new StringBuilder("<h2 id=\"data-quality\">Data quality</h2>\n");
    if (checks.isEmpty()) {
      return h.append(
              "<p class=\"muted\">not checked (a comparison from sketches reads no table)</p>\n")
          .toString();
    }
    List<QualityCheck> failed = checks.stream().filter(QualityCheck::failed).toList();
    h.append("<p>")
        .append(failed.isEmpty() ? "<span class=\"ok\">passed</span> " : "")
        .append(failed.size())
        .append(" of ")
        .append(checks.size())
        .append(" checks failed.</p>\n");
    if (!failed.isEmpty()) {
      h.append("<table><tr><th class=\"l\">check</th><th class=\"l\">column</th><th>count</th>")
          .append("<th>share</th><th class=\"l\">found</th></tr>\n");
      for (QualityCheck q : failed) {
        h.append("<tr><td class=\"l\"><span class=\"drift\">")
            .append(q.check().id())
            .append("</span></td><td class=\"l\">")
            .append(esc(q.columnName()))
            .append("</td><td>")
            .append(q.count())
            .append("</td><td>")
            .append(String.format(Locale.ROOT, "%.1f%%", 100 * q.share()))
            .append("</td><td class=\"l\">")
            .append(esc(q.detail()))
            .append("</td></tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("<p class=\"muted\">Checks: duplicated rows and columns, constant and all-null")
        .append(" columns, values outside the baseline's range or declared bounds, categories")
        .append(" outside the baseline's list (up to ")
        .append(String.format(Locale.ROOT, "%.0f%%", 100 * DataQuality.TOLERANCE))
        .append(" tolerated against the baseline), type changes, missing and new columns.</p>\n");
    return h.toString();
  }
}
