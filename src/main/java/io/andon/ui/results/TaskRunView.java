package io.andon.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task run as its page shows it.
 *
 * @param taskRunId the task's run id in the Jobs API ({@code tasks[].run_id})
 * @param attempts every attempt, repairs included, in the order they ran
 * @param values the task values, by name
 * @param result what andon's own payload (gate, TDG, monitor) found; {@link PayloadResult.None} for
 *     other tasks
 */
public record TaskRunView(
    long runId,
    String jobName,
    String taskKey,
    long taskRunId,
    String state,
    Optional<String> resultState,
    Optional<String> message,
    List<Attempt> attempts,
    Map<String, JsonNode> values,
    PayloadResult result) {

  public TaskRunView {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(taskKey, "taskKey");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(resultState, "resultState");
    Objects.requireNonNull(message, "message");
    attempts = List.copyOf(attempts);
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    Objects.requireNonNull(result, "result");
  }

  /** True while the task has not ended: its log may still grow. */
  public boolean live() {
    return resultState.isEmpty();
  }

  /** The last attempt, whose log the page opens on. */
  public Optional<Attempt> lastAttempt() {
    return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.get(attempts.size() - 1));
  }

  /**
   * One attempt.
   *
   * @param number 1-based position among all attempts of the task, as {@code attempt=} of the log
   *     endpoints takes it
   * @param retry the attempt's number within its repair (1 is the first try, 2 the first retry)
   * @param repairId 0 for the run itself, else the repair that ran it
   * @param iteration the for_each iteration, -1 for a plain task
   */
  public record Attempt(
      int number,
      int retry,
      int repairId,
      int iteration,
      Instant start,
      Optional<Instant> end,
      Optional<Integer> exitCode,
      Optional<String> resultState,
      boolean hasLog) {
    public Attempt {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(exitCode, "exitCode");
      Objects.requireNonNull(resultState, "resultState");
    }

    /** How long it ran, until now for an attempt still running. */
    public Duration duration(Instant now) {
      return Duration.between(start, end.orElse(now));
    }
  }
}
