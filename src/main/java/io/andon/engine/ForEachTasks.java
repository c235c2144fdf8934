package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.ForEachTask;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.util.Json;
import java.util.ArrayList;
import java.util.List;
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
    u.startInline(loop.now(), true);
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
    List<String> elements = new ArrayList<>(inputs.size());
    for (JsonNode e : inputs) {
      elements.add(Json.write(e));
    }
    for (Unit it : u.expand(fe.task(), elements, repairId)) {
      loop.markDirty(it);
    }
    u.putValue("iterations", Json.mapper().getNodeFactory().numberNode(inputs.size()));
    if (elements.isEmpty()) {
      loop.end(u, LifeCycleState.TERMINATED, ResultState.SUCCESS, "no inputs");
      return;
    }
    feed(u, fe);
  }

  /** Makes the next iterations of {@code u} ready, up to its concurrency. */
  private void feed(Unit u, ForEachTask fe) {
    Optional<Unit> next;
    while ((next = u.nextIteration(fe.concurrency())).isPresent()) {
      Unit it = next.get();
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
    Unit p = it.parent().orElseThrow();
    ForEachTask fe = (ForEachTask) p.spec().payload();
    if (!p.iterationEnded()) {
      feed(p, fe);
      return;
    }
    List<Unit> its = p.iterations();
    long failed = its.stream().filter(x -> x.result().orElseThrow() != ResultState.SUCCESS).count();
    boolean canceled = its.stream().anyMatch(x -> x.result().orElseThrow().isCanceled());
    Optional<ResultState> stoppedAs = loop.stopping().map(LoopEvent.Cancel::as);
    ResultState res =
        failed == 0
            ? ResultState.SUCCESS
            : canceled && stoppedAs.isPresent()
                ? stoppedAs.get() == ResultState.TIMEDOUT
                    ? ResultState.TIMEDOUT
                    : ResultState.CANCELED
                : ResultState.FAILED;
    p.putValue("succeeded", Json.mapper().getNodeFactory().numberNode(its.size() - failed));
    p.putValue("failed", Json.mapper().getNodeFactory().numberNode(failed));
    loop.end(
        p,
        LifeCycleState.TERMINATED,
        res,
        failed == 0
            ? its.size() + " iterations" + " succeeded"
            : failed + " of " + its.size() + " iterations did not succeed");
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
