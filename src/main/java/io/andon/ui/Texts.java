package io.andon.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Numbers and times as the result pages write them. */
public final class Texts {
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Texts() {}

  /** 4 significant digits (0.2627, 1575, 2.5e-92), or a dash when there is no number. */
  public static String num(OptionalDouble v) {
    if (v.isEmpty()) {
      return "—";
    }
    double d = v.getAsDouble();
    if (d == 0) {
      return "0";
    }
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e6) {
      String s = String.format(Locale.ROOT, "%.4g", d);
      return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
    return String.format(Locale.ROOT, "%.2g", d);
  }

  /** A share as a percentage with one decimal: 0.1234 is 12.3%. */
  public static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  /** A time in UTC, to the second. */
  public static String at(Instant i) {
    return AT.format(i);
  }
}
