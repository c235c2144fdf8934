package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.TaskSpec;
import io.andon.store.TaskRecord;
import io.andon.store.TaskWrite;
import io.andon.util.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The state of one task, or of one iteration of a for_each task, during a run. Owned by the
 * scheduling thread: only it calls the methods that read or change the state, each named for the
 * step of the task's life it makes. Another thread holds a unit only to hand it back in an event,
 * sees it through the {@link AttemptView} made when its attempt was dispatched, and writes only its
 * {@link #live} attempt.
 */
final class Unit {
  private final int index; // position of the task in the job
  private final int iteration; // -1 for a task, 0.. for a for_each iteration
  private final TaskSpec spec; // for an iteration, the nested task
  private final String taskKey;
  private final Unit parent; // the for_each task of an iteration, else null
  private final String input; // the iteration's element, as JSON text, else null
  private final LiveAttempt live = new LiveAttempt();

  private LifeCycleState state = LifeCycleState.PENDING;
  private ResultState result;
  private String outcome;
  private String message;
  private int attempts; // cumulative over repairs
  private int attemptsThisRepair;
  private Long startTime;
  private Long endTime;
  private long attemptStart;
  private final Map<String, JsonNode> values = new LinkedHashMap<>();
  private int repairId;
  private Long pid;
  private Long pidStart;
  private Path logPath; // of the current attempt
  private boolean dirty;
  private boolean decided; // run_if evaluated: never twice
  private ShellAttempts.ShellStart preparedShell; // handed to the launching thread

  private Iterations iterations; // null until the for_each task expands

  private Unit(int index, int iteration, TaskSpec spec, Unit parent, String input) {
    this.index = index;
    this.iteration = iteration;
    this.spec = spec;
    this.taskKey = parent == null ? spec.taskKey() : parent.taskKey;
    this.parent = parent;
    this.input = input;
  }

  /** Top-level unit {@code index} of a fresh run. */
  static Unit task(int index, TaskSpec spec) {
    return new Unit(index, -1, spec, null, null);
  }

  /**
   * Top-level unit {@code index} of a repair: to run again ({@code rerun}), or as {@code stored}
   * left it (a task the run never stored counts as CANCELED).
   */
  static Unit forRepair(
      int index, TaskSpec spec, Optional<TaskRecord> stored, boolean rerun, int repairId) {
    Unit u = task(index, spec);
    if (rerun) {
      u.attempts = stored.map(TaskRecord::attempts).orElse(0);
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
            .flatMap(TaskRecord::resultState)
            .map(ResultState::valueOf)
            .orElse(ResultState.CANCELED);
    return u;
  }

  // ---------------------------------------------------------------- what it is

  int index() {
    return index;
  }

  int iteration() {
    return iteration;
  }

  TaskSpec spec() {
    return spec;
  }

  String taskKey() {
    return taskKey;
  }

  /** The for_each task of an iteration. */
  Optional<Unit> parent() {
    return Optional.ofNullable(parent);
  }

  /** The element of a for_each iteration, as JSON text. */
  Optional<String> input() {
    return Optional.ofNullable(input);
  }

  String label() {
    return iteration < 0 ? taskKey : taskKey + "[" + iteration + "]";
  }

  /** The running attempt's state that other threads share. */
  LiveAttempt live() {
    return live;
  }

  // ---------------------------------------------------------------- where it is

  LifeCycleState state() {
    return state;
  }

  Optional<ResultState> result() {
    return Optional.ofNullable(result);
  }

  /** The outcome of a condition task. */
  Optional<String> outcome() {
    return Optional.ofNullable(outcome);
  }

  /** The attempts made, over repairs. */
  int attempts() {
    return attempts;
  }

  /** The values it published, as they are now (read-only). */
  Map<String, JsonNode> values() {
    return Collections.unmodifiableMap(values);
  }

  boolean finished() {
    return result != null && state.isFinal();
  }

  /** A for_each task that expanded into its iterations. */
  boolean expanded() {
    return iterations != null;
  }

  /** The iterations of a for_each task that expanded, none otherwise. */
  List<Unit> iterations() {
    return iterations == null ? List.of() : iterations.all();
  }

  /** When the current attempt started. */
  long attemptStart() {
    return attemptStart;
  }

  /** The attempt counted within this repair, for the task's retry limit. */
  int attemptsThisRepair() {
    return attemptsThisRepair;
  }

  /** The log file of the current attempt. */
  Path logPath() {
    return logPath;
  }

  /**
   * What the current attempt's thread sees of this unit, made when it is dispatched; {@code
   * pidStarted} hears of the processes it starts.
   */
  AttemptView view(LongConsumer pidStarted) {
    return new AttemptView(
        taskKey, iteration, spec, attempts, Optional.ofNullable(input), logPath, live, pidStarted);
  }

  // ---------------------------------------------------------------- its life

  /** Its run_if rule is about to be evaluated: false when it was already, as it never is twice. */
  boolean decideOnce() {
    if (decided) {
      return false;
    }
    decided = true;
    return true;
  }

  /** Its turn comes: it waits for a slot. */
  void pending() {
    state = LifeCycleState.PENDING;
  }

  /** A new attempt, counted, whose log goes in the run's log folder {@code logDir}. */
  void beginAttempt(Path logDir) {
    attempts++;
    attemptsThisRepair++;
    logPath = AttemptLogs.logPath(logDir, taskKey, iteration, attempts);
  }

  /** The attempt begun last never started (the run stopped first): it is not counted. */
  void withdrawAttempt() {
    attempts--;
    attemptsThisRepair--;
    preparedShell = null;
  }

  /** The current attempt runs since {@code start}. */
  void running(long start) {
    state = LifeCycleState.RUNNING;
    attemptStart = start;
    if (startTime == null || attemptsThisRepair == 1) {
      startTime = start;
    }
    endTime = null;
    message = null;
  }

  /**
   * A task that runs without an attempt of its own (a condition, a for_each task) starts at {@code
   * now}; a for_each task runs until its iterations end.
   */
  void startInline(long now, boolean runs) {
    attempts++;
    attemptsThisRepair++;
    startTime = now;
    if (runs) {
      state = LifeCycleState.RUNNING;
    }
  }

  /** A condition task evaluated to {@code value}: its outcome, and its value {@code outcome}. */
  void evaluated(boolean value) {
    outcome = Boolean.toString(value);
    values.put("outcome", Json.mapper().getNodeFactory().textNode(outcome));
  }

  /** The attempt failed and is retried after the task's interval: {@code why}, retrying. */
  void waitForRetry(String why) {
    state = LifeCycleState.WAITING_FOR_RETRY;
    message = why + "; retrying";
  }

  /** When the retry of the failed attempt is due: the task's interval after the attempt started. */
  long retryAt() {
    return attemptStart + spec.minRetryIntervalMillis();
  }

  /** The last attempt's values replace the task's: a failed attempt's stay readable downstream. */
  void publishedByAttempt(Map<String, JsonNode> published) {
    values.clear();
    values.putAll(published);
  }

  /** Sets one value the engine publishes for the task (for_each counts). */
  void putValue(String name, JsonNode value) {
    values.put(name, value);
  }

  /** It ends, at {@code now}, in {@code state} with {@code result}. */
  void end(LifeCycleState endState, ResultState endResult, String why, long now) {
    state = endState;
    result = endResult;
    message = why;
    if (startTime == null && endState == LifeCycleState.TERMINATED) {
      startTime = now;
    }
    endTime = now;
  }

  /** The process {@code runningPid} of its attempt, started at {@code startMillis}, still runs. */
  void recordPid(long runningPid, long startMillis) {
    pid = runningPid;
    pidStart = startMillis;
  }

  // ---------------------------------------------------------------- a shell attempt on stand-by

  /** The shell attempt prepared for the launching thread, while it has not ended. */
  Optional<ShellAttempts.ShellStart> preparedShell() {
    return Optional.ofNullable(preparedShell);
  }

  void shellPrepared(ShellAttempts.ShellStart st) {
    preparedShell = st;
  }

  void shellEnded() {
    preparedShell = null;
  }

  // ---------------------------------------------------------------- for_each

  /** The for_each task expands into one iteration per element of {@code inputs} (JSON texts). */
  List<Unit> expand(TaskSpec nested, List<String> inputs, int repair) {
    List<Unit> its = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Unit it = new Unit(index, i, nested, this, inputs.get(i));
      it.repairId = repair;
      its.add(it);
    }
    iterations = new Iterations(its);
    return iterations.all();
  }

  /** The next iteration to make ready, while fewer than {@code concurrency} are active. */
  Optional<Unit> nextIteration(int concurrency) {
    return iterations.next(concurrency);
  }

  /** One of its iterations ended: whether they all have. */
  boolean iterationEnded() {
    return iterations.ended();
  }

  // ---------------------------------------------------------------- its row

  /** Its row is to be written by the next commit: false when it was already. */
  boolean markDirty() {
    if (dirty) {
      return false;
    }
    dirty = true;
    return true;
  }

  /** Its row as the next commit writes it; it is clean again. */
  TaskWrite takeWrite() {
    dirty = false;
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

  /** Its row as the store gives it back after the last write, with its iterations. */
  TaskRecord record() {
    List<TaskRecord> its = iterations().stream().map(Unit::record).toList();
    return new TaskRecord(
        taskKey,
        iteration,
        state.name(),
        result().map(Enum::name),
        outcome(),
        attempts,
        Optional.ofNullable(startTime),
        Optional.ofNullable(endTime),
        values,
        Optional.ofNullable(message),
        input(),
        Optional.ofNullable(pid),
        Optional.ofNullable(pidStart),
        repairId,
        its);
  }
}
