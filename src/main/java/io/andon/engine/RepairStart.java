package io.andon.engine;

import io.andon.error.InvalidInputException;
import io.andon.job.Dag;
import io.andon.job.JobSpec;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.TaskSpec;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.RunUpdate;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The start of a repair: checks that the run may be repaired (finished, not a child run, not being
 * repaired by another command), chooses the tasks to re-run (named, or every one that did not
 * succeed, with their dependents if asked, and any the definition added), and commits the repair
 * before the run's loop takes its units.
 */
final class RepairStart {
  /**
   * A repair committed: the run as it was, the parameters it runs with, its number, and the units
   * of the job, those to re-run pending, the others as the run left them.
   */
  record Begun(RunRecord run, Map<String, String> params, int repairId, Unit[] units) {}

  private final Store store;
  private final RunStore runs;
  private final Clock clock;

  RepairStart(Store store, RunStore runs, Clock clock) {
    this.store = store;
    this.runs = runs;
    this.clock = clock;
  }

  /** Run {@code runId} as stored; throws when there is none. */
  RunRecord stored(long runId) {
    return runs.find(runId).orElseThrow(() -> runs.noSuchRun(runId));
  }

  /** Begins a repair of {@code runId} with {@code job} as its definition. */
  Begun begin(
      long runId, Executor.RepairRequest request, JobSpec job, Map<String, String> overrides) {
    RunRecord run = stored(runId);
    LifeCycleState st = LifeCycleState.valueOf(run.state());
    if (!st.isFinal()) {
      throw run.repairCount() > 0
          ? beingRepaired(runId)
          : new InvalidInputException(
              "run "
                  + runId
                  + " is still in progress ("
                  + st
                  + "); wait"
                  + " for it to finish, or cancel it, before repairing it.");
    }
    if (run.parentRunId().isPresent()) {
      throw new InvalidInputException(
          "run "
              + runId
              + " is the child run of run "
              + run.parentRunId().get()
              + "; repair the parent run instead.");
    }
    Map<String, String> params = new java.util.LinkedHashMap<>(run.parameters());
    List<io.andon.store.RepairRecord> earlier = new io.andon.store.RunHistory(store).repairs(runId);
    if (!earlier.isEmpty()) {
      earlier.get(earlier.size() - 1).parameters().ifPresent(params::putAll);
    }
    RunAdmission.checkParameters(job, overrides.keySet());
    params.putAll(overrides);
    Dag dag = job.dag();
    Set<Integer> rerun = new LinkedHashSet<>();
    Map<String, TaskRecord> stored = new HashMap<>();
    run.tasks().forEach(t -> stored.put(t.taskKey(), t));
    if (request.allFailed()) {
      for (int i = 0; i < dag.size(); i++) {
        TaskRecord t = stored.get(dag.key(i));
        if (t == null
            || t.resultState().isEmpty()
            || !ResultState.valueOf(t.resultState().get()).countsAsSuccess()) {
          rerun.add(i);
        }
      }
      if (rerun.isEmpty()) {
        throw new InvalidInputException(
            "run "
                + runId
                + " has no failed task to re-run; name"
                + " tasks with --task KEY to re-run succeeded ones.");
      }
    } else {
      for (String k : request.tasks()) {
        int i =
            dag.indexOf(k)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "run "
                                + runId
                                + " (job "
                                + job.name()
                                + ") has no task '"
                                + k
                                + "'."
                                + io.andon.util.Strings.didYouMean(
                                    k, job.tasks().stream().map(TaskSpec::taskKey).toList())));
        rerun.add(i);
      }
    }
    for (int i = 0; i < dag.size(); i++) {
      if (!stored.containsKey(dag.key(i))) {
        rerun.add(i); // a task the definition added never ran
      }
    }
    if (request.dependents()) {
      for (int i : new ArrayList<>(rerun)) {
        boolean[] down = dag.downstreamClosure(i);
        for (int d = 0; d < down.length; d++) {
          if (down[d]) {
            rerun.add(d);
          }
        }
      }
    }
    int repairId = run.repairCount() + 1;
    long now = clock.millis();
    Unit[] units = new Unit[job.tasks().size()];
    List<String> rerunKeys = new ArrayList<>();
    for (int i = 0; i < units.length; i++) {
      units[i] =
          Unit.forRepair(
              i,
              job.tasks().get(i),
              Optional.ofNullable(stored.get(dag.key(i))),
              rerun.contains(i),
              repairId);
      if (rerun.contains(i)) {
        rerunKeys.add(units[i].taskKey());
      }
    }
    store.tx(
        c -> {
          // the write lock is held from here: a repair that started since the run was read wins
          try (java.sql.PreparedStatement ps =
              c.prepareStatement("SELECT state, repair_count FROM runs WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              if (rs.next()
                  && (!LifeCycleState.valueOf(rs.getString(1)).isFinal()
                      || rs.getInt(2) != run.repairCount())) {
                throw beingRepaired(runId);
              }
            }
          }
          runs.insertRepair(
              c,
              runId,
              repairId,
              now,
              Json.write(rerunKeys),
              job.source(),
              params,
              run.endTime().orElse(null));
          runs.updateRun(c, runId, RunUpdate.repairing(repairId, RunAdmission.owner()));
          for (String k : rerunKeys) {
            runs.deleteIterations(c, runId, k);
          }
          return null;
        });
    return new Begun(run, params, repairId, units);
  }

  private static InvalidInputException beingRepaired(long runId) {
    return new InvalidInputException(
        "run "
            + runId
            + " is being repaired by another andon"
            + " command; wait for it to finish (`andon runs show "
            + runId
            + "`), then repair again"
            + " if tasks still failed.");
  }
}
