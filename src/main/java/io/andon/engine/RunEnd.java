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
      all.add(units[i].result);
      if (dag.isLeaf(i)) {
        leaves.add(units[i].result);
      }
      if (units[i].result.isFailed()) {
        bad.add(units[i].taskKey + " " + units[i].result);
      }
    }
    return new Ending(
        RunIfRules.jobResult(all, leaves),
        bad.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", bad)));
  }

  /** The units as the store gives them back: what {@link Unit#write} committed last. */
  static List<TaskRecord> records(Unit[] units) {
    List<TaskRecord> out = new ArrayList<>(units.length);
    for (Unit u : units) {
      out.add(record(u));
    }
    return out;
  }

  private static TaskRecord record(Unit u) {
    List<TaskRecord> its = List.of();
    if (u.iterations != null) {
      its = new ArrayList<>(u.iterations.size());
      for (Unit it : u.iterations) {
        its.add(record(it));
      }
    }
    return new TaskRecord(
        u.taskKey,
        u.iteration,
        u.state.name(),
        Optional.ofNullable(u.result).map(Enum::name),
        Optional.ofNullable(u.outcome),
        u.attempts,
        Optional.ofNullable(u.startTime),
        Optional.ofNullable(u.endTime),
        u.values,
        Optional.ofNullable(u.message),
        Optional.ofNullable(u.input),
        Optional.ofNullable(u.pid),
        Optional.ofNullable(u.pidStart),
        u.repairId,
        its);
  }
}
