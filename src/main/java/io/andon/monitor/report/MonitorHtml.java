package io.andon.monitor.report;

import static io.andon.monitor.report.HtmlReport.esc;

import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorResult.QualityRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A monitor run as one self-contained HTML page. A selector picks the granularity, model and slice
 * (every one the run profiled); for it, per column, line charts over windows of the average
 * (numeric), of the null and zero shares, and of PSI against the baseline and the previous window
 * with the PSI threshold; the model-quality metrics over windows; then the drifted rows and the
 * failed data-quality checks, each with its granularity and model.
 */
public final class MonitorHtml {
  private static final String BLUE = "#4c78a8";
  private static final String ORANGE = "#f58518";
  private static final List<String> QUALITY =
      List.of(
          "accuracy_score",
          "precision",
          "recall",
          "f1_score",
          "roc_auc",
          "r2_score",
          "mean_absolute_error",
          "root_mean_squared_error");

  private MonitorHtml() {}

  public static String render(MonitorResult r) {
    StringBuilder h = new StringBuilder();
    h.append(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>andon monitor ")
        .append(esc(r.monitorName()))
        .append("</title><style>")
        .append("body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}")
        .append(".panels{display:flex;flex-wrap:wrap;gap:14px}.panel{border:1px solid #ddd;")
        .append("border-radius:6px;padding:8px}h3{margin:0 0 4px;font-size:14px}")
        .append("table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid")
        .append(" #ddd;text-align:left}.muted{color:#666;font-size:12px}")
        .append(".segment{display:none}.segment.shown{display:block}")
        .append(".drift{color:#fff;background:#c0392b;border-radius:3px;padding:1px 6px}")
        .append(".ok{color:#fff;background:#2e7d32;border-radius:3px;padding:1px 6px}")
        .append(".na{color:#fff;background:#888;border-radius:3px;padding:1px 6px}")
        .append("</style></head><body>\n<h1>Monitor ")
        .append(esc(r.monitorName()))
        .append(" <span class=\"")
        .append(
            switch (r.verdict().outcome()) {
              case DRIFT -> "drift";
              case NO_DRIFT -> "ok";
              case NOT_ENOUGH_DATA -> "na";
            })
        .append("\" id=\"headline\">")
        .append(r.verdict().outcome().label())
        .append("</span></h1><p id=\"verdict\"><b>")
        .append(esc(r.verdict().outcome().label()))
        .append("</b> ")
        .append(esc(r.verdict().summary()))
        .append("</p>\n<p class=\"muted\" id=\"rule\">Rule: ")
        .append(esc(r.verdict().rule()))
        .append(".</p>\n<p class=\"muted\">run at ")
        .append(r.runAt())
        .append(" &middot; ")
        .append(r.profiles().size())
        .append(" profile rows, ")
        .append(r.drifts().size())
        .append(" drift rows, ")
        .append(r.quality().size())
        .append(" data-quality checks</p>\n");
    Map<String, List<ProfileRow>> segments = new LinkedHashMap<>();
    for (ProfileRow p : r.profiles()) {
      if (p.logType().equals("INPUT")) {
        segments.computeIfAbsent(segment(p.group()), k -> new ArrayList<>()).add(p);
      }
    }
    h.append("<h2>Trends</h2><p><label for=\"segment\">granularity, model and slice: </label>")
        .append("<select id=\"segment\">");
    int k = 0;
    for (String s : segments.keySet()) {
      h.append("<option value=\"seg-").append(k++).append("\">").append(esc(s)).append("</option>");
    }
    h.append("</select></p>\n");
    k = 0;
    for (Map.Entry<String, List<ProfileRow>> e : segments.entrySet()) {
      h.append("<div class=\"segment")
          .append(k == 0 ? " shown" : "")
          .append("\" id=\"seg-")
          .append(k++)
          .append("\"><h3>")
          .append(esc(e.getKey()))
          .append("</h3><div class=\"panels\">");
      segment(h, r, e.getValue());
      h.append("</div></div>\n");
    }
    drifted(h, r);
    quality(h, r);
    h.append("<script>(function(){var s=document.getElementById('segment');")
        .append("s.addEventListener('change',function(){")
        .append("document.querySelectorAll('.segment').forEach(function(d){")
        .append("d.classList.toggle('shown',d.id===s.value);});});})();</script>\n")
        .append("</body></html>\n");
    return h.toString();
  }

  /** "1 day, model v2, slice country = BR", or "all models" and "whole table". */
  private static String segment(Group g) {
    return g.granularity()
        + ", "
        + g.modelId().map(m -> "model " + m).orElse("all models")
        + ", "
        + g.sliceKey()
            .map(x -> "slice " + x + " = " + g.sliceValue().orElse(""))
            .orElse("whole table");
  }

  private static String window(Group g) {
    return g.windowStart().map(Instant::toString).orElse("snapshot");
  }

  private static void segment(StringBuilder h, MonitorResult r, List<ProfileRow> rows) {
    Map<String, List<ProfileRow>> byColumn = new LinkedHashMap<>();
    for (ProfileRow p : rows) {
      byColumn.computeIfAbsent(p.columnName(), x -> new ArrayList<>()).add(p);
    }
    List<ProfileRow> table = byColumn.remove(":table");
    if (table != null) {
      List<String> labels = table.stream().map(p -> window(p.group())).toList();
      List<LineChartSvg.Series> series = new ArrayList<>();
      String[] colors = {
        BLUE, ORANGE, "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#9d755d", "#333"
      };
      for (String m : QUALITY) {
        List<Double> v = table.stream().map(p -> number(p.metrics().get(m))).toList();
        if (v.stream().anyMatch(Double::isFinite)) {
          series.add(new LineChartSvg.Series(m, colors[series.size() % colors.length], v));
        }
      }
      if (!series.isEmpty()) {
        h.append("<div class=\"panel\"><h3>model quality</h3>")
            .append(
                LineChartSvg.render(
                    "model-quality metrics", labels, series, OptionalDouble.empty()))
            .append("</div>");
      }
    }
    Group first = rows.get(0).group();
    for (Map.Entry<String, List<ProfileRow>> c : byColumn.entrySet()) {
      List<ProfileRow> cr = c.getValue();
      List<String> labels = cr.stream().map(p -> window(p.group())).toList();
      h.append("<div class=\"panel\"><h3>").append(esc(c.getKey())).append("</h3>");
      if (cr.get(0).numeric()) {
        h.append(
            LineChartSvg.render(
                "avg",
                labels,
                List.of(new LineChartSvg.Series("avg", BLUE, values(cr, "avg"))),
                OptionalDouble.empty()));
      }
      List<LineChartSvg.Series> shares = new ArrayList<>();
      shares.add(new LineChartSvg.Series("percent_null", BLUE, values(cr, "percent_null")));
      if (cr.get(0).numeric()) {
        shares.add(new LineChartSvg.Series("percent_zeros", ORANGE, values(cr, "percent_zeros")));
      }
      h.append(LineChartSvg.render("null and zero shares", labels, shares, OptionalDouble.empty()));
      h.append(
          LineChartSvg.render(
              "population_stability_index",
              labels,
              List.of(
                  new LineChartSvg.Series(
                      "BASELINE", BLUE, psi(r, first, c.getKey(), "BASELINE", labels)),
                  new LineChartSvg.Series(
                      "CONSECUTIVE", ORANGE, psi(r, first, c.getKey(), "CONSECUTIVE", labels))),
              OptionalDouble.of(r.options().thresholdsFor(c.getKey()).psi())));
      h.append("</div>");
    }
  }

  private static List<Double> values(List<ProfileRow> rows, String metric) {
    return rows.stream().map(p -> number(p.metrics().get(metric))).toList();
  }

  /** A number, or the macro average of a {macro, weighted, per_class} struct; NaN otherwise. */
  private static double number(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof Map<?, ?> m && m.get("macro") instanceof Number n) {
      return n.doubleValue();
    }
    return Double.NaN;
  }

