package io.andon.engine;

import java.time.Instant;
import java.util.Map;

/**
 * Hears the life of a run, for notifications. Called on the engine's scheduling thread after the
 * state change is committed; implementations must return quickly and never throw. Found with {@link
 * java.util.ServiceLoader} ({@code META-INF/services/io.andon.engine.RunListener}) or passed to the
 * executor. The run-duration health rule ({@code RUN_DURATION_SECONDS}) is not the engine's: the
 * notifications listener times it from {@link #runStarted} and {@link #taskStarted}, its one owner.
 */
public interface RunListener {
  /** A run as listeners see it. */
  record RunInfo(
      long runId,
      String jobName,
      String jobFile,
      Instant startTime,
      Map<String, String> parameters,
      int repairCount) {}

  /**
   * Whether this listener also hears the child runs of run_job_task tasks. A listener bound to one
   * job's settings (its notifications) says false.
   */
  default boolean hearsChildRuns() {
    return true;
  }

  default void runStarted(RunInfo run) {}

  /**
   * @param resultState SUCCESS, FAILED, SUCCESS_WITH_FAILURES, TIMEDOUT, CANCELED, ...
   */
  default void runFinished(RunInfo run, String resultState, String message) {}

  default void taskStarted(RunInfo run, String taskKey, int attempt) {}

  /**
   * @param willRetry true when another attempt follows (so this was not the last attempt)
   */
  default void taskFinished(
      RunInfo run,
      String taskKey,
      String resultState,
      int attempt,
      boolean willRetry,
      String message) {}
}
