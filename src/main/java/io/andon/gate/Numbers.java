package io.andon.gate;

import java.math.BigDecimal;

/** Number formatting shared by the reports. */
public final class Numbers {
  private Numbers() {}

  /** Shortest text that reads back to the same double: 0.95, 100, 1.0E-9, NaN, Infinity. */
  static String format(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    if (s.contains("E")) {
      return s;
    }
    return new BigDecimal(s).stripTrailingZeros().toPlainString();
  }

  /**
   * A measured value for people: four significant digits (0.7085, 79.8, 0.05197), more when four
   * would read as equal to a threshold the value differs from, and the full text when that is
   * shorter (132, 2.5E-92). Reports for programs keep {@link #format}.
   */
  public static String shown(double v, double... thresholds) {
    String full = format(v);
    if (!Double.isFinite(v) || v == Math.rint(v)) {
      return full;
    }
    for (int digits = 4; digits < 17; digits++) {
      BigDecimal r = new BigDecimal(v).round(new java.math.MathContext(digits));
      boolean clash = false;
      for (double t : thresholds) {
        clash |= v != t && Double.isFinite(t) && r.compareTo(BigDecimal.valueOf(t)) == 0;
      }
      if (!clash) {
        String s = r.stripTrailingZeros().toPlainString();
        return s.length() < full.length() ? s : full;
      }
    }
    return full;
  }
}
