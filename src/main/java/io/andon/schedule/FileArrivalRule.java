package io.andon.schedule;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a file-arrival trigger fires, as a pure function of a listing. The first listing is a
 * baseline: the files already there never fire. A file is new when its path was not in the previous
 * listings (a deleted file that comes back is new again). The trigger fires once new files are
 * quiet, no new file having appeared or changed size or modification time for {@code
 * wait_after_last_change_seconds}, and no sooner than {@code min_time_between_triggers_seconds}
 * after its last fire. One fire takes every new file; a paused trigger keeps its state and fires
 * for the files that came meanwhile once resumed.
 */
public final class FileArrivalRule {
  private FileArrivalRule() {}

  /** The decision for {@code listing}, taken at {@code now}. */
  public static FileArrivalDecision decide(
      FileArrivalTrigger trigger, FileArrivalState state, List<FileSnapshot> listing, Instant now) {
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(listing, "listing");
    Objects.requireNonNull(now, "now");
    if (!trigger.pauseStatus().fires()) {
      return new FileArrivalDecision.Wait(Optional.empty(), state);
    }
    Set<String> present = new HashSet<>();
    listing.forEach(f -> present.add(f.path()));
    Set<String> seen = new HashSet<>(state.seen());
    seen.retainAll(present);
    if (!state.baselined()) {
      return new FileArrivalDecision.Wait(
          Optional.empty(),
          new FileArrivalState(true, present, Map.of(), Optional.empty(), state.lastFire()));
    }
    Map<String, FileSnapshot> pending = new HashMap<>();
    Optional<Instant> lastChange = state.lastChange();
    for (FileSnapshot file : listing) {
      if (!seen.contains(file.path())) {
        pending.put(file.path(), file);
        if (!file.equals(state.pending().get(file.path()))) {
          lastChange = Optional.of(now);
        }
      }
    }
    if (pending.isEmpty()) {
      return new FileArrivalDecision.Wait(
          Optional.empty(),
          new FileArrivalState(true, seen, Map.of(), Optional.empty(), state.lastFire()));
    }
    Instant dueAt = lastChange.orElse(now).plus(trigger.waitAfterLastChange());
    if (state.lastFire().isPresent()) {
      Instant allowed = state.lastFire().get().plus(trigger.minTimeBetweenTriggers());
      dueAt = allowed.isAfter(dueAt) ? allowed : dueAt;
    }
    if (dueAt.isAfter(now)) {
      return new FileArrivalDecision.Wait(
          Optional.of(dueAt),
          new FileArrivalState(true, seen, pending, lastChange, state.lastFire()));
    }
    seen.addAll(pending.keySet());
    List<FileSnapshot> files =
        pending.values().stream().sorted(Comparator.comparing(FileSnapshot::path)).toList();
    return new FileArrivalDecision.Fire(
        files, new FileArrivalState(true, seen, Map.of(), Optional.empty(), Optional.of(now)));
  }
}
