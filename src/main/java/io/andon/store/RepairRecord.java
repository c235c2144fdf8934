package io.andon.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One repair of a run as stored: when it ran, what it re-ran, and the job definition and parameters
 * it ran with, and when the run had ended before it (each empty for repairs recorded before andon
 * kept them).
 */
public record RepairRecord(
    int repairId,
    long startTime,
    Optional<Long> endTime,
    List<String> rerunTasks,
    Optional<String> resultState,
    Optional<String> definition,
    Optional<Map<String, String>> parameters,
    Optional<Long> runEndBefore) {
  public RepairRecord {
    rerunTasks = List.copyOf(rerunTasks);
  }

  /** Wall time of the repair, once it ended. */
  public Optional<Long> durationMillis() {
    return endTime.map(e -> e - startTime);
  }
}
