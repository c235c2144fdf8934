package io.andon.monitor.report;

import static io.andon.monitor.report.HtmlReport.esc;

import io.andon.monitor.Histogram;
import java.util.Locale;

/**
 * A histogram of both sides as inline SVG: the two sides' bars side by side in each bin (so their
 * colours never blend), each outlined, shares of each side's values on the y axis, and x labels
 * rotated with the room they need, never cut. The axis kind (log bins, integers) is stated under
 * the plot.
 */
final class HistogramSvg {
  static final String BASE_COLOR = "#4c78a8";
  static final String CUR_COLOR = "#f58518";
  private static final int WIDTH = 540;
  private static final int MAX_LABEL = 40;
  private static final double CHAR_W = 5.6;

  private HistogramSvg() {}

  static String render(Histogram hist) {
    int n = hist.labels().size();
    int longest = 1;
    for (String l : hist.labels()) {
      longest = Math.max(longest, Math.min(MAX_LABEL, l.length()));
    }
    // labels rotated by 45 degrees: they reach down and left by about 0.71 of their length
    double reach = longest * CHAR_W * 0.71;
    int left = (int) Math.max(48, reach + 6);
    int bottom = (int) (reach + 24);
    int top = 8;
    int plotH = 170;
    int ht = top + plotH + bottom;
    double[] pb = shares(hist.baseline());
    double[] pc = shares(hist.current());
    double max = 0;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(pb[i], pc[i]));
    }
    if (max == 0) {
      max = 1;
    }
    double plotW = WIDTH - left - 8;
    double bw = plotW / n;
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\""
                + " aria-label=\"histogram of baseline and current\">",
            WIDTH,
            ht));
    for (int t = 0; t <= 4; t++) {
      double y = top + plotH - plotH * t / 4.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#666\">%.1f%%"
                  + "</text><line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>",
              left - 4,
              y + 3,
              max * t / 4 * 100,
              left,
              y,
              WIDTH - 8,
              y));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
            left,
            top + plotH,
            WIDTH - 8,
            top + plotH));
    boolean cat = hist.axis() == Histogram.Axis.CATEGORIES;
    int every = cat ? 1 : (int) Math.ceil(n / 10.0);
    for (int i = 0; i < n; i++) {
      double x = left + i * bw;
      double hb = plotH * pb[i] / max;
      double hc = plotH * pc[i] / max;
      double gap = Math.min(2, bw * 0.1);
      double half = (bw - 2 * gap) / 2;
      s.append(rect(x + gap, top + plotH - hb, half, hb, BASE_COLOR, "#2b4a6f"));
      s.append(rect(x + gap + half, top + plotH - hc, half, hc, CUR_COLOR, "#a65400"));
      if (i % every == 0) {
        String label = hist.labels().get(i);
        String shown =
            label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "\u2026" : label;
        double lx = cat ? x + bw / 2 : x;
        double ly = top + plotH + 12;
        s.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#444\" text-anchor=\"end\""
                    + " transform=\"rotate(-45 %.1f %.1f)\"><title>%s</title>%s</text>",
                lx,
                ly,
                lx,
                ly,
                esc(label),
                esc(shown)));
      }
    }
    s.append("</svg>");
    String note =
        switch (hist.axis()) {
          case LOG -> "x: log scale (a long right tail); labels are the lower edges of the bins";
          case INTEGER -> "x: whole numbers; labels are the lower edges of the bins";
          case LINEAR -> "x: labels are the lower edges of the bins";
          case CATEGORIES -> "x: the most frequent categories of both sides";
        };
    return s + "<div class=\"muted axis\">" + note + "</div>";
  }

  private static String rect(double x, double y, double w, double h, String fill, String line) {
    return String.format(
        Locale.ROOT,
        "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\" stroke=\"%s\""
            + " stroke-width=\"0.6\"/>",
        x,
        y,
        Math.max(0, w),
        h,
        fill,
        line);
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
}
