package io.andon.monitor.report;

import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.DriftAnalysis.fmtP;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftReport;
import io.andon.monitor.Histogram;
import io.andon.monitor.Verdict;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The drift report as one self-contained HTML file: inline CSS and SVG, no script, no external
 * resource, so it opens offline and can be attached to a ticket. A summary table, then one panel
 * per column with baseline and current histograms overlaid.
 */
public final class HtmlReport {
  private static final String BASE_COLOR = "#4c78a8";
  private static final String CUR_COLOR = "#f58518";

  private HtmlReport() {}

  public static String render(DriftReport r) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>andon drift report</title>\n<style>")
        .append("body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;")
        .append("color:#222;max-width:1200px}")
        .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}")
        .append("table{border-collapse:collapse;margin:8px 0}")
        .append("th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}")
        .append("th{background:#f4f4f4}td.l,th.l{text-align:left}")
        .append(".drift{color:#fff;background:#c0392b;border-radius:3px;padding:1px 6px}")
        .append(".ok{color:#fff;background:#2e7d32;border-radius:3px;padding:1px 6px}")
        .append(".na{color:#fff;background:#888;border-radius:3px;padding:1px 6px}")
        .append(".panels{display:flex;flex-wrap:wrap;gap:16px}")
        .append(".panel{border:1px solid #ddd;border-radius:6px;padding:10px;width:560px}")
        .append(".panel h3{margin:0 0 4px;font-size:15px}.muted{color:#666;font-size:12px}")
        .append(".warn{background:#fff8e1;border-left:4px solid #f9a825;padding:6px 10px;")
        .append("margin:4px 0;font-size:13px}.legend span{display:inline-block;width:12px;")
        .append("height:12px;margin:0 4px 0 12px;vertical-align:middle}")
        .append("</style></head><body>\n");
    h.append("<h1>Drift report ")
        .append(headline(r.verdict()))
        .append("</h1>\n<p class=\"muted\">baseline: ")
        .append(esc(r.baseline()))
        .append(" (")
        .append(r.baselineRows())
        .append(" rows) &middot; current: ")
        .append(esc(r.current()))
        .append(" (")
        .append(r.currentRows())
        .append(" rows)</p>\n");
    h.append("<p id=\"verdict\">")
        .append(esc(r.verdict().summary()))
        .append("</p>\n")
        .append("<p class=\"muted\" id=\"rule\">Rule: ")
        .append(esc(r.verdict().rule()))
        .append(".</p>\n");
    h.append("<h2>Summary</h2>\n<table><tr><th class=\"l\">column</th><th class=\"l\">type</th>")
        .append(
            "<th class=\"l\">verdict</th><th>PSI</th><th class=\"l\">PSI band</th><th>JS</th><th>Wasserstein (norm.)</th>")
        .append("<th>KS stat</th><th>KS p</th><th>&chi;&sup2; p</th><th>TV</th>")
        .append("<th>null &Delta;</th></tr>\n");
    for (ColumnDrift c : r.columnsByConcern()) {
      h.append("<tr><td class=\"l\"><a href=\"#col-")
          .append(anchor(c.columnName()))
          .append("\">")
          .append(esc(c.columnName()))
          .append("</a></td><td class=\"l\">")
          .append(c.dataType())
          .append("</td><td class=\"l\">")
          .append(badge(c))
          .append("</td>")
          .append(td(c.populationStabilityIndex()))
          .append("<td class=\"l\">")
          .append(c.psiBand().map(ColumnDrift.PsiBand::label).orElse("&ndash;"))
          .append("</td>")
          .append(td(c.jsDistance()))
          .append(td(c.wassersteinDistanceNormed()))
          .append("<td>")
          .append(c.ksTest().map(k -> fmt(k.statistic())).orElse("&ndash;"))
          .append("</td><td>")
          .append(c.ksTest().map(k -> fmtP(k.pvalue())).orElse("&ndash;"))
          .append("</td><td>")
          .append(c.chiSquaredTest().map(k -> fmtP(k.pvalue())).orElse("&ndash;"))
          .append("</td>")
          .append(td(c.tvDistance()))
          .append("<td>")
          .append(String.format(Locale.ROOT, "%+.1f%%", 100 * c.percentNullDelta()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    Set<String> warnings = new LinkedHashSet<>(r.warnings());
    r.columns().forEach(c -> warnings.addAll(c.warnings()));
    if (!warnings.isEmpty()) {
      h.append("<h2>Warnings</h2>\n");
      for (String w : warnings) {
        h.append("<div class=\"warn\">").append(esc(w)).append("</div>\n");
      }
    }
    h.append("<h2>Columns</h2>\n<p class=\"legend\"><span style=\"background:")
        .append(BASE_COLOR)
        .append("\"></span>baseline<span style=\"background:")
        .append(CUR_COLOR)
        .append("\"></span>current (share of each side's values)</p>\n<div class=\"panels\">\n");
    for (ColumnDrift c : r.columnsByConcern()) {
      h.append("<div class=\"panel\" id=\"col-")
          .append(anchor(c.columnName()))
          .append("\"><h3>")
          .append(esc(c.columnName()))
          .append(" ")
          .append(badge(c))
          .append("</h3>")
          .append("<div class=\"muted\">")
          .append(esc(c.reason()))
          .append("</div>\n");
      c.histogram()
          .ifPresentOrElse(
              hist -> h.append(svg(hist, c.dataType())),
              () ->
                  h.append("<p class=\"muted\">no histogram: ")
                      .append(esc(c.skipped().orElse("no values")))
                      .append("</p>"));
      h.append("</div>\n");
    }
    h.append("</div>\n<p class=\"muted\">Made by andon drift.</p>\n</body></html>\n");
    return h.toString();
  }

  private static String svg(Histogram hist, String type) {
    int w = 540;
    int ht = 220;
    int left = 44;
    int bottom = 40;
    int top = 8;
    int n = hist.labels().size();
    double[] pb = shares(hist.baseline());
    double[] pc = shares(hist.current());
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(pb[i], pc[i]));
    }
    if (max == 0) {
      max = 1;
    }
    double plotW = w - left - 8;
    double plotH = ht - top - bottom;
    double bw = plotW / n;
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w)
        .append("\" height=\"")
        .append(ht)
        .append("\" role=\"img\" aria-label=\"histogram\">");
    s.append("<line x1=\"")
        .append(left)
        .append("\" y1=\"")
        .append(top + plotH)
        .append("\" x2=\"")
        .append(w - 8)
        .append("\" y2=\"")
        .append(top + plotH)
        .append("\" stroke=\"#999\"/>");
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = top + plotH - plotH * t / 4;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">%.1f%%"
                  + "</text><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
              left - 4,
              y + 3,
              v * 100,
              left,
              y,
              w - 8,
              y));
    }
    boolean cat = type.equals("categorical");
    for (int i = 0; i < n; i++) {
      double x = left + i * bw;
      double hb = plotH * pb[i] / max;
      double hc = plotH * pc[i] / max;
      if (cat) {
        s.append(rect(x + bw * 0.1, top + plotH - hb, bw * 0.4, hb, BASE_COLOR, 0.9));
        s.append(rect(x + bw * 0.5, top + plotH - hc, bw * 0.4, hc, CUR_COLOR, 0.9));
      } else {
        s.append(rect(x, top + plotH - hb, bw, hb, BASE_COLOR, 0.55));
        s.append(rect(x, top + plotH - hc, bw, hc, CUR_COLOR, 0.55));
      }
      int every = cat ? 1 : Math.max(1, n / 6);
      if (i % every == 0) {
        String label = hist.labels().get(i);
        if (label.length() > 12) {
          label = label.substring(0, 11) + "\u2026";
        }
        double lx = cat ? x + bw / 2 : x;
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\""
                    + " fill=\"#444\" text-anchor=\"%s\"%s>%s</text>",
                lx,
                top + plotH + 14,
                cat ? "end" : "middle",
                cat
                    ? String.format(
                        Locale.ROOT, " transform=\"rotate(-35 %.1f %.1f)\"", lx, top + plotH + 14)
                    : "",
                esc(label)));
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  private static String rect(double x, double y, double w, double h, String color, double op) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\""
            + " fill=\"%s\" fill-opacity=\"%.2f\"/>",
        x,
        y,
        Math.max(0, w - 0.5),
        h,
        color,
        op);
  }

  private static double[] shares(long[] counts) {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    double[] p = new double[counts.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = t == 0 ? 0 : (double) counts[i] / t;
    }
    return p;
  }

  private static String badge(ColumnDrift c) {
    String css =
        switch (c.status()) {
          case DRIFT -> "drift";
          case NO_DRIFT -> "ok";
          default -> "na";
        };
    return "<span class=\"" + css + "\">" + c.status().label() + "</span>";
  }

  /** The headline badge: the one verdict. */
  private static String headline(Verdict v) {
    String css =
        switch (v.outcome()) {
          case DRIFT -> "drift";
          case NO_DRIFT -> "ok";
          case NOT_ENOUGH_DATA -> "na";
        };
    return "<span class=\"" + css + "\" id=\"headline\">" + v.outcome().label() + "</span>";
  }

  private static String td(java.util.OptionalDouble d) {
    return "<td>" + (d.isPresent() ? fmt(d.getAsDouble()) : "&ndash;") + "</td>";
  }

  private static String anchor(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  /** HTML-escapes text. */
  public static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
