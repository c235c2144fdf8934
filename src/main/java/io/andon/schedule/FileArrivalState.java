package io.andon.schedule;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a file-arrival trigger remembers between two listings: whether the first listing (the
 * baseline, whose files never fire) was taken, the paths already seen (at the baseline or handed to
 * a fire), the new files waiting to be quiet, when one of them last appeared or changed, and when
 * the trigger last fired.
 */
public record FileArrivalState(
    boolean baselined,
    Set<String> seen,
    Map<String, FileSnapshot> pending,
    Optional<Instant> lastChange,
    Optional<Instant> lastFire) {
  public FileArrivalState {
    seen = Set.copyOf(Objects.requireNonNull(seen, "seen"));
    pending = Map.copyOf(Objects.requireNonNull(pending, "pending"));
    Objects.requireNonNull(lastChange, "lastChange");
    Objects.requireNonNull(lastFire, "lastFire");
  }

  /** A trigger that has not listed its folder yet. */
  public static FileArrivalState initial() {
    return new FileArrivalState(false, Set.of(), Map.of(), Optional.empty(), Optional.empty());
  }
}
