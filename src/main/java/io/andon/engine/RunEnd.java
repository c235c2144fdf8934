package io.andon.engine;

import io.andon.job.Dag;
import io.andon.job.ResultState;
import io.andon.store.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a run ends once its every task has: its result and message, and its tasks as stored. */
final class RunEnd {
  /** The run's result, and what to say about it (empty: nothing). */
  record Ending(ResultState result, Optional<String> message) {}

  private RunEnd() {}

  /**
   * The result of a run whose units have all finished: as the job's rules give it (see {@link
   * RunIfRules#jobResult}), or as it was stopped.
   */
  static Ending of(Unit[] units, Dag dag, Optional<LoopEvent.Cancel> stopped) {
    if (stopped.isPresent()) {
      return new Ending(stopped.get().as(), Optional.of(stopped.get().why()));
    }
    List<ResultState> all = new ArrayList<>();
    List<ResultState> leaves = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (int i = 0; i < units.length; i++) {
      ResultState r = units[i].result().orElseThrow();
      all.add(r);
      if (dag.isLeaf(i)) {
        leaves.add(r);
      }
      if (r.isFailed()) {
        bad.add(units[i].taskKey() + " " + r);
      }
    }
    return new Ending(
        RunIfRules.jobResult(all, leaves),
        bad.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", bad)));
  }

  /** The units as the store gives them back: what {@link Unit#takeWrite} committed last. */
  static List<TaskRecord> records(Unit[] units) {
    List<TaskRecord> out = new ArrayList<>(units.length);
    for (Unit u : units) {
      out.add(u.record());
    }
    return out;
  }
}
