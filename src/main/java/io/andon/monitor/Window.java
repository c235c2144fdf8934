package io.andon.monitor;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One time window of a monitor: rows with {@code start <= timestamp < end}, in UTC. A snapshot's
 * one window starts and ends at the run's time.
 */
public record Window(Instant start, Instant end) {
  public Window {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** The SQL predicate that keeps this window's rows of {@code timestampColumn}. */
  String where(String timestampColumn) {
    return timestampColumn
        + " >= "
        + literal(start)
        + " AND "
        + timestampColumn
        + " < "
        + literal(end);
  }

  private static String literal(Instant i) {
    return "TIMESTAMP '"
        + LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString().replace('T', ' ')
        + "'";
  }
}
