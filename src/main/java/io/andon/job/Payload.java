package io.andon.job;

import java.util.List;

/**
 * What a task does: a shell command, a condition, a loop, another job, or a payload contributed by
 * another part of andon (a quality gate, a drift monitor, a code grade, an alert check). Payloads
 * are values, parsed and validated once when the job file is loaded.
 */
public interface Payload {
  /** The YAML key of this payload, e.g. {@code shell_task}. */
  String type();

  /**
   * The strings of this payload that may hold {@code {{...}}} references; the loader checks every
   * reference in them, and the engine resolves them before the task runs.
   */
  default List<String> templates() {
    return List.of();
  }
}
