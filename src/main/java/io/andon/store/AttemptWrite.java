package io.andon.store;

import io.andon.job.ResultState;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt's row of task_attempts to insert or complete: written when the attempt starts, and
 * again with its {@link End} when it ends.
 *
 * @param iteration -1 for a task, 0.. for an iteration of a for_each task
 * @param attempt 1 for the first attempt, counted over repairs
 */
public record AttemptWrite(
    String taskKey,
    int iteration,
    int attempt,
    int repairId,
    long startTime,
    Optional<End> end,
    String logPath) {
  /** How an attempt ended: when, its exit code if it was a process, and its result. */
  public record End(long endTime, OptionalInt exitCode, ResultState result) {
    public End {
      Objects.requireNonNull(exitCode, "exitCode");
      Objects.requireNonNull(result, "result");
    }
  }

  public AttemptWrite {
    Objects.requireNonNull(taskKey, "taskKey");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(logPath, "logPath");
  }
}
