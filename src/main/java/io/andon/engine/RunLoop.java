package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.engine.RunIfRules.Decision;
import io.andon.engine.RunIfRules.DepView;
import io.andon.job.ConditionTask;
import io.andon.job.Dag;
import io.andon.job.Dependency;
import io.andon.job.ForEachTask;
import io.andon.job.JobSpec;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.ShellTask;
import io.andon.job.TaskSpec;
import io.andon.job.TriggerInfo;
import io.andon.store.TaskRecord;
import io.andon.store.TaskWrite;
import io.andon.util.Json;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduling of one run (or one repair of it). A single thread owns every {@link Unit}; the
 * {@link Launcher} (shell tasks) and workers (every other kind) run attempts and report back
 * through an event queue. Each turn of the loop decides what can start, commits the state
 * changes of the last 10 ms in one transaction (at once before a worker starts a task), launches,
 * and applies the next events.
 */
final class RunLoop {
  private sealed interface Event permits Done, RetryDue, Cancel, DurationExceeded, FlushDue,
      ShellStarted, ShellExited, LauncherFailed {}

  private record Done(Unit unit, AttemptResult result, long endTime) implements Event {}

  /** The launcher started a shell attempt it was given to start at once (or could not). */
  private record ShellStarted(Unit unit, long startTime, String error) implements Event {}

  /**
   * A shell attempt ended (exit null: timed out), and the launcher started {@code next} in its
   * slot then (or could not).
   */
  private record ShellExited(Unit unit, Integer exit, long endTime, Unit next, String nextError)
      implements Event {}

  /** The launching thread stopped on an error: the run cannot go on. */
  private record LauncherFailed(Throwable error) implements Event {}

  private record RetryDue(Unit unit) implements Event {}

  private record Cancel(ResultState as, String why) implements Event {}

  private record DurationExceeded(long seconds) implements Event {}

  /** Time to commit process ids that no other state change has carried yet. */
  private record FlushDue() implements Event {}

  /**
   * How long state changes may wait to be committed together, at most. A task of a kind that runs
   * on a worker is committed RUNNING before it starts; a shell task starts first, in the slot of
   * the one before, and is committed with it.
   */
  private static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** How long a started process may wait before its pid is committed on its own. */
  private static final long PID_FLUSH_MILLIS = 100;

  private final Executor ex;
  final JobSpec job;
  final long runId;
  final Map<String, String> params;
  final int repairId;
  final Unit[] units;
  final long startTime;
  final TriggerInfo trigger;
  private final Dag dag;
  private final int[] remaining;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final PriorityQueue<Unit> ready =
      new PriorityQueue<>(Comparator.<Unit>comparingInt(u -> u.index)
          .thenComparingInt(u -> u.iteration));
  private final List<Unit> launches = new ArrayList<>();
  /** Shell attempts handed to the launcher whose start it has not reported yet. */
  private final java.util.Set<Unit> handedOver = new java.util.HashSet<>();
  private final List<Unit> dirty = new ArrayList<>();
  private final List<Object[]> attemptWrites = new ArrayList<>();
  /** Units whose process started since the last commit that carried pids (from any thread). */
  private final java.util.concurrent.ConcurrentLinkedQueue<Unit> started =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean pidFlushScheduled =
      new java.util.concurrent.atomic.AtomicBoolean();
  private boolean pidFlushDue;
  /** When the last commit was made (System.nanoTime). */
  private long lastFlush;
  private final java.nio.file.Path logDir;
  private volatile ShellEnv shellEnv;
  /** The log folder did not exist before this run: no attempt file in it can be stale. */
  private volatile boolean newLogDir;
  /**
   * Starts and reaps shell attempts with the native launcher, and starts the next one in the
   * slot of one that ends without waiting for this thread. Null when the native launcher is not
   * available: shell tasks then run on workers, like every other kind.
   */
  private Launcher launcher;
  private final RunListener.RunInfo info;
  private int unfinished;
  private int running;
  private ResultState cancelAs;
  private String cancelWhy;
  private static final AtomicInteger THREADS = new AtomicInteger();
  private final ExecutorService workers = Executors.newCachedThreadPool(daemon("andon-task-"));
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(daemon("andon-timer-"));

