package io.andon.engine;

import io.andon.job.Dag;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.store.RunUpdate;
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

  /**
   * Commits the run's {@code ending} at {@code end}, its units written already, tells the
   * listeners, and gives the outcome: with the units as committed for a fresh run, which wrote
   * every unit, its last write just now.
   */
  static Executor.Outcome commit(
      RunFacts facts,
      RunServices services,
      Unit[] units,
      Ending ending,
      long end,
      Listeners listeners) {
    services
        .store()
        .tx(
            c -> {
              services
                  .runs()
                  .updateRun(
                      c,
                      facts.runId(),
                      RunUpdate.ended(
                          LifeCycleState.TERMINATED, ending.result(), ending.message(), end));
              return null;
            });
    listeners.runFinished(ending.result().name(), ending.message().orElse(null));
    return new Executor.Outcome(
        facts.runId(),
        LifeCycleState.TERMINATED,
        ending.result(),
        ending.message().orElse(""),
        facts.repairId() == 0 ? Optional.of(records(units)) : Optional.empty());
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
