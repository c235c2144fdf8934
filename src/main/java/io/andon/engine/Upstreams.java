package io.andon.engine;

import io.andon.job.Dag;
import java.util.Arrays;

/**
 * How many upstream tasks of each task of a run have not finished yet: a task is free when none
 * has, and the end of a task frees those downstream it was the last to wait for. Owned by the
 * scheduling thread.
 */
final class Upstreams {
  private final Dag dag;
  private final int[] remaining;

  /** The counts at the start of a run (or a repair) of {@code units}, some finished already. */
  Upstreams(Dag dag, Unit[] units) {
    this.dag = dag;
    this.remaining = new int[units.length];
    for (int i = 0; i < units.length; i++) {
      for (int up : dag.upstream(i)) {
        if (!units[up].finished()) {
          remaining[i]++;
        }
      }
    }
  }

  /** Whether every upstream task of task {@code index} has finished. */
  boolean free(int index) {
    return remaining[index] == 0;
  }

  /** Task {@code index} ended: the tasks downstream of it that it frees, in the DAG's order. */
  int[] ended(int index) {
    int[] freed = new int[dag.downstream(index).length];
    int n = 0;
    for (int d : dag.downstream(index)) {
      if (--remaining[d] == 0) {
        freed[n++] = d;
      }
    }
    return Arrays.copyOf(freed, n);
  }
}
