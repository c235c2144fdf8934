package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.ForEachTask;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.util.Json;
import java.util.ArrayList;
import java.util.Optional;

/**
 * The iterations of for_each tasks: a for_each task that may run expands into one unit per element
 * of its inputs, at most {@code concurrency} of them ready at once, and ends when they all have,
 * with the counts as its values. On the scheduling thread only.
 */
final class ForEachTasks {
  private final LoopActions loop;
  private final int repairId;

  ForEachTasks(LoopActions loop, int repairId) {
    this.loop = loop;
    this.repairId = repairId;
  }

  /** The for_each task {@code u} starts: its inputs become iterations. */
  void expand(Unit u, ForEachTask fe) {
    u.state = LifeCycleState.RUNNING;
    u.startTime = loop.now();
    u.attempts++;
    u.attemptsThisRepair++;
    loop.markDirty(u);
    JsonNode inputs;
    try {
      inputs = Json.read(loop.resolver(u).resolve(fe.inputs()));
    } catch (Exception e) {
      loop.end(
          u,
          LifeCycleState.TERMINATED,
          ResultState.FAILED,
          "for_each inputs are not a JSON array: " + firstLine(e.getMessage()));
      return;
    }
    if (inputs == null || !inputs.isArray()) {
      loop.end(
          u,
          LifeCycleState.TERMINATED,
          ResultState.FAILED,
          "for_each inputs must be a JSON array, not " + Json.write(inputs));
      return;
    }
    u.iterations = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Unit it = new Unit(u.index, i, fe.task(), u);
      it.input = Json.write(inputs.get(i));
      it.repairId = repairId;
      u.iterations.add(it);
      loop.markDirty(it);
    }
    u.values.put("iterations", Json.mapper().getNodeFactory().numberNode(inputs.size()));
    if (u.iterations.isEmpty()) {
      loop.end(u, LifeCycleState.TERMINATED, ResultState.SUCCESS, "no inputs");
      return;
    }
    feed(u, fe);
  }

  /** Makes the next iterations of {@code u} ready, up to its concurrency. */
  private void feed(Unit u, ForEachTask fe) {
    while (u.nextIteration < u.iterations.size() && u.activeIterations < fe.concurrency()) {
      Unit it = u.iterations.get(u.nextIteration++);
      u.activeIterations++;
      Optional<LoopEvent.Cancel> stop = loop.stopping();
      if (stop.isPresent()) {
        loop.end(it, LifeCycleState.TERMINATED, ResultState.CANCELED, stop.get().why());
      } else {
        loop.ready(it);
      }
    }
  }

  /** The iteration {@code it} has ended: the next one is fed, or its task ends after the last. */
  void iterationEnded(Unit it) {
    Unit p = it.parent;
    p.activeIterations--;
    p.finishedIterations++;
    ForEachTask fe = (ForEachTask) p.spec.payload();
    if (p.finishedIterations < p.iterations.size()) {
      feed(p, fe);
      return;
    }
    long failed = p.iterations.stream().filter(x -> x.result != ResultState.SUCCESS).count();
    boolean canceled = p.iterations.stream().anyMatch(x -> x.result.isCanceled());
    Optional<ResultState> stoppedAs = loop.stopping().map(LoopEvent.Cancel::as);
    ResultState res =
        failed == 0
            ? ResultState.SUCCESS
            : canceled && stoppedAs.isPresent()
                ? stoppedAs.get() == ResultState.TIMEDOUT
                    ? ResultState.TIMEDOUT
                    : ResultState.CANCELED
                : ResultState.FAILED;
    p.values.put(
        "succeeded", Json.mapper().getNodeFactory().numberNode(p.iterations.size() - failed));
    p.values.put("failed", Json.mapper().getNodeFactory().numberNode(failed));
    loop.end(
        p,
        LifeCycleState.TERMINATED,
        res,
        failed == 0
            ? p.iterations.size() + " iterations" + " succeeded"
            : failed + " of " + p.iterations.size() + " iterations did not succeed");
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
