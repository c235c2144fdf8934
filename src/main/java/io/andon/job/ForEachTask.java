package io.andon.job;

import java.util.List;
import java.util.Objects;

/**
 * Runs a nested task once per element of a JSON array.
 *
 * @param inputs a JSON array, literal or from a reference
 * @param concurrency how many iterations may run at once (default 1)
 * @param task the nested task; reads the element as {@code {{input}}}
 */
public record ForEachTask(String inputs, int concurrency, TaskSpec task) implements Payload {
  public static final String KEY = "for_each_task";

  public ForEachTask {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(task, "task");
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
  }

  @Override
  public String type() {
    return KEY;
  }

  @Override
  public List<String> templates() {
    return List.of(inputs);
  }
}
