package io.andon.schedule;

import java.time.Duration;

/** The units of a periodic trigger, as the Jobs API names them; each a fixed length of time. */
public enum PeriodicUnit {
  HOURS(Duration.ofHours(1)),
  DAYS(Duration.ofDays(1)),
  WEEKS(Duration.ofDays(7));

  private final Duration length;

  PeriodicUnit(Duration length) {
    this.length = length;
  }

  /** One unit as a duration: 1 hour, 24 hours or 7 times 24 hours, whatever the time zone. */
  public Duration length() {
    return length;
  }
}
