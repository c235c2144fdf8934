package io.andon.ui;

import java.util.Locale;

/**
 * A small line chart of durations drawn on the server as the points of an SVG polyline in a 100 x
 * 20 box, so that a page with a thousand of them needs no script.
 */
public final class Sparkline {
  static final int WIDTH = 100;
  static final int HEIGHT = 20;

  private Sparkline() {}

  /** The polyline points of {@code values} (0: no value, skipped); empty with fewer than two. */
  public static String points(long[] values) {
    long max = 0;
    int n = 0;
    for (long v : values) {
      max = Math.max(max, v);
      n += v > 0 ? 1 : 0;
    }
    if (n < 2) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    double step = values.length > 1 ? (double) WIDTH / (values.length - 1) : 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] > 0) {
        double y = HEIGHT - 1 - (HEIGHT - 2) * (double) values[i] / max;
        sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * step, y));
      }
    }
    return sb.toString().strip();
  }

  /** The chart in words, for screen readers and the tooltip: "3 runs, 1.2 s to 4.0 s". */
  public static String label(long[] values) {
    long min = Long.MAX_VALUE;
    long max = 0;
    int n = 0;
    for (long v : values) {
      if (v > 0) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        n++;
      }
    }
    if (n == 0) {
      return "no durations";
    }
    return "durations of "
        + n
        + " run"
        + (n == 1 ? "" : "s")
        + ": "
        + RunText.duration(min)
        + (n > 1 ? " to " + RunText.duration(max) : "");
  }
}
