package io.andon.engine;

import io.andon.engine.RunIfRules.Decision;
import io.andon.engine.RunIfRules.DepView;
import io.andon.job.ConditionTask;
import io.andon.job.Dag;
import io.andon.job.Dependency;
import io.andon.job.ForEachTask;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.RunIf;
import io.andon.job.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What becomes of a top-level task once its dependencies have finished: it runs, or it ends without
 * running as its {@code run_if} rule ({@link RunIfRules}) says; a condition task is evaluated here
 * and then, a for_each task expands. On the scheduling thread only.
 */
final class Decisions {
  private final LoopActions loop;
  private final Unit[] units;
  private final Dag dag;
  private final ForEachTasks forEach;

  Decisions(LoopActions loop, Unit[] units, Dag dag, ForEachTasks forEach) {
    this.loop = loop;
    this.units = units;
    this.dag = dag;
    this.forEach = forEach;
  }

  /** All dependencies of the top-level task {@code u} have finished: run it, or end it. */
  void decide(Unit u) {
    if (!u.decideOnce()) {
      return;
    }
    TaskSpec t = u.spec();
    List<DepView> deps = new ArrayList<>(t.dependsOn().size());
    for (Dependency d : t.dependsOn()) {
      Unit up = units[dag.indexOf(d.taskKey()).orElseThrow()];
      deps.add(
          RunIfRules.view(
              up.result().orElse(null), up.outcome().orElse(null), d.outcome().orElse(null)));
    }
    Decision decision = RunIfRules.decide(t.runIf(), deps);
    if (loop.stopping().isPresent() && decision == Decision.RUN && t.runIf() != RunIf.ALL_DONE) {
      loop.end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, loop.stopping().get().why());
      return;
    }
    switch (decision) {
      case EXCLUDED -> loop.end(u, LifeCycleState.SKIPPED, ResultState.EXCLUDED, excludedWhy(t));
      case UPSTREAM_FAILED ->
          loop.end(
              u,
              LifeCycleState.SKIPPED,
              ResultState.UPSTREAM_FAILED,
              "not run: run_if " + t.runIf() + " and an upstream task failed");
      case UPSTREAM_CANCELED ->
          loop.end(
              u,
              LifeCycleState.SKIPPED,
              ResultState.UPSTREAM_CANCELED,
              "not run: an upstream task was canceled");
      case RUN -> start(u);
    }
  }

  private String excludedWhy(TaskSpec t) {
    List<String> why = new ArrayList<>();
    for (Dependency d : t.dependsOn()) {
      Unit up = units[dag.indexOf(d.taskKey()).orElseThrow()];
      Optional<String> was = up.outcome();
      if (d.outcome().isPresent() && was.isPresent() && !d.outcome().equals(was)) {
        why.add(up.taskKey() + " was " + was.get() + ", this branch needs " + d.outcome().get());
      } else if (up.result().filter(ResultState::isSkipped).isPresent()) {
        why.add(up.taskKey() + " was " + up.result().get());
      }
    }
    if (why.size() == t.dependsOn().size() && !why.isEmpty()) {
      return "not run: " + String.join("; ", why);
    }
    return "not run: run_if " + t.runIf() + " and no upstream task failed";
  }

  private void start(Unit u) {
    TaskSpec t = u.spec();
    if (t.disabled()) {
      loop.end(u, LifeCycleState.SKIPPED, ResultState.DISABLED, "disabled in the job definition");
    } else if (t.payload() instanceof ConditionTask c) {
      u.startInline(loop.now(), false);
      Resolver r = loop.resolver(u);
      try {
        boolean outcome = ConditionTask.evaluate(r.resolve(c.left()), c.op(), r.resolve(c.right()));
        u.evaluated(outcome);
        loop.end(u, LifeCycleState.TERMINATED, ResultState.SUCCESS, "outcome " + outcome);
      } catch (RuntimeException e) {
        loop.end(u, LifeCycleState.TERMINATED, ResultState.FAILED, e.getMessage());
      }
    } else if (t.payload() instanceof ForEachTask fe && u.iteration() < 0) {
      forEach.expand(u, fe);
    } else {
      u.pending();
      loop.ready(u);
    }
  }
}
