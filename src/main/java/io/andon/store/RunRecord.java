package io.andon.store;

import io.andon.job.TriggerInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A run as stored, with what started it and its tasks in declaration order. */
public record RunRecord(
    long runId,
    String jobName,
    String jobFile,
    Optional<String> jobKey,
    String definition,
    Map<String, String> parameters,
    String state,
    Optional<String> resultState,
    Optional<String> message,
    long startTime,
    Optional<Long> endTime,
    int repairCount,
    Optional<Long> ownerPid,
    Optional<Long> parentRunId,
    Optional<String> bundle,
    TriggerInfo trigger,
    List<TaskRecord> tasks) {

  public RunRecord {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(trigger, "trigger");
    parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    tasks = List.copyOf(tasks);
  }

  public Optional<TaskRecord> task(String key) {
    return tasks.stream().filter(t -> t.taskKey().equals(key)).findFirst();
  }
}
