package io.andon.engine;

import io.andon.job.ResultState;

/**
 * What the threads of a run tell its scheduling thread, through the loop's queue: from workers, the
 * launching thread, the timers and {@link Executor#cancel}.
 */
sealed interface LoopEvent {
  /** An attempt of {@code unit} that ran on a worker ended. */
  record Done(Unit unit, AttemptResult result, long endTime) implements LoopEvent {}

  /** The launcher started a shell attempt it was given to start at once (or could not). */
  record ShellStarted(Unit unit, long startTime, String error) implements LoopEvent {}

  /**
   * A shell attempt ended (exit null: timed out), and the launcher started {@code next} in its slot
   * then (or could not).
   */
  record ShellExited(Unit unit, Integer exit, long endTime, Unit next, String nextError)
      implements LoopEvent {}

  /** The launching thread stopped on an error: the run cannot go on. */
  record LauncherFailed(Throwable error) implements LoopEvent {}

  /** The retry interval of {@code unit} has passed. */
  record RetryDue(Unit unit) implements LoopEvent {}

  /** The run is to stop: canceled, or its timeout passed. */
  record Cancel(ResultState as, String why) implements LoopEvent {}

  /** Time to commit process ids that no other state change has carried yet. */
  record FlushDue() implements LoopEvent {}
}
