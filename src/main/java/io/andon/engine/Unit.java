package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.TaskSpec;
import io.andon.store.TaskWrite;
import io.andon.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of one task, or of one iteration of a for_each task, during a run. Owned by the
 * scheduling thread; a worker reads the spec and writes only {@link #process} and {@link #child},
 * the launching thread only the fields of the running native attempt.
 */
final class Unit {
  final int index; // position of the task in the job
  final int iteration; // -1 for a task, 0.. for a for_each iteration
  final TaskSpec spec; // for an iteration, the nested task
  final String taskKey;
  final Unit parent; // the for_each task of an iteration
  String input; // the iteration's element, as JSON text

  LifeCycleState state = LifeCycleState.PENDING;
  ResultState result;
  String outcome;
  String message;
  int attempts; // cumulative over repairs
  int attemptsThisRepair;
  Long startTime;
  Long endTime;
  long attemptStart;
  Map<String, JsonNode> values = new LinkedHashMap<>();
  int repairId;
  Long pid;
  Long pidStart;
  java.nio.file.Path logPath; // of the current attempt
  volatile long startedPid; // set when the process starts, committed 100 ms later if it still runs
  boolean dirty;
  boolean decided; // run_if evaluated: never twice

  // for_each bookkeeping
  List<Unit> iterations;
  int nextIteration;
  int activeIterations;
  int finishedIterations;

  // running attempt
  volatile Process process;
  volatile long nativePid; // a process started by NativeSpawn, while it runs
  volatile Executor child;
  volatile boolean killRequested;
  volatile boolean timedOut; // the timeout of the running native attempt killed it
  volatile Timers.Timer timeoutTask; // of the running native attempt
  ShellAttempts.ShellStart shellStart; // of an attempt handed to the launching thread
  volatile ResultState killAs;

  Unit(int index, int iteration, TaskSpec spec, Unit parent) {
    this.index = index;
    this.iteration = iteration;
    this.spec = spec;
    this.taskKey = parent == null ? spec.taskKey() : parent.taskKey;
    this.parent = parent;
  }

  /**
   * Top-level unit {@code index} of a repair: to run again ({@code rerun}), or as {@code stored}
   * left it (a task the run never stored counts as CANCELED).
   */
  static Unit forRepair(
      int index,
      TaskSpec spec,
      java.util.Optional<io.andon.store.TaskRecord> stored,
      boolean rerun,
      int repairId) {
    Unit u = new Unit(index, -1, spec, null);
    if (rerun) {
      u.attempts = stored.map(io.andon.store.TaskRecord::attempts).orElse(0);
      u.repairId = repairId;
      return u;
    }
    stored.ifPresent(
        t -> {
          u.attempts = t.attempts();
          u.values.putAll(t.values());
          u.outcome = t.outcome().orElse(null);
          u.startTime = t.startTime().orElse(null);
          u.endTime = t.endTime().orElse(null);
          u.message = t.message().orElse(null);
          u.repairId = t.repairId();
          u.state = LifeCycleState.valueOf(t.state());
        });
    u.state = stored.isEmpty() || !u.state.isFinal() ? LifeCycleState.TERMINATED : u.state;
    u.result =
        stored
            .flatMap(io.andon.store.TaskRecord::resultState)
            .map(ResultState::valueOf)
            .orElse(ResultState.CANCELED);
    return u;
  }

  boolean finished() {
    return result != null && state.isFinal();
  }

  String label() {
    return iteration < 0 ? taskKey : taskKey + "[" + iteration + "]";
  }

  TaskWrite write() {
    return new TaskWrite(
        taskKey,
        iteration,
        state.name(),
        result == null ? null : result.name(),
        outcome,
        attempts,
        startTime,
        endTime,
        Json.writeObject(values),
        message,
        input,
        pid,
        pidStart,
        repairId);
  }
}
