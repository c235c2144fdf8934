package io.andon.schedule.service;

import io.andon.error.InvalidInputException;
import io.andon.util.Strings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The slots of the jobs the schedule service fires, by job name, in the order the jobs were given;
 * read and written only under the service's lock.
 */
final class Slots {
  /** A job that is new ({@code old} empty) or changed since the last update. */
  record Change(ScheduledJob job, Optional<Slot> old) {}

  private final Map<String, Slot> byName = new LinkedHashMap<>();

  /**
   * Makes {@code jobs} the jobs held: the slots of the jobs missing from it are dropped, their
   * timers canceled. Returns the jobs that are new or changed, for the service to give each a slot
   * of its own; an unchanged job keeps its slot.
   *
   * @throws InvalidInputException when two jobs have the same name (nothing changes then)
   */
  List<Change> update(Collection<ScheduledJob> jobs) {
    Map<String, ScheduledJob> next = new LinkedHashMap<>();
    for (ScheduledJob job : jobs) {
      if (next.put(job.name(), job) != null) {
        throw new InvalidInputException(
            "two jobs are named '"
                + job.name()
                + "'; the service"
                + " tells jobs and their runs apart by name: rename one of them.");
      }
    }
    byName
        .entrySet()
        .removeIf(
            e -> {
              boolean gone = !next.containsKey(e.getKey());
              if (gone) {
                e.getValue().cancelTimers();
              }
              return gone;
            });
    List<Change> changes = new ArrayList<>();
    for (ScheduledJob job : next.values()) {
      Optional<Slot> old = Optional.ofNullable(byName.get(job.name()));
      if (old.isEmpty() || !old.get().job.equals(job)) {
        changes.add(new Change(job, old));
      }
    }
    return changes;
  }

  /** Holds {@code slot} for its job, in place of the one it had. */
  void put(Slot slot) {
    byName.put(slot.job.name(), slot);
  }

  Optional<Slot> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The slot of job {@code name}.
   *
   * @throws InvalidInputException naming the jobs held when there is none
   */
  Slot require(String name) {
    Slot slot = byName.get(name);
    if (slot == null) {
      throw new InvalidInputException(
          "no job named '"
              + name
              + "' with a schedule or trigger is"
              + " loaded."
              + Strings.didYouMean(name, byName.keySet()));
    }
    return slot;
  }

  /** The slot now held for {@code slot}'s job: {@code slot}, unless the job changed since. */
  Slot current(Slot slot) {
    return byName.getOrDefault(slot.job.name(), slot);
  }

  /** Whether {@code slot} is still the one held for its job. */
  boolean holds(Slot slot) {
    return byName.get(slot.job.name()) == slot;
  }

  Collection<Slot> all() {
    return byName.values();
  }
}
