package io.andon.engine;

import io.andon.job.JobSpec;
import io.andon.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What an attempt needs of its run, whichever thread it runs on: the run's facts, the store, the
 * payload runners, child executors for run_job_task, the run's timers and shell environment, and
 * where to report a process it started. Made once per run by the scheduling loop; nothing in it
 * changes the scheduling loop's state.
 */
final class AttemptEnv {
  /** Told of each process an attempt starts (pid), from the thread that started it. */
  interface ProcessStarts {
    void started(Unit u, long pid);
  }

  final RunFacts run;
  final Store store;
  final Timers timers;
  private final Function<String, Optional<PayloadRunner>> runners;
  private final LongFunction<Executor> children;
  private final ProcessStarts starts;
  private final boolean newLogDir;
  private volatile ShellEnv shellEnv;

  /**
   * @param children a child executor for a run_job_task of run {@code runId}
   * @param newLogDir the run's log folder did not exist before: no attempt file in it is stale
   */
  AttemptEnv(
      RunFacts run,
      Store store,
      Timers timers,
      Function<String, Optional<PayloadRunner>> runners,
      LongFunction<Executor> children,
      ProcessStarts starts,
      boolean newLogDir) {
    this.run = run;
    this.store = store;
    this.timers = timers;
    this.runners = runners;
    this.children = children;
    this.starts = starts;
    this.newLogDir = newLogDir;
  }

  JobSpec job() {
    return run.job();
  }

  Path home() {
    return run.home();
  }

  Optional<PayloadRunner> runner(String key) {
    return runners.apply(key);
  }

  /** A child executor for a run_job_task of this run. */
  Executor child() {
    return children.apply(run.runId());
  }

  /**
   * What the attempt of {@code u} about to be dispatched sees of it, its processes reported to this
   * run: on the scheduling thread.
   */
  AttemptView view(Unit u) {
    return u.view(pid -> starts.started(u, pid));
  }

  /** Created by this run, so no attempt file in it is left from elsewhere. */
  boolean newLogDir() {
    return newLogDir;
  }

  /** The environment every shell task of this run starts from, built once. */
  ShellEnv shellEnv() {
    ShellEnv e = shellEnv;
    if (e == null) {
      e = ShellEnv.of(run);
      shellEnv = e;
    }
    return e;
  }
}
