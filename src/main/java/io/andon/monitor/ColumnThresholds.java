package io.andon.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses thresholds of single columns written {@code COL:METRIC=X} on the command line. */
public final class ColumnThresholds {
  private ColumnThresholds() {}

  /**
   * The thresholds per column: each column starts from {@code base} and gets the metrics named for
   * it. Throws IllegalArgumentException naming the faulty item.
   */
  public static Map<String, DriftOptions.Thresholds> parse(
      List<String> items, DriftOptions.Thresholds base) {
    Map<String, DriftOptions.Thresholds> out = new LinkedHashMap<>();
    for (String item : items) {
      int colon = item.lastIndexOf(':');
      int eq = item.indexOf('=', Math.max(colon, 0));
      if (colon <= 0 || eq < colon + 2 || eq == item.length() - 1) {
        throw new IllegalArgumentException(
            "--column-threshold '"
                + item
                + "' is not"
                + " COL:METRIC=X, e.g. age:population_stability_index=0.1");
      }
      String col = item.substring(0, colon).strip();
      String metric = item.substring(colon + 1, eq).strip();
      double v;
      try {
        v = Double.parseDouble(item.substring(eq + 1).strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--column-threshold '" + item + "': '" + item.substring(eq + 1) + "' is not a number");
      }
      out.put(col, out.getOrDefault(col, base).with(metric, v));
    }
    return out;
  }
}
