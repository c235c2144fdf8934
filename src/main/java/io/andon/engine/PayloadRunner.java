package io.andon.engine;

import io.andon.job.Payload;

/**
 * Runs a payload contributed by another part of andon inside the engine. Found with {@link
 * java.util.ServiceLoader}: list the implementation in {@code
 * META-INF/services/io.andon.engine.PayloadRunner}. Runs on a worker thread; a thrown exception
 * fails the attempt with its message (retries apply as for any task).
 */
public interface PayloadRunner {
  /** The payload's YAML key, e.g. {@code gate_task}. */
  String key();

  TaskOutcome run(Payload payload, TaskContext context) throws Exception;
}
