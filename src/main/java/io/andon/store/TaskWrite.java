package io.andon.store;

/**
 * One row of task_runs to insert or replace. Nullable fields are SQL NULLs; this is the store's
 * write format, not a public value type.
 */
public record TaskWrite(
    String taskKey,
    int iteration,
    String state,
    String resultState,
    String outcome,
    int attempts,
    Long startTime,
    Long endTime,
    String valuesJson,
    String message,
    String input,
    Long pid,
    Long pidStart,
    int repairId) {}
