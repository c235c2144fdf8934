package io.andon.store;

import java.util.Optional;

/** One attempt of a task as stored: when it ran, how it ended and where its output is. */
public record AttemptRecord(
    String taskKey,
    int iteration,
    int attempt,
    int repairId,
    long startTime,
    Optional<Long> endTime,
    Optional<Integer> exitCode,
    Optional<String> resultState,
    Optional<String> logPath) {}