  private static List<Double> psi(
      MonitorResult r, Group seg, String col, String type, List<String> labels) {
    Map<String, Double> byWindow = new LinkedHashMap<>();
    for (DriftRow d : r.drifts()) {
      Group g = d.group();
      if (d.driftType().equals(type)
          && g.granularity().equals(seg.granularity())
          && g.sliceKey().equals(seg.sliceKey())
          && g.sliceValue().equals(seg.sliceValue())
          && g.modelId().equals(seg.modelId())
          && d.drift().columnName().equals(col)) {
        OptionalDouble p = d.drift().populationStabilityIndex();
        byWindow.put(window(g), p.isPresent() ? p.getAsDouble() : Double.NaN);
      }
    }
    return labels.stream().map(l -> byWindow.getOrDefault(l, Double.NaN)).toList();
  }

  private static void drifted(StringBuilder h, MonitorResult r) {
    h.append("<h2>Drifted</h2><table><tr><th>window</th><th>granularity</th><th>model</th>")
        .append("<th>type</th><th>slice</th><th>column</th><th>reason</th></tr>");
    for (DriftRow d : r.drifts()) {
      if (d.drift().driftDetected()) {
        h.append("<tr><td>")
            .append(window(d.group()))
            .append("</td><td>")
            .append(esc(d.group().granularity()))
            .append("</td><td>")
            .append(esc(d.group().modelId().orElse("(all)")))
            .append("</td><td>")
            .append(d.driftType())
            .append("</td><td>")
            .append(
                esc(
                    d.group()
                        .sliceKey()
                        .map(x -> x + " = " + d.group().sliceValue().orElse(""))
                        .orElse("(all)")))
            .append("</td><td>")
            .append(esc(d.drift().columnName()))
            .append("</td><td>")
            .append(esc(d.drift().reason()))
            .append("</td></tr>");
      }
    }
    h.append("</table>\n");
  }

  private static void quality(StringBuilder h, MonitorResult r) {
    List<QualityRow> failed = r.quality().stream().filter(q -> q.check().failed()).toList();
    h.append("<h2 id=\"data-quality\">Data quality</h2><p>")
        .append(failed.size())
        .append(" of ")
        .append(r.quality().size())
        .append(" checks failed (each window of the whole table, all models, against the")
        .append(" baseline table).</p>");
    if (failed.isEmpty()) {
      return;
    }
    h.append("<table><tr><th>window</th><th>granularity</th><th>model</th><th>check</th>")
        .append("<th>column</th><th>count</th><th>found</th></tr>");
    for (QualityRow q : failed) {
      h.append("<tr><td>")
          .append(window(q.group()))
          .append("</td><td>")
          .append(esc(q.group().granularity()))
          .append("</td><td>")
          .append(esc(q.group().modelId().orElse("(all)")))
          .append("</td><td>")
          .append(q.check().check().id())
          .append("</td><td>")
          .append(esc(q.check().columnName()))
          .append("</td><td>")
          .append(q.check().count())
          .append("</td><td>")
          .append(esc(q.check().detail()))
          .append("</td></tr>");
    }
    h.append("</table>\n");
  }
}