  RunLoop(Executor ex, JobSpec job, long runId, Map<String, String> params, int repairId,
      Unit[] units, long startTime, TriggerInfo trigger) {
    this.ex = ex;
    this.job = job;
    this.runId = runId;
    this.params = params;
    this.repairId = repairId;
    this.units = units;
    this.startTime = startTime;
    this.trigger = trigger;
    this.dag = Dag.of(job.tasks());
    this.remaining = new int[units.length];
    this.logDir = Attempts.runLogDir(ex.home(), runId);
    this.info = new RunListener.RunInfo(runId, job.name(),
        job.file().toAbsolutePath().normalize().toString(), Instant.ofEpochMilli(startTime),
        params, repairId);
  }

  private static ThreadFactory daemon(String prefix) {
    return r -> {
      Thread t = new Thread(r, prefix + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Queues {@code e} for the scheduling thread and wakes it: from any thread. */
  private void post(Event e) {
    events.add(e);
  }

  /** Asks the loop to stop: from any thread. */
  void cancel(ResultState as, String why) {
    post(new Cancel(as, why));
  }

  Executor executor() {
    return ex;
  }

  /** The top-level unit of {@code taskKey}, or null when the job has no such task. */
  Unit unit(String taskKey) {
    return dag.indexOf(taskKey).map(i -> units[i]).orElse(null);
  }

  /**
   * The process of {@code u} started (on a worker or the launching thread): its pid is committed
   * so that a later andon can kill it if this one dies, by the commit PID_FLUSH_MILLIS later if it
   * still runs then. A process that ended before has nothing left to kill, so short tasks never
   * pay for reading their start time or writing their pid. The scheduling thread is not woken.
   */
  void processStarted(Unit u, long pid) {
    u.startedPid = pid;
    started.add(u);
    if (pidFlushScheduled.compareAndSet(false, true)) {
      timer.schedule(() -> post(new FlushDue()), PID_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Created by this run, so no attempt file in it is left from elsewhere. */
  boolean newLogDir() {
    return newLogDir;
  }

  /** The environment every shell task of this run starts from, built once. */
  ShellEnv shellEnv() {
    ShellEnv e = shellEnv;
    if (e == null) {
      e = ShellEnv.of(this);
      shellEnv = e;
    }
    return e;
  }

  Executor.Outcome execute() {
    launcher = NativeSpawn.reaper().map(r -> new Launcher(this, r, new Launcher.Sink() {
      @Override
      public void started(Unit u, long startMillis, String error) {
        post(new ShellStarted(u, startMillis, error));
      }

      @Override
      public void exited(Unit u, Integer exit, long endMillis, Unit next, String nextError) {
        post(new ShellExited(u, exit, endMillis, next, nextError));
      }

      @Override
      public void failed(Throwable t) {
        post(new LauncherFailed(t));
      }
    }, "andon-launch-" + THREADS.incrementAndGet(), ex.options().maxParallel())).orElse(null);
    try {
      return loop();
    } finally {
      if (launcher != null) {
        launcher.stop(); // kills what still runs only when the loop failed
      }
      workers.shutdownNow();
      timer.shutdownNow();
    }
  }

  private Executor.Outcome loop() {
    for (Unit u : units) {
      if (!u.finished()) {
        unfinished++;
        markDirty(u);
      }
    }
    for (int i = 0; i < units.length; i++) {
      for (int up : dag.upstream(i)) {
        if (!units[up].finished()) {
          remaining[i]++;
        }
      }
    }
    try {
      newLogDir = !java.nio.file.Files.exists(logDir);
      java.nio.file.Files.createDirectories(logDir.resolve(Attempts.VALUES_DIR));
    } catch (java.io.IOException e) {
      throw new io.andon.error.InvalidInputException("cannot create the log folder under "
          + ex.home() + " (" + e.getMessage() + "); check that the andon home is writable.", e);
    }
    flush(); // tasks PENDING before anything runs
    ex.listeners().forEach(l -> safe(() -> l.runStarted(info)));
    if (job.timeoutSeconds() > 0) {
      long left = startTime + job.timeoutSeconds() * 1000 - ex.options().clock().millis();
      timer.schedule(() -> cancel(ResultState.TIMEDOUT, "the job exceeded its timeout of "
          + job.timeoutSeconds() + " s"), Math.max(0, left), TimeUnit.MILLISECONDS);
    }
    durationThreshold().ifPresent(s -> timer.schedule(() -> post(new DurationExceeded(s)),
        Math.max(0, startTime + s * 1000 - ex.options().clock().millis()),
        TimeUnit.MILLISECONDS));
    for (int i = 0; i < units.length; i++) {
      if (!units[i].finished() && remaining[i] == 0) {
        decide(units[i]);
      }
    }
    lastFlush = System.nanoTime();
    while (unfinished > 0) {
      turn();
    }
    return finish();
  }

  /**
   * One turn of the loop: start what can start, commit when due, then apply the next events. A
   * method of its own so that the JIT compiles it early (a loop runs interpreted until it has
   * turned tens of thousands of times).
   */
  private void turn() {
    dispatch();
    long sinceFlush = System.nanoTime() - lastFlush;
    if (sinceFlush >= COMMIT_NANOS || startsOnWorker()) {
      flush();
      lastFlush = System.nanoTime();
      sinceFlush = 0;
    }
    launch();
    standBy();
    if (unfinished == 0) {
      return;
    }
    Event e = events.poll();
    if (e == null) {
      try {
        e = dirty.isEmpty() && attemptWrites.isEmpty() && !pidFlushDue ? events.take()
            : events.poll(COMMIT_NANOS - sinceFlush, TimeUnit.NANOSECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        e = new Cancel(ResultState.CANCELED, "the run was interrupted");
      }
      if (e == null) {
        return; // time to commit
      }
    }
    handle(e);
    Event more;
    while ((more = events.poll()) != null) {
      handle(more);
    }
  }

  /**
   * Prepares a shell attempt on this thread (its references read other tasks' state): the start
   * to hand to the launcher, or null when the attempt failed before it could start, which has
   * then been ended.
   */
  private Launcher.Start prepareShell(Unit u, ShellTask s, boolean slotCounted) {
    AttemptResult failed;
    try {
      Object prepared = Attempts.prepareShell(this, u, s, new Resolver(this, u), u.logPath);
      if (prepared instanceof Attempts.ShellStart st) {
        u.shellStart = st;
        return new Launcher.Start(u, st);
      }
      failed = (AttemptResult) prepared;
    } catch (java.io.IOException | RuntimeException e) {
      failed = AttemptResult.of(ResultState.FAILED, "andon could not run the task: " + e);
    }
    if (!slotCounted) {
      running++;
    }
    running(u, now());
    started(u);
    attemptDone(new Done(u, failed, now()));
    return null;
  }

  /** The end of a shell attempt the launcher reaped. */
  private void shellEnded(Unit u, Integer exit, long endTime) {
    AttemptResult r;
    try {
      r = Attempts.finishShell(u, u.shellStart, exit);
    } catch (RuntimeException e) {
      r = AttemptResult.of(ResultState.FAILED, "andon could not run the task: " + e);
    }
    u.shellStart = null;
    attemptDone(new Done(u, r, endTime));
  }

  /**
   * A shell attempt the launcher took has started (or could not), in a slot counted already:
   * it is RUNNING from then (a cancel that came meanwhile has had it killed).
   */
  private void shellStarted(Unit u, long startTime, String error) {
    handedOver.remove(u);
    running(u, startTime);
    started(u);
    if (error != null) {
      attemptDone(new Done(u, AttemptResult.of(ResultState.FAILED, error), startTime));
    }
  }

  /**
   * How many shell attempts stand by: enough for every slot to start a few while the launcher
   * holds its reports ({@link Launcher#HOLD_MILLIS}).
   */
  private static int standbyDepth(int maxParallel) {
    return Math.min(Math.max(2 * maxParallel, 16), 256);
  }

  /**
   * With every slot taken, hands the launcher the next shell attempts that are ready, to start
   * in the slots of the shell attempts that end; as many as there are slots.
   */
  private void standBy() {
    if (launcher == null || cancelAs != null) {
      return;
    }
    int max = ex.options().maxParallel();
    while (running >= max && launcher.standing() < standbyDepth(max)
        && !ready.isEmpty()) {
      Unit u = ready.peek();
      if (!u.finished() && !(u.spec.payload() instanceof ShellTask)) {
        return; // keeps the order: a task of another kind goes first, in a slot of its own
      }
      ready.poll();
      if (u.finished()) {
        continue;
      }
      beginAttempt(u);
      Launcher.Start st = prepareShell(u, (ShellTask) u.spec.payload(), false);
      if (st != null) {
        handedOver.add(u);
        launcher.standBy(st);
      }
    }
  }

  private java.util.Optional<Long> durationThreshold() {
    YNode health = job.extras().get("health");
    if (!(health instanceof YMap h) || !(h.get("rules").orElse(null) instanceof YList rules)) {
      return java.util.Optional.empty();
    }
    for (YNode r : rules.items()) {
      if (r instanceof YMap rm && rm.get("metric").orElse(null) instanceof YScalar m
          && m.text().equals("RUN_DURATION_SECONDS")
          && rm.get("value").orElse(null) instanceof YScalar v) {
        try {
          return java.util.Optional.of(Long.parseLong(v.text().strip()));
        } catch (NumberFormatException ignored) {
          // the alert extension reports it at load
        }
      }
    }
    return java.util.Optional.empty();
  }

  // ---------------------------------------------------------------- decisions

  /** All dependencies of a top-level task have finished: run it, or end it without running. */
  private void decide(Unit u) {
    if (u.decided) {
      return;
    }
    u.decided = true;
    TaskSpec t = u.spec;
    List<DepView> views = new ArrayList<>(t.dependsOn().size());
    for (Dependency d : t.dependsOn()) {
      Unit up = units[dag.indexOf(d.taskKey()).orElseThrow()];
      views.add(RunIfRules.view(up.result, up.outcome, d.outcome().orElse(null)));
    }
    Decision decision = RunIfRules.decide(t.runIf(), views);
    if (cancelAs != null && decision == Decision.RUN && t.runIf() != io.andon.job.RunIf.ALL_DONE) {
      end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, cancelWhy);
      return;
    }
    switch (decision) {
      case EXCLUDED -> end(u, LifeCycleState.SKIPPED, ResultState.EXCLUDED, excludedWhy(t));
      case UPSTREAM_FAILED -> end(u, LifeCycleState.SKIPPED, ResultState.UPSTREAM_FAILED,
          "not run: run_if " + t.runIf() + " and an upstream task failed");
      case UPSTREAM_CANCELED -> end(u, LifeCycleState.SKIPPED, ResultState.UPSTREAM_CANCELED,
          "not run: an upstream task was canceled");
      case RUN -> start(u);
    }
  }

  private String excludedWhy(TaskSpec t) {
    List<String> why = new ArrayList<>();
    for (Dependency d : t.dependsOn()) {
      Unit up = units[dag.indexOf(d.taskKey()).orElseThrow()];
      if (d.outcome().isPresent() && up.outcome != null && !d.outcome().get().equals(up.outcome)) {
        why.add(up.taskKey + " was " + up.outcome + ", this branch needs " + d.outcome().get());
      } else if (up.result != null && up.result.isSkipped()) {
        why.add(up.taskKey + " was " + up.result);
      }
    }
    if (why.size() == t.dependsOn().size() && !why.isEmpty()) {
      return "not run: " + String.join("; ", why);
    }
    return "not run: run_if " + t.runIf() + " and no upstream task failed";
  }

  private void start(Unit u) {
    TaskSpec t = u.spec;
    if (t.disabled()) {
      end(u, LifeCycleState.SKIPPED, ResultState.DISABLED, "disabled in the job definition");
      return;
    }
    if (t.payload() instanceof ConditionTask c) {
      u.attempts++;
      u.attemptsThisRepair++;
      u.startTime = now();
      Resolver r = new Resolver(this, u);
      try {
        boolean outcome = ConditionTask.evaluate(r.resolve(c.left()), c.op(),
            r.resolve(c.right()));
        u.outcome = Boolean.toString(outcome);
        u.values.put("outcome", Json.mapper().getNodeFactory().textNode(u.outcome));
        end(u, LifeCycleState.TERMINATED, ResultState.SUCCESS, "outcome " + u.outcome);
      } catch (RuntimeException e) {
        end(u, LifeCycleState.TERMINATED, ResultState.FAILED, e.getMessage());
      }
      return;
    }
    if (t.payload() instanceof ForEachTask fe && u.iteration < 0) {
      expand(u, fe);
      return;
    }
    u.state = LifeCycleState.PENDING;
    ready.add(u);
  }

  private void expand(Unit u, ForEachTask fe) {
    u.state = LifeCycleState.RUNNING;
    u.startTime = now();
    u.attempts++;
    u.attemptsThisRepair++;
    markDirty(u);
    JsonNode inputs;
    try {
      inputs = Json.read(new Resolver(this, u).resolve(fe.inputs()));
    } catch (Exception e) {
      end(u, LifeCycleState.TERMINATED, ResultState.FAILED, "for_each inputs are not a JSON array: "
          + firstLine(e.getMessage()));
      return;
    }
    if (inputs == null || !inputs.isArray()) {
      end(u, LifeCycleState.TERMINATED, ResultState.FAILED,
          "for_each inputs must be a JSON array, not " + Json.write(inputs));
      return;
    }
    u.iterations = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      Unit it = new Unit(u.index, i, fe.task(), u);
      it.input = Json.write(inputs.get(i));
      it.repairId = repairId;
      u.iterations.add(it);
      markDirty(it);
    }
    u.values.put("iterations", Json.mapper().getNodeFactory().numberNode(inputs.size()));
    if (u.iterations.isEmpty()) {
      end(u, LifeCycleState.TERMINATED, ResultState.SUCCESS, "no inputs");
      return;
    }
    feedIterations(u, fe);
  }

  private void feedIterations(Unit u, ForEachTask fe) {
    while (u.nextIteration < u.iterations.size() && u.activeIterations < fe.concurrency()) {
      Unit it = u.iterations.get(u.nextIteration++);
      u.activeIterations++;
      if (cancelAs != null) {
        end(it, LifeCycleState.TERMINATED, ResultState.CANCELED, cancelWhy);
      } else {
        ready.add(it);
      }
    }
  }

  // ---------------------------------------------------------------- launching

  private void dispatch() {
    int max = ex.options().maxParallel();
    while (running < max) {
      Launcher.Start taken = launcher == null ? null : launcher.takeStandby();
      if (taken != null) { // prepared already, for a slot another kind of task freed
        running++;
        launches.add(taken.unit());
        continue;
      }
      if (ready.isEmpty()) {
        return;
      }
      Unit u = ready.poll();
      if (u.finished()) {
        continue;
      }
      running++;
      beginAttempt(u);
      if (launcher == null || !(u.spec.payload() instanceof ShellTask)) {
        running(u, now()); // committed before it starts; a shell attempt once it has started
      }
      launches.add(u);
    }
  }

  /** Does an attempt about to be launched start on a worker (after its commit)? */
  private boolean startsOnWorker() {
    for (Unit u : launches) {
      if (launcher == null || !(u.spec.payload() instanceof ShellTask)) {
        return true;
      }
    }
    return false;
  }

  /** A new attempt of {@code u}: its number and its log file. */
  private void beginAttempt(Unit u) {
    u.attempts++;
    u.attemptsThisRepair++;
    u.logPath = Attempts.logPath(logDir, u);
  }

  /** The attempt of {@code u} runs since {@code start}: written by the next flush. */
  private void running(Unit u, long start) {
    u.state = LifeCycleState.RUNNING;
    u.attemptStart = start;
    if (u.startTime == null || u.attemptsThisRepair == 1) {
      u.startTime = start;
    }
    u.endTime = null;
    u.message = null;
    markDirty(u);
    attemptWrites.add(new Object[] {u, u.attempts, start, null, null, null,
        u.logPath.toString()});
  }

  /** Tells the listeners that the attempt of {@code u} started. */
  private void started(Unit u) {
    int attempt = u.attempts;
    ex.listeners().forEach(l -> safe(() -> l.taskStarted(info, u.label(), attempt)));
  }

  private void launch() {
    for (Unit u : launches) {
      if (launcher != null && u.spec.payload() instanceof ShellTask s) {
        Launcher.Start st = u.shellStart != null ? new Launcher.Start(u, u.shellStart)
            : prepareShell(u, s, true);
        if (st != null) {
          handedOver.add(u);
          launcher.startNow(st);
        }
        continue;
      }
      int attempt = u.attempts;
      started(u);
      workers.execute(() -> {
        AttemptResult r;
        try {
          r = Attempts.run(this, u, attempt);
        } catch (Throwable e) {
          r = AttemptResult.of(ResultState.FAILED, "andon could not run the task: " + e);
        }
        post(new Done(u, r, now()));
      });
    }
    launches.clear();
  }

  /** Commits every state change made since the last flush, in one transaction. */
  private void flush() {
    if (pidFlushDue) {
      Unit u;
      while ((u = started.poll()) != null) {
        long pid = u.startedPid;
        Process p = u.process;
        if (u.nativePid == pid || p != null && p.pid() == pid) {
          Long startMillis = Processes.startMillis(pid).orElse(null);
          if (startMillis != null) { // else it has just ended
            u.pid = pid;
            u.pidStart = startMillis;
            markDirty(u);
          }
        }
      }
    }
    pidFlushDue = false;
    if (dirty.isEmpty() && attemptWrites.isEmpty()) {
      return;
    }
    if (System.nanoTime() - retryFlushAt < 0) {
      return; // the store's disk was full a moment ago
    }
    List<Unit> flushed = new ArrayList<>(dirty);
    List<TaskWrite> writes = new ArrayList<>(dirty.size());
    for (Unit u : dirty) {
      u.dirty = false;
      writes.add(u.write());
    }
    dirty.clear();
    // an attempt that started and ended since the last commit is written once, as it ended
    List<Object[]> attempts = new ArrayList<>(attemptWrites.size());
    java.util.Set<AttemptKey> seen = new java.util.HashSet<>();
    for (int i = attemptWrites.size() - 1; i >= 0; i--) {
      Object[] a = attemptWrites.get(i);
      if (seen.add(new AttemptKey((Unit) a[0], (Integer) a[1]))) {
        attempts.add(a);
      }
    }
    java.util.Collections.reverse(attempts);
    attemptWrites.clear();
    try {
      ex.store().tx(c -> {
        ex.runs().writeTasks(c, runId, writes);
        for (Object[] a : attempts) {
          Unit u = (Unit) a[0];
          ex.runs().writeAttempt(c, runId, u.taskKey, u.iteration, (Integer) a[1], repairId,
              (Long) a[2], (Long) a[3], (Integer) a[4], (String) a[5], (String) a[6]);
        }
        return null;
      });
      if (noSpace != null) {
        System.err.println("andon: the run store is written again; run " + runId + " goes on.");
        noSpace = null;
      }
    } catch (io.andon.store.NoSpaceException e) {
      // nothing of this commit was written: keep it for the next one, and let the run go on
      for (Unit u : flushed) {
        markDirty(u);
      }
      attemptWrites.addAll(0, attempts);
      retryFlushAt = System.nanoTime() + NO_SPACE_RETRY_NANOS;
      if (noSpace == null) {
        System.err.println("andon: " + e.getMessage() + " Run " + runId + " goes on and its"
            + " state is written as soon as there is space.");
      }
      noSpace = e;
    }
  }

  /** The last commit failed for want of space: when to try again, and why it failed. */
  private long retryFlushAt = System.nanoTime();
  private io.andon.store.NoSpaceException noSpace;
  private static final long NO_SPACE_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  /** How long a run that has ended waits for space to write its end. */
  private static final long NO_SPACE_FINAL_WAIT_MILLIS =
      Long.getLong("andon.store.noSpaceWaitMs", 30_000);

  /** Commits everything before the run's end, waiting a while for space; throws if none came. */
  private void flushAll() {
    long until = System.currentTimeMillis() + NO_SPACE_FINAL_WAIT_MILLIS;
    while (true) {
      retryFlushAt = System.nanoTime();
      flush();
      if (noSpace == null) {
        return;
      }
      if (System.currentTimeMillis() > until) {
        throw noSpace;
      }
      try {
        Thread.sleep(TimeUnit.NANOSECONDS.toMillis(NO_SPACE_RETRY_NANOS));
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw noSpace;
      }
    }
  }

  private record AttemptKey(Unit unit, int attempt) {}

  private void markDirty(Unit u) {
    if (!u.dirty) {
      u.dirty = true;
      dirty.add(u);
    }
  }

  // ---------------------------------------------------------------- events

  private void handle(Event e) {
    if (e instanceof Done d) {
      attemptDone(d);
    } else if (e instanceof RetryDue r) {
      if (r.unit().finished()) {
        return;
      }
      if (cancelAs != null) {
        end(r.unit(), LifeCycleState.TERMINATED, ResultState.CANCELED, cancelWhy);
      } else {
        ready.add(r.unit());
      }
    } else if (e instanceof ShellStarted st) {
      shellStarted(st.unit(), st.startTime(), st.error());
    } else if (e instanceof ShellExited x) {
      shellEnded(x.unit(), x.exit(), x.endTime());
      if (x.next() != null) {
        running++; // the slot it ended in
        shellStarted(x.next(), x.endTime(), x.nextError());
      }
    } else if (e instanceof LauncherFailed f) {
      throw new IllegalStateException("andon's task launching thread failed: " + f.error(),
          f.error());
    } else if (e instanceof Cancel c) {
      cancelAll(c.as(), c.why());
    } else if (e instanceof FlushDue) {
      pidFlushScheduled.set(false);
      pidFlushDue = true;
    } else if (e instanceof DurationExceeded de) {
      ex.listeners().forEach(l -> safe(() -> l.runDurationExceeded(info, de.seconds())));
    }
  }

  private void attemptDone(Done d) {
    Unit u = d.unit();
    AttemptResult r = d.result();
    running--;
    attemptWrites.add(new Object[] {u, u.attempts, u.attemptStart, d.endTime(), r.exitCode(),
        r.result().name(), u.logPath.toString()});
    boolean retryable = (r.result() == ResultState.FAILED
        || r.result() == ResultState.TIMEDOUT && u.spec.retryOnTimeout())
        && cancelAs == null && u.spec.mayRetryAfter(u.attemptsThisRepair);
    int attempt = u.attempts;
    ex.listeners().forEach(l -> safe(() -> l.taskFinished(info, u.label(), r.result().name(),
        attempt, retryable, r.message())));
    if (r.result() == ResultState.SUCCESS) {
      u.values.clear();
      u.values.putAll(r.values());
      end(u, LifeCycleState.TERMINATED, ResultState.SUCCESS, r.message());
      return;
    }
    if (retryable) {
      u.state = LifeCycleState.WAITING_FOR_RETRY;
      u.message = r.message() + "; retrying";
      markDirty(u);
      long due = u.attemptStart + u.spec.minRetryIntervalMillis();
      long delay = Math.max(0, due - now());
      timer.schedule(() -> post(new RetryDue(u)), delay, TimeUnit.MILLISECONDS);
      return;
    }
    ResultState res = r.result();
    u.values.clear();
    u.values.putAll(r.values()); // what a failed attempt published stays readable downstream
    if (cancelAs != null && res == ResultState.FAILED && u.killRequested) {
      res = u.killAs == null ? ResultState.CANCELED : u.killAs;
    }
    end(u, LifeCycleState.TERMINATED, res, r.message());
  }

  private void cancelAll(ResultState as, String why) {
    if (cancelAs != null) {
      return;
    }
    cancelAs = as;
    cancelWhy = why;
    if (launcher != null) { // shell attempts handed over and not started yet
      List<Launcher.Start> fromNow = new ArrayList<>();
      for (Launcher.Start s : launcher.withdraw(fromNow)) {
        withdrawn(s.unit(), why);
      }
      for (Launcher.Start s : fromNow) {
        running--;
        withdrawn(s.unit(), why);
      }
      for (Unit u : handedOver) { // taken by the launcher: killed as soon as it has started
        u.killAs = as == ResultState.TIMEDOUT ? ResultState.TIMEDOUT : ResultState.CANCELED;
        u.killRequested = true;
        Attempts.kill(u);
      }
    }
    for (Unit u : units) {
      cancelUnit(u, as, why);
      if (u.iterations != null) {
        for (Unit it : u.iterations) {
          cancelUnit(it, as, why);
        }
      }
    }
    // ready but not launched
    List<Unit> pending = new ArrayList<>(ready);
    ready.clear();
    for (Unit u : pending) {
      if (!u.finished()) {
        end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, why);
      }
    }
  }

  /** A prepared attempt of {@code u} that never started: the task ends canceled. */
  private void withdrawn(Unit u, String why) {
    handedOver.remove(u);
    u.attempts--;
    u.attemptsThisRepair--;
    u.shellStart = null;
    end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, why);
  }

  private void cancelUnit(Unit u, ResultState as, String why) {
    if (u.finished()) {
      return;
    }
    if (u.state == LifeCycleState.RUNNING && u.iterations == null) {
      u.killAs = as == ResultState.TIMEDOUT ? ResultState.TIMEDOUT : ResultState.CANCELED;
      u.killRequested = true;
      Attempts.kill(u);
    } else if (u.state == LifeCycleState.WAITING_FOR_RETRY) {
      end(u, LifeCycleState.TERMINATED, ResultState.CANCELED, why);
    }
  }

  // ---------------------------------------------------------------- endings

  private void end(Unit u, LifeCycleState state, ResultState result, String message) {
    u.state = state;
    u.result = result;
    u.message = message;
    if (u.startTime == null && state == LifeCycleState.TERMINATED) {
      u.startTime = now();
    }
    u.endTime = now();
    markDirty(u);
    if (u.parent != null) {
      iterationEnded(u);
      return;
    }
    unfinished--;
    for (int d : dag.downstream(u.index)) {
      if (--remaining[d] == 0 && !units[d].finished()) {
        decide(units[d]);
      }
    }
  }

  private void iterationEnded(Unit it) {
    Unit p = it.parent;
    p.activeIterations--;
    p.finishedIterations++;
    ForEachTask fe = (ForEachTask) p.spec.payload();
    if (p.finishedIterations < p.iterations.size()) {
      feedIterations(p, fe);
      return;
    }
    long failed = p.iterations.stream().filter(x -> x.result != ResultState.SUCCESS).count();
    boolean canceled = p.iterations.stream().anyMatch(x -> x.result.isCanceled());
    ResultState res = failed == 0 ? ResultState.SUCCESS
        : canceled && cancelAs != null ? cancelAs == ResultState.TIMEDOUT
            ? ResultState.TIMEDOUT : ResultState.CANCELED : ResultState.FAILED;
    p.values.put("succeeded", Json.mapper().getNodeFactory().numberNode(
        p.iterations.size() - failed));
    p.values.put("failed", Json.mapper().getNodeFactory().numberNode(failed));
    end(p, LifeCycleState.TERMINATED, res, failed == 0 ? p.iterations.size() + " iterations"
        + " succeeded" : failed + " of " + p.iterations.size() + " iterations did not succeed");
  }

  private Executor.Outcome finish() {
    List<ResultState> all = new ArrayList<>();
    List<ResultState> leaves = new ArrayList<>();
    for (int i = 0; i < units.length; i++) {
      all.add(units[i].result);
      if (dag.isLeaf(i)) {
        leaves.add(units[i].result);
      }
    }
    ResultState result = RunIfRules.jobResult(all, leaves);
    String message;
    if (cancelAs != null) {
      result = cancelAs;
      message = cancelWhy;
    } else {
      List<String> bad = new ArrayList<>();
      for (Unit u : units) {
        if (u.result.isFailed()) {
          bad.add(u.taskKey + " " + u.result);
        }
      }
      message = bad.isEmpty() ? null : String.join(", ", bad);
    }
    long end = now();
    ResultState fr = result;
    String fm = message;
    flushAll();
    ex.store().tx(c -> {
      ex.runs().updateRun(c, runId, LifeCycleState.TERMINATED.name(), fr.name(), fm, end, null,
          null, null);
      return null;
    });
    ex.listeners().forEach(l -> safe(() -> l.runFinished(info, fr.name(), fm)));
    java.util.Optional<List<TaskRecord>> tasks = java.util.Optional.empty();
    if (repairId == 0) { // every unit was written by this run, its last write just now
      List<TaskRecord> snapshot = new ArrayList<>(units.length);
      for (Unit u : units) {
        snapshot.add(record(u));
      }
      tasks = java.util.Optional.of(snapshot);
    }
    return new Executor.Outcome(runId, LifeCycleState.TERMINATED, result,
        message == null ? "" : message, tasks);
  }

  /** A unit as the store gives it back: what {@link Unit#write} committed, and its iterations. */
  private static TaskRecord record(Unit u) {
    List<TaskRecord> its = List.of();
    if (u.iterations != null) {
      its = new ArrayList<>(u.iterations.size());
      for (Unit it : u.iterations) {
        its.add(record(it));
      }
    }
    return new TaskRecord(u.taskKey, u.iteration, u.state.name(),
        java.util.Optional.ofNullable(u.result).map(Enum::name),
        java.util.Optional.ofNullable(u.outcome), u.attempts,
        java.util.Optional.ofNullable(u.startTime), java.util.Optional.ofNullable(u.endTime),
        u.values, java.util.Optional.ofNullable(u.message), java.util.Optional.ofNullable(u.input),
        java.util.Optional.ofNullable(u.pid), java.util.Optional.ofNullable(u.pidStart),
        u.repairId, its);
  }

  long now() {
    return ex.options().clock().millis();
  }

  private static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      System.err.println("andon: a run listener failed: " + e);
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
