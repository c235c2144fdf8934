package io.andon.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code schedule}: a Quartz cron in a time zone. Like Databricks, it never fires more often than
 * every {@link #MIN_GAP}: a fire closer than that to the previous one is skipped, so {@code * * * *
 * * ?} fires every 10 seconds (clamped, not refused).
 */
public record CronSchedule(QuartzCron cron, PauseStatus pauseStatus) implements JobTrigger {
  /** The shortest time between two fires of one schedule. */
  public static final Duration MIN_GAP = Duration.ofSeconds(10);

  public CronSchedule {
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(pauseStatus, "pauseStatus");
  }

  /** The first cron time at or after {@code instant}; empty when the cron never fires again. */
  public Optional<Instant> firstFireAtOrAfter(Instant instant) {
    return cron.firstFireAtOrAfter(instant);
  }

  /** The fire that follows a fire at {@code previousFire}: the first cron time 10 s or more on. */
  public Optional<Instant> nextFireAfter(Instant previousFire) {
    return cron.firstFireAtOrAfter(previousFire.plus(MIN_GAP));
  }

  @Override
  public String triggerType() {
    return "PERIODIC";
  }
}
