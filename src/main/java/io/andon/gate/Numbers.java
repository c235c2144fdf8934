package io.andon.gate;

import java.math.BigDecimal;

/** Number formatting shared by the reports. */
final class Numbers {
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
}
