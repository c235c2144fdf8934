package io.andon.monitor.report;

import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.report.HtmlReport.esc;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A line chart over windows as inline SVG: one or more series, an optional threshold drawn as a
 * dashed red line, y ticks, and a time axis with up to five labelled window starts and its title.
 */
final class LineChartSvg {
  /** One line of the chart. */
  record Series(String name, String color, List<Double> values) {}

  private static final int W = 440;
  private static final int HT = 180;
  private static final int LEFT = 54;
  private static final int TOP = 30;
  private static final int BOTTOM = 44;

  private LineChartSvg() {}

  static String render(
      String title, List<String> labels, List<Series> series, OptionalDouble threshold) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.values()) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    StringBuilder s = new StringBuilder();
    s.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
                W,
                HT))
        .append("<text x=\"4\" y=\"12\" font-size=\"11\" fill=\"#222\">")
        .append(esc(title))
        .append("</text>");
    double lx = 4;
    for (Series x : series) {
      s.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.0f\" y=\"17\" width=\"10\" height=\"3\" fill=\"%s\"/>"
                  + "<text x=\"%.0f\" y=\"22\" font-size=\"9\" fill=\"#444\">%s</text>",
              lx,
              x.color(),
              lx + 13,
              esc(x.name())));
      lx += 20 + x.name().length() * 5.2;
    }
    if (lo > hi) {
      return s.append(
              "<text x=\"60\" y=\"90\" font-size=\"11\" fill=\"#888\">no values</text></svg>")
          .toString();
    }
    if (threshold.isPresent()) {
      lo = Math.min(lo, threshold.getAsDouble());
      hi = Math.max(hi, threshold.getAsDouble());
      lo = Math.min(lo, 0);
    }
    if (hi == lo && lo == 0) {
      hi = 1;
    } else if (hi == lo) {
      double pad = Math.abs(lo) * 0.1;
      hi = lo + pad;
      lo = lo - pad;
    }
    double plotW = W - LEFT - 12;
    double plotH = HT - TOP - BOTTOM;
    for (int t = 0; t <= 3; t++) {
      double v = lo + (hi - lo) * t / 3;
      double y = TOP + plotH - plotH * t / 3;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"9\" fill=\"#666\" text-anchor=\"end\">%s"
                  + "</text><line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eee\"/>",
              LEFT - 4,
              y + 3,
              fmt(v),
              LEFT,
              y,
              LEFT + plotW,
              y));
    }
    if (threshold.isPresent()) {
      double y = TOP + plotH - plotH * (threshold.getAsDouble() - lo) / (hi - lo);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#c0392b\""
                  + " stroke-dasharray=\"4 3\" class=\"threshold\"/><text x=\"%.0f\" y=\"%.1f\""
                  + " font-size=\"9\" fill=\"#c0392b\" text-anchor=\"end\">threshold %s</text>",
              LEFT,
              y,
              LEFT + plotW,
              y,
              LEFT + plotW,
              y - 3,
              fmt(threshold.getAsDouble())));
    }
    int n = labels.size();
    for (Series x : series) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < n && i < x.values().size(); i++) {
        double v = x.values().get(i);
        if (!Double.isFinite(v)) {
          continue;
        }
        double px = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
        double py = TOP + plotH - plotH * (v - lo) / (hi - lo);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s: %s</title></circle>",
                px,
                py,
                x.color(),
                esc(labels.get(i)),
                fmt(v)));
      }
      s.append("<polyline fill=\"none\" stroke=\"")
          .append(x.color())
          .append("\" stroke-width=\"1.5\" points=\"")
          .append(pts)
          .append("\"/>");
    }
    int ticks = Math.min(n, 5);
    for (int t = 0; t < ticks; t++) {
      int i = ticks == 1 ? 0 : Math.round((float) t * (n - 1) / (ticks - 1));
      double px = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#999\"/>"
                  + "<text x=\"%.1f\" y=\"%.0f\" font-size=\"9\" fill=\"#444\" text-anchor=\"%s\">%s</text>",
              px,
              TOP + plotH,
              px,
              TOP + plotH + 4,
              px,
              TOP + plotH + 15,
              t == 0 && ticks > 1 ? "start" : t == ticks - 1 && ticks > 1 ? "end" : "middle",
              esc(short_(labels.get(i)))));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.0f\" y=\"%d\" font-size=\"9\" fill=\"#666\" text-anchor=\"middle\">"
                + "window start (UTC)</text>",
            LEFT + plotW / 2,
            HT - 6));
    return s.append("</svg>").toString();
  }

  /** "2026-01-03" for a window at midnight, "2026-01-03 14:00" otherwise. */
  private static String short_(String label) {
    if (label.length() >= 20 && label.charAt(10) == 'T') {
      String time = label.substring(11, 16);
      return time.equals("00:00") ? label.substring(0, 10) : label.substring(0, 10) + " " + time;
    }
    return label;
  }
}
