package io.andon.cli;

import io.andon.store.RepairRecord;
import io.andon.store.RunRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long a run took: its first attempt's wall time plus each repair's, never the time from its
 * first start to its last repair's end (which counts the hours between them).
 *
 * @param firstAttempt the first attempt, from the run's start to its end before any repair
 * @param repairs each repair's wall time, in order; empty while a repair is running
 */
record Durations(Optional<Duration> firstAttempt, List<Optional<Duration>> repairs) {
  Durations {
    repairs = List.copyOf(repairs);
  }

  static Durations of(RunRecord run, List<RepairRecord> repairs) {
    if (repairs.isEmpty()) {
      return new Durations(
          run.endTime().map(e -> Duration.ofMillis(e - run.startTime())), List.of());
    }
    Optional<Duration> first =
        repairs.get(0).runEndBefore().map(e -> Duration.ofMillis(e - run.startTime()));
    List<Optional<Duration>> each = new ArrayList<>();
    for (RepairRecord r : repairs) {
      each.add(r.durationMillis().map(Duration::ofMillis));
    }
    return new Durations(first, each);
  }

  /** The sum, when every part has ended and is known. */
  Optional<Duration> total() {
    Optional<Duration> sum = firstAttempt;
    for (Optional<Duration> r : repairs) {
      sum = sum.flatMap(s -> r.map(s::plus));
    }
    return sum;
  }

  /** "1 repair", "3 repairs", or "-" for none. */
  static String repairs(int count) {
    return count == 0 ? "-" : count == 1 ? "1 repair" : count + " repairs";
  }
}
