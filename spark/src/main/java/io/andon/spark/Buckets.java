package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorSpec.Granularity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time windows of a granularity in Spark SQL, cut as DuckDB's {@code time_bucket} cuts them
 * (UTC): widths in minutes, hours, days and weeks from 2000-01-03 (a Monday), months and years from
 * 2000-01-01.
 */
final class Buckets {
  private static final Pattern INTERVAL =
      Pattern.compile("(\\d+) (minute|hour|day|week|month|year)s?");
  private static final long ORIGIN_MICROS = 946_857_600_000_000L; // 2000-01-03T00:00:00Z

  private final long n;
  private final String unit;

  Buckets(Granularity g) {
    Matcher m = INTERVAL.matcher(g.interval().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidInputException(
          "granularity '"
              + g.text()
              + "' is not one the spark engine can cut; write N minutes,"
              + " hours, days, weeks, months or years.");
    }
    this.n = Long.parseLong(m.group(1));
    this.unit = m.group(2);
  }

  /** The SQL of a window's start, a TIMESTAMP, from {@code ts}, a TIMESTAMP column. */
  String startSql(String ts) {
    if (unit.equals("month") || unit.equals("year")) {
      long months = unit.equals("year") ? 12 * n : n;
      String m = "((year(" + ts + ") - 2000) * 12 + month(" + ts + ") - 1)";
      String b = "(" + m + " - pmod(" + m + ", " + months + "))";
      return "make_timestamp(2000 + floor(" + b + " / 12), pmod(" + b + ", 12) + 1, 1, 0, 0, 0)";
    }
    long width = micros();
    String us = "unix_micros(" + ts + ")";
    return "timestamp_micros("
        + us
        + " - pmod("
        + us
        + " - "
        + ORIGIN_MICROS
        + "L, "
        + width
        + "L))";
  }

  /** The end of the window that starts at {@code start}. */
  Instant end(Instant start) {
    return switch (unit) {
      case "month" -> start.atZone(ZoneOffset.UTC).plusMonths(n).toInstant();
      case "year" -> start.atZone(ZoneOffset.UTC).plusYears(n).toInstant();
      default -> start.plusNanos(micros() * 1000);
    };
  }

  private long micros() {
    long unitMicros =
        switch (unit) {
          case "minute" -> 60_000_000L;
          case "hour" -> 3_600_000_000L;
          case "day" -> 86_400_000_000L;
          default -> 7 * 86_400_000_000L;
        };
    return n * unitMicros;
  }
}
