package io.andon.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans the next fire of a cron schedule or a periodic trigger from the last fire committed to the
 * store, over an injected clock. Pure: no threads, no sleeping, no state.
 *
 * <p>The fire that follows the last committed one is planned even when its time has come while the
 * caller slept (a service that wakes a few milliseconds late still fires it). A fire whose time
 * passed while nothing ran, that is one already past when planning starts, is not caught up (as in
 * Databricks): the next fire at or after now is planned instead, and the skipped one is reported in
 * {@link PlannedFire#firstMissed()}.
 */
public final class FirePlanner {
  private final Clock clock;

  public FirePlanner(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The next fire of {@code schedule}, or empty when it is paused or its cron never fires again.
   * With no fire committed yet, the first cron time at or after now.
   */
  public Optional<PlannedFire> next(CronSchedule schedule, Optional<Instant> lastFire) {
    if (!schedule.pauseStatus().fires()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<Instant> following =
        lastFire.isPresent()
            ? schedule.nextFireAfter(lastFire.get())
            : schedule.firstFireAtOrAfter(now);
    if (following.isEmpty() || !following.get().isBefore(now)) {
      return following.map(at -> new PlannedFire(at, Optional.empty()));
    }
    Instant from = lastFire.get().plus(CronSchedule.MIN_GAP);
    return schedule
        .firstFireAtOrAfter(from.isAfter(now) ? from : now)
        .map(at -> new PlannedFire(at, following));
  }

  /**
   * The next fire of {@code trigger}, or empty when it is paused. Fires keep the phase of the last
   * committed one (every period after it); with none committed yet, the first fire is one period
   * after {@code armedAt}, the instant the trigger was first seen unpaused; fires missed since are
   * skipped as above.
   */
  public Optional<PlannedFire> next(
      PeriodicTrigger trigger, Optional<Instant> lastFire, Instant armedAt) {
    if (!trigger.pauseStatus().fires()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Instant anchor = lastFire.orElse(armedAt);
    Instant following = trigger.nextFireAfter(anchor);
    if (!following.isBefore(now)) {
      return Optional.of(new PlannedFire(following, Optional.empty()));
    }
    Duration period = trigger.period();
    long periods = Duration.between(anchor, now).toMillis() / period.toMillis();
    Instant at = anchor.plus(period.multipliedBy(periods));
    if (at.isBefore(now)) {
      at = at.plus(period);
    }
    return Optional.of(new PlannedFire(at, Optional.of(following)));
  }
}
