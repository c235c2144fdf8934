package io.andon.engine;

import io.andon.job.TaskSpec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What the thread that runs an attempt sees of its unit: an immutable snapshot made by the
 * scheduling thread when the attempt is dispatched, and the attempt's {@link LiveAttempt}, the only
 * part of the unit it writes.
 *
 * @param number the attempt's number, cumulative over repairs
 * @param input the element of a for_each iteration, as JSON text
 * @param log the attempt's log file
 * @param pidStarted told of each process the attempt starts, from the thread that started it
 */
record AttemptView(
    String taskKey,
    int iteration,
    TaskSpec spec,
    int number,
    Optional<String> input,
    Path log,
    LiveAttempt live,
    LongConsumer pidStarted) {

  /** The attempt's process {@code pid} started: its pid is committed if it still runs a while. */
  void processStarted(long pid) {
    pidStarted.accept(pid);
  }

  /** The task's key, and for an iteration its number: {@code key[2]}. */
  String label() {
    return iteration < 0 ? taskKey : taskKey + "[" + iteration + "]";
  }
}
