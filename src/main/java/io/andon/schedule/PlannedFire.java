package io.andon.schedule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The next fire of a schedule or periodic trigger. {@code firstMissed} is the earliest fire that
 * fell due while nothing ran and was skipped (not caught up), when there was one.
 */
public record PlannedFire(Instant at, Optional<Instant> firstMissed) {
  public PlannedFire {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(firstMissed, "firstMissed");
  }

  /** True when the fire is due at {@code now}. */
  public boolean isDueAt(Instant now) {
    return !at.isAfter(now);
  }
}
