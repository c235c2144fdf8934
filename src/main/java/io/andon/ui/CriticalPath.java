package io.andon.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The critical path of a run: the chain of tasks that made it as long as it was. From the task that
 * ended last, each step goes back to the dependency that ended last (the one it waited for), until
 * a task that waited for none. Each task's share is its own duration over the run's.
 */
public final class CriticalPath {
  /** A task's times and what it depends on. */
  public record Timed(String key, Optional<Long> start, Optional<Long> end, List<String> deps) {}

  /** A task on the path with its share of the run's time (0 to 1). */
  public record Step(String key, long durationMs, double share) {}

  private CriticalPath() {}

  /**
   * The path through {@code tasks} (by key), first task first, for a run that took {@code runMs}.
   */
  public static List<Step> of(Map<String, Timed> tasks, long runMs) {
    Optional<Timed> last =
        tasks.values().stream()
            .filter(t -> t.end().isPresent() && t.start().isPresent())
            .max(java.util.Comparator.comparingLong(t -> t.end().get()));
    List<Step> path = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    Optional<Timed> at = last;
    while (at.isPresent() && seen.add(at.get().key())) {
      Timed t = at.get();
      long took = t.end().get() - t.start().get();
      path.add(new Step(t.key(), took, runMs > 0 ? Math.min(1.0, (double) took / runMs) : 0));
      at =
          t.deps().stream()
              .map(tasks::get)
              .filter(d -> d != null && d.end().isPresent() && d.start().isPresent())
              .max(java.util.Comparator.comparingLong(d -> d.end().get()));
    }
    Collections.reverse(path);
    return List.copyOf(path);
  }
}
