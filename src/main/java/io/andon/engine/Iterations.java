package io.andon.engine;

import java.util.List;
import java.util.Optional;

/**
 * The iterations of a for_each task that expanded, and how far they got: the next to make ready,
 * how many are active (at most the task's concurrency) and how many ended. Owned, as its task, by
 * the scheduling thread.
 */
final class Iterations {
  private final List<Unit> units;
  private int next;
  private int active;
  private int finished;

  Iterations(List<Unit> units) {
    this.units = List.copyOf(units);
  }

  /** Every iteration, in order. */
  List<Unit> all() {
    return units;
  }

  /** The next iteration to make ready, while fewer than {@code concurrency} are active. */
  Optional<Unit> next(int concurrency) {
    if (next >= units.size() || active >= concurrency) {
      return Optional.empty();
    }
    active++;
    return Optional.of(units.get(next++));
  }

  /** One iteration ended: whether they all have. */
  boolean ended() {
    active--;
    finished++;
    return finished >= units.size();
  }
}
