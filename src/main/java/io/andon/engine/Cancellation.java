package io.andon.engine;

import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Stopping a run, canceled or timed out: running attempts are killed (they end as the run was
 * stopped), tasks waiting for a retry or ready and not launched end CANCELED; tasks not decided yet
 * end as their {@code run_if} rule says when their turn comes, so ALL_DONE tasks still run.
 */
final class Cancellation {
  private Cancellation() {}

  /** Stops the units of a run for {@code c}; {@code ready} are those not launched yet. */
  static void cancel(
      Unit[] units, PriorityQueue<Unit> ready, LoopEvent.Cancel c, LoopActions loop) {
    for (Unit u : units) {
      cancelUnit(u, c, loop);
      for (Unit it : u.iterations()) {
        cancelUnit(it, c, loop);
      }
    }
    List<Unit> pending = new ArrayList<>(ready);
    ready.clear();
    for (Unit u : pending) {
      if (!u.finished()) {
        loop.end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, c.why());
      }
    }
  }

  private static void cancelUnit(Unit u, LoopEvent.Cancel c, LoopActions loop) {
    if (u.finished()) {
      return;
    }
    if (u.state() == LifeCycleState.RUNNING && !u.expanded()) {
      u.live().requestKill(c.as());
    } else if (u.state() == LifeCycleState.WAITING_FOR_RETRY) {
      loop.end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, c.why());
    }
  }
}
