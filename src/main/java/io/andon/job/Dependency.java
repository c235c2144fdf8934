package io.andon.job;

import java.util.Objects;
import java.util.Optional;

/** An edge of the DAG: this task waits for {@code taskKey}; after a condition, for its outcome. */
public record Dependency(String taskKey, Optional<String> outcome) {
  public Dependency {
    Objects.requireNonNull(taskKey, "taskKey");
    Objects.requireNonNull(outcome, "outcome");
  }

  public static Dependency on(String taskKey) {
    return new Dependency(taskKey, Optional.empty());
  }
}
