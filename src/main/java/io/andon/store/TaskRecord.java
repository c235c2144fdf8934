package io.andon.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task (iteration -1) or one for_each iteration (0, 1, ...) of a run, as stored.
 *
 * @param attempts every attempt of this task in the run, repairs included
 * @param iterations for a for_each task, its iterations in order
 */
public record TaskRecord(
    String taskKey,
    int iteration,
    String state,
    Optional<String> resultState,
    Optional<String> outcome,
    int attempts,
    Optional<Long> startTime,
    Optional<Long> endTime,
    Map<String, JsonNode> values,
    Optional<String> message,
    Optional<String> input,
    Optional<Long> pid,
    Optional<Long> pidStart,
    int repairId,
    List<TaskRecord> iterations) {

  public TaskRecord {
    Objects.requireNonNull(taskKey, "taskKey");
    Objects.requireNonNull(state, "state");
    values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
    iterations = List.copyOf(iterations);
  }
}
