package io.andon.monitor.report;

import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.DriftAnalysis.fmtP;

import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftReport;
import io.andon.monitor.Verdict;
import io.andon.monitor.quality.QualityCheck;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The drift report as one self-contained HTML file: inline CSS and SVG, no script, no external
 * resource, so it opens offline and can be attached to a ticket. The one verdict as the headline
 * with its rule, the inputs and the generation time; a summary table (drifted columns first, with
 * the rule that fired); the data-quality checks; warnings; then one panel per column with the
 * statistics of both sides and their histograms side by side.
 */
public final class HtmlReport {

  private HtmlReport() {}

  /** The report, stating {@code generatedAt} as its generation time. */
  public static String render(DriftReport r, Instant generatedAt) {
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>andon drift report</title>\n<style>")
        .append("body{font:14px/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;margin:24px;")
        .append("color:#222;max-width:1200px}")
        .append("h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}")
        .append("table{border-collapse:collapse;margin:8px 0}")
        .append("th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}")
        .append("th{background:#f4f4f4}td.l,th.l{text-align:left}td.reason{max-width:360px}")
        .append(".drift{color:#fff;background:#c0392b;border-radius:3px;padding:1px 6px}")
        .append(".ok{color:#fff;background:#2e7d32;border-radius:3px;padding:1px 6px}")
        .append(".na{color:#fff;background:#888;border-radius:3px;padding:1px 6px}")
        .append("h1 .drift,h1 .ok,h1 .na{font-size:20px;padding:2px 10px}")
        .append(".panels{display:flex;flex-wrap:wrap;gap:16px}")
        .append(".panel{border:1px solid #ddd;border-radius:6px;padding:10px;width:560px}")
        .append(".panel h3{margin:0 0 4px;font-size:15px}.muted{color:#666;font-size:12px}")
        .append(".stats td,.stats th{padding:1px 4px;font-size:11px}.scroll{overflow-x:auto}")
        .append("td,.drift,.ok,.na{white-space:nowrap}td.reason{white-space:normal}")
        .append(".warn{background:#fff8e1;border-left:4px solid #f9a825;padding:6px 10px;")
        .append("margin:4px 0;font-size:13px}.legend span{display:inline-block;width:12px;")
        .append("height:12px;margin:0 4px 0 12px;vertical-align:middle}")
        .append("</style></head><body>\n");
    h.append("<h1>Drift report ")
        .append(headline(r.verdict()))
        .append("</h1>\n<p id=\"verdict\"><b>")
        .append(esc(r.verdict().summary()))
        .append("</b></p>\n<p class=\"muted\" id=\"rule\">Rule: ")
        .append(esc(r.verdict().rule()))
        .append(".</p>\n<p class=\"muted\" id=\"inputs\">baseline: ")
        .append(esc(r.baseline()))
        .append(" (")
        .append(r.baselineRows())
        .append(" rows) &middot; current: ")
        .append(esc(r.current()))
        .append(" (")
        .append(r.currentRows())
        .append(" rows) &middot; generated ")
        .append(generatedAt.truncatedTo(ChronoUnit.SECONDS))
        .append(" by andon drift</p>\n");
    List<QualityCheck> failed = r.quality().failed();
    if (!failed.isEmpty()) {
      h.append("<p><a href=\"#data-quality\">data quality: ")
          .append(failed.size())
          .append(" check")
          .append(failed.size() == 1 ? "" : "s")
          .append(" failed</a></p>\n");
    }
    summary(h, r);
    h.append(QualityReport.html(r.quality().checks()));
    Set<String> warnings = new LinkedHashSet<>(r.warnings());
    r.columns().forEach(c -> warnings.addAll(c.warnings()));
    if (!warnings.isEmpty()) {
      h.append("<h2>Warnings</h2>\n");
      for (String w : warnings) {
        h.append("<div class=\"warn\">").append(esc(w)).append("</div>\n");
      }
    }
    h.append("<h2>Columns</h2>\n<p class=\"legend\"><span style=\"background:")
        .append(HistogramSvg.BASE_COLOR)
        .append("\"></span>baseline<span style=\"background:")
        .append(HistogramSvg.CUR_COLOR)
        .append("\"></span>current (share of each side's values)</p>\n<div class=\"panels\">\n");
    for (ColumnDrift c : r.columnsByConcern()) {
      h.append("<div class=\"panel\" id=\"col-")
          .append(anchor(c.columnName()))
          .append("\"><h3>")
          .append(esc(c.columnName()))
          .append(" ")
          .append(badge(c))
          .append(
              c.psiBand()
                  .map(b -> " <span class=\"muted\">PSI band " + b.label() + "</span>")
                  .orElse(""))
          .append("</h3>")
          .append("<div class=\"muted\">rule: ")
          .append(esc(c.reason()))
          .append("</div>\n")
          .append(ColumnStatsHtml.table(r.quality(), c.columnName()));
      c.histogram()
          .ifPresentOrElse(
              hist -> h.append(HistogramSvg.render(hist)),
              () ->
                  h.append("<p class=\"muted\">no histogram: ")
                      .append(esc(c.skipped().orElse("no values")))
                      .append("</p>"));
      h.append("</div>\n");
    }
    h.append("</div>\n</body></html>\n");
    return h.toString();
  }

  /** The summary table, drifted columns first, with the rule that fired. */
  private static void summary(StringBuilder h, DriftReport r) {
    h.append("<h2>Summary</h2>\n<table id=\"summary\"><tr><th class=\"l\">column</th>")
        .append("<th class=\"l\">type</th><th class=\"l\">verdict</th><th>PSI</th>")
        .append("<th class=\"l\">PSI band</th><th>JS</th><th>Wasserstein (norm.)</th>")
        .append("<th>KS p</th><th>&chi;&sup2; p</th><th>null &Delta;</th>")
        .append("<th class=\"l\">rule</th></tr>\n");
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
          .append(c.ksTest().map(k -> fmtP(k.pvalue())).orElse("&ndash;"))
          .append("</td><td>")
          .append(c.chiSquaredTest().map(k -> fmtP(k.pvalue())).orElse("&ndash;"))
          .append("</td><td>")
          .append(String.format(Locale.ROOT, "%+.1f%%", 100 * c.percentNullDelta()))
          .append("</td><td class=\"l reason\">")
          .append(esc(c.reason()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
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
