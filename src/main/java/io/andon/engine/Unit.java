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
 * The mutable state of one task, or of one iteration of a for_each task, during a run. Owned by
 * the scheduling thread; a worker reads the spec and writes only {@link #process} and {@link
 * #child}, the launching thread only the fields of the running native attempt.
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

  boolean finished() {
    return result != null && state.isFinal();
  }

  String label() {
    return iteration < 0 ? taskKey : taskKey + "[" + iteration + "]";
  }

  TaskWrite write() {
    return new TaskWrite(taskKey, iteration, state.name(), result == null ? null : result.name(),
        outcome, attempts, startTime, endTime, Json.writeObject(values), message, input, pid, pidStart,
        repairId);
  }
}
