package io.andon.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** {@code trigger.periodic}: a fire every {@code interval} {@code unit}s after the last one. */
public record PeriodicTrigger(int interval, PeriodicUnit unit, PauseStatus pauseStatus)
    implements JobTrigger {
  public PeriodicTrigger {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(pauseStatus, "pauseStatus");
    if (interval <= 0) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
  }

  /** The time between two fires. */
  public Duration period() {
    return unit.length().multipliedBy(interval);
  }

  /** The fire that follows a fire at {@code previousFire}. */
  public Instant nextFireAfter(Instant previousFire) {
    return previousFire.plus(period());
  }

  @Override
  public String triggerType() {
    return "PERIODIC";
  }
}
