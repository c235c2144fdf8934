package io.andon.job;

import io.andon.yaml.Loc;
import io.andon.yaml.YNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of a job, as validated at load.
 *
 * @param maxRetries 0 for none, -1 for forever
 * @param timeoutSeconds 0 for none
 * @param extras keys owned by {@link JobExtension}s (notifications), raw
 * @param health the task's {@code health} rules, for each attempt
 */
public record TaskSpec(
    String taskKey,
    List<Dependency> dependsOn,
    RunIf runIf,
    Optional<String> description,
    boolean disabled,
    long timeoutSeconds,
    int maxRetries,
    long minRetryIntervalMillis,
    boolean retryOnTimeout,
    Payload payload,
    Map<String, YNode> extras,
    HealthRules health,
    Loc loc) {

  public TaskSpec {
    Objects.requireNonNull(taskKey, "taskKey");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(runIf, "runIf");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(payload, "payload");
    extras = Map.copyOf(extras);
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(loc, "loc");
  }

  /** A retry follows a failed attempt number {@code attempt} (1-based)? */
  public boolean mayRetryAfter(int attempt) {
    return maxRetries < 0 || attempt <= maxRetries;
  }
}
