package io.andon.monitor.report;

import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.report.HtmlReport.esc;

import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.ProfileRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A monitor run as one self-contained HTML page: per granularity and column (whole table), the
 * trend over windows of its average (numeric) or null share, and of its drift against the baseline
 * and the previous window (PSI), as inline SVG line charts; then the drifted rows.
 */
public final class MonitorHtml {
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
        .append(
            "table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;")
        .append("text-align:left}.muted{color:#666;font-size:12px}</style></head><body>\n")
        .append("<h1>Monitor ")
        .append(esc(r.monitorName()))
        .append("</h1><p class=\"muted\">run at ")
        .append(r.runAt())
        .append(" &middot; ")
        .append(r.profiles().size())
        .append(" profile rows, ")
        .append(r.drifts().size())
        .append(" drift rows</p>\n")
        .append("<p id=\"verdict\"><b>")
        .append(esc(r.verdict().outcome().label()))
        .append("</b> ")
        .append(esc(r.verdict().summary()))
        .append("</p>\n")
        .append("<p class=\"muted\" id=\"rule\">Rule: ")
        .append(esc(r.verdict().rule()))
        .append(".</p>\n");
    Map<String, Map<String, List<ProfileRow>>> byGran = new LinkedHashMap<>();
    for (ProfileRow p : r.profiles()) {
      if (p.logType().equals("INPUT")
          && p.group().sliceKey().isEmpty()
          && p.group().modelId().isEmpty()
          && !p.columnName().equals(":table")) {
        byGran
            .computeIfAbsent(p.group().granularity(), k -> new LinkedHashMap<>())
            .computeIfAbsent(p.columnName(), k -> new ArrayList<>())
            .add(p);
      }
    }
    for (Map.Entry<String, Map<String, List<ProfileRow>>> g : byGran.entrySet()) {
      h.append("<h2>Trends, granularity ")
          .append(esc(g.getKey()))
          .append("</h2><div class=\"panels\">");
      for (Map.Entry<String, List<ProfileRow>> c : g.getValue().entrySet()) {
        List<ProfileRow> rows = c.getValue();
        boolean numeric = rows.get(0).numeric();
        String metric = numeric ? "avg" : "percent_null";
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (ProfileRow p : rows) {
          Object v = p.metrics().get(metric);
          values.add(v instanceof Number n ? n.doubleValue() : Double.NaN);
          labels.add(p.group().windowStart().map(Instant::toString).orElse("snapshot"));
        }
        List<Double> psiBase = psi(r, g.getKey(), c.getKey(), "BASELINE", labels);
        List<Double> psiCons = psi(r, g.getKey(), c.getKey(), "CONSECUTIVE", labels);
        h.append("<div class=\"panel\"><h3>")
            .append(esc(c.getKey()))
            .append("</h3>")
            .append(chart(metric, labels, List.of(values), List.of("#4c78a8")))
            .append(
                chart(
                    "population_stability_index (blue: BASELINE, orange: CONSECUTIVE)",
                    labels,
                    List.of(psiBase, psiCons),
                    List.of("#4c78a8", "#f58518")))
            .append("</div>");
      }
      h.append("</div>\n");
    }
    h.append("<h2>Drifted</h2><table><tr><th>window</th><th>granularity</th><th>model</th>")
        .append("<th>type</th><th>slice</th><th>column</th><th>reason</th></tr>");
    for (DriftRow d : r.drifts()) {
      if (d.drift().driftDetected()) {
        h.append("<tr><td>")
            .append(d.group().windowStart().map(Instant::toString).orElse("snapshot"))
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
                        .map(k -> k + " = " + d.group().sliceValue().orElse(""))
                        .orElse("(all)")))
            .append("</td><td>")
            .append(esc(d.drift().columnName()))
            .append("</td><td>")
            .append(esc(d.drift().reason()))
            .append("</td></tr>");
      }
    }
    h.append("</table></body></html>\n");
    return h.toString();
  }

  private static List<Double> psi(
      MonitorResult r, String gran, String col, String type, List<String> labels) {
    Map<String, Double> byWindow = new LinkedHashMap<>();
    for (DriftRow d : r.drifts()) {
      if (d.driftType().equals(type)
          && d.group().granularity().equals(gran)
          && d.group().sliceKey().isEmpty()
          && d.group().modelId().isEmpty()
          && d.drift().columnName().equals(col)) {
        OptionalDouble p = d.drift().populationStabilityIndex();
        byWindow.put(
            d.group().windowStart().map(Instant::toString).orElse("snapshot"),
            p.isPresent() ? p.getAsDouble() : Double.NaN);
      }
    }
    List<Double> out = new ArrayList<>();
    for (String l : labels) {
      out.add(byWindow.getOrDefault(l, Double.NaN));
    }
    return out;
  }

  private static String chart(
      String title, List<String> labels, List<List<Double>> series, List<String> colors) {
    int w = 420;
    int ht = 150;
    int left = 50;
    int top = 18;
    int bottom = 22;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (List<Double> s : series) {
      for (double v : s) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(ht)
        .append("\"><text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#444\">")
        .append(esc(title))
        .append("</text>");
    if (lo > hi) {
      return s.append(
              "<text x=\"60\" y=\"80\" font-size=\"11\" fill=\"#888\">no values</text></svg>")
          .toString();
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double plotW = w - left - 10;
    double plotH = ht - top - bottom;
    int n = labels.size();
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%d\" y=\"%d\" font-size=\"10\" fill=\"#666\""
                + " text-anchor=\"end\">%s</text><text x=\"%d\" y=\"%.0f\" font-size=\"10\" fill=\"#666\""
                + " text-anchor=\"end\">%s</text>",
            left - 4,
            top + 8,
            fmt(hi),
            left - 4,
            top + plotH,
            fmt(lo)));
    for (int k = 0; k < series.size(); k++) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double v = series.get(k).get(i);
        if (!Double.isFinite(v)) {
          continue;
        }
        double x = left + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
        double y = top + plotH - plotH * (v - lo) / (hi - lo);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
                x,
                y,
                colors.get(k)));
      }
      s.append("<polyline fill=\"none\" stroke=\"")
          .append(colors.get(k))
          .append("\" stroke-width=\"1.5\" points=\"")
          .append(pts)
          .append("\"/>");
    }
    if (n > 0) {
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#666\">%s"
                  + "</text><text x=\"%d\" y=\"%d\" font-size=\"9\" fill=\"#666\" text-anchor=\"end\">%s"
                  + "</text>",
              left,
              ht - 6,
              esc(labels.get(0)),
              w - 10,
              ht - 6,
              esc(labels.get(n - 1))));
    }
    return s.append("</svg>").toString();
  }
}
