package io.andon.engine;

import io.andon.store.AttemptWrite;
import io.andon.store.NoSpaceException;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskWrite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state writes of one run, committed together: the units changed since the last commit, the
 * attempts that started or ended, and the process ids of attempts that still run a while after they
 * started. Owned by the scheduling thread, except {@link #processStarted}, which the threads that
 * start processes call.
 */
final class RunJournal {
  /** How long a started process may wait before its pid is committed on its own. */
  private static final long PID_FLUSH_MILLIS = 100;

  /**
   * Posts the pid commits that fall due: a plain delay in wall time, not one of the run's timers.
   */
  private static final ScheduledExecutorService PID_TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "andon-pid-commit");
            t.setDaemon(true);
            return t;
          });

  private static final long NO_SPACE_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  /** How long a run that has ended waits for space to write its end. */
  private static final long NO_SPACE_FINAL_WAIT_MILLIS =
      Long.getLong("andon.store.noSpaceWaitMs", 30_000);

  private final Store store;
  private final RunStore runs;
  private final long runId;
  private final int repairId;

  /** Called, from the pid timer's thread, when the pids of started processes are due. */
  private final Runnable pidsDue;

  private final List<Unit> dirty = new ArrayList<>();
  private final List<AttemptWrite> attempts = new ArrayList<>();

  /** Units whose process started since the last commit that carried pids (from any thread). */
  private final ConcurrentLinkedQueue<Unit> started = new ConcurrentLinkedQueue<>();

  private final AtomicBoolean pidFlushScheduled = new AtomicBoolean();
  private boolean pidFlushDue;

  /** The last commit failed for want of space: when to try again, and why it failed. */
  private long retryFlushAt = System.nanoTime();

  private NoSpaceException noSpace;

  RunJournal(Store store, RunStore runs, long runId, int repairId, Runnable pidsDue) {
    this.store = store;
    this.runs = runs;
    this.runId = runId;
    this.repairId = repairId;
    this.pidsDue = pidsDue;
  }

  /** {@code u} changed: its row is written by the next commit. */
  void markDirty(Unit u) {
    if (u.markDirty()) {
      dirty.add(u);
    }
  }

  /** The current attempt of {@code u} runs since {@code start}. */
  void attemptStarted(Unit u, long start) {
    attempts.add(attempt(u, start, java.util.Optional.empty()));
  }

  /** The current attempt of {@code u}, started at {@code start}, ended with {@code r}. */
  void attemptEnded(Unit u, long start, long end, AttemptResult r) {
    OptionalInt exit = r.exitCode() == null ? OptionalInt.empty() : OptionalInt.of(r.exitCode());
    attempts.add(
        attempt(u, start, java.util.Optional.of(new AttemptWrite.End(end, exit, r.result()))));
  }

  /** The row of the current attempt of {@code u}, started at {@code start}, ended or not. */
  private AttemptWrite attempt(Unit u, long start, java.util.Optional<AttemptWrite.End> end) {
    return new AttemptWrite(
        u.taskKey(), u.iteration(), u.attempts(), repairId, start, end, u.logPath().toString());
  }

  /**
   * The process of {@code u} started (on a worker or the launching thread): its pid is committed so
   * that a later andon can kill it if this one dies, by the commit PID_FLUSH_MILLIS later if it
   * still runs then. A process that ended before has nothing left to kill, so short tasks never pay
   * for reading their start time or writing their pid. The scheduling thread is not woken.
   */
  void processStarted(Unit u, long pid) {
    u.live().pidStarted(pid);
    started.add(u);
    if (pidFlushScheduled.compareAndSet(false, true)) {
      PID_TIMER.schedule(pidsDue, PID_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** The pid commit that {@link #processStarted} asked for is due: the next commit carries it. */
  void pidsDue() {
    pidFlushScheduled.set(false);
    pidFlushDue = true;
  }

  /** Whether anything waits to be committed. */
  boolean pending() {
    return !dirty.isEmpty() || !attempts.isEmpty() || pidFlushDue;
  }

  /** Commits every state change made since the last commit, in one transaction. */
  void flush() {
    if (pidFlushDue) {
      takePids();
    }
    pidFlushDue = false;
    if (dirty.isEmpty() && attempts.isEmpty()) {
      return;
    }
    if (System.nanoTime() - retryFlushAt < 0) {
      return; // the store's disk was full a moment ago
    }
    List<Unit> flushed = new ArrayList<>(dirty);
    List<TaskWrite> writes = new ArrayList<>(dirty.size());
    for (Unit u : dirty) {
      writes.add(u.takeWrite());
    }
    dirty.clear();
    List<AttemptWrite> once = lastOfEach(attempts);
    attempts.clear();
    try {
      store.tx(
          c -> {
            runs.writeTasks(c, runId, writes);
            for (AttemptWrite a : once) {
              runs.writeAttempt(c, runId, a);
            }
            return null;
          });
      if (noSpace != null) {
        System.err.println("andon: the run store is written again; run " + runId + " goes on.");
        noSpace = null;
      }
    } catch (NoSpaceException e) {
      // nothing of this commit was written: keep it for the next one, and let the run go on
      for (Unit u : flushed) {
        markDirty(u);
      }
      attempts.addAll(0, once);
      retryFlushAt = System.nanoTime() + NO_SPACE_RETRY_NANOS;
      if (noSpace == null) {
        System.err.println(
            "andon: "
                + e.getMessage()
                + " Run "
                + runId
                + " goes on and its"
                + " state is written as soon as there is space.");
      }
      noSpace = e;
    }
  }

  /** Commits everything before the run's end, waiting a while for space; throws if none came. */
  void flushAll() {
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

  /** The units whose process still runs get their pid and its start time, to be committed. */
  private void takePids() {
    Unit u;
    while ((u = started.poll()) != null) {
      Optional<Long> pid = u.live().stillRunningPid();
      Optional<Long> startMillis = pid.flatMap(Processes::startMillis);
      if (startMillis.isPresent()) { // else it has just ended
        u.recordPid(pid.get(), startMillis.get());
        markDirty(u);
      }
    }
  }

  /** An attempt that started and ended since the last commit is written once, as it ended. */
  private static List<AttemptWrite> lastOfEach(List<AttemptWrite> all) {
    List<AttemptWrite> out = new ArrayList<>(all.size());
    Set<List<Object>> seen = new HashSet<>();
    for (int i = all.size() - 1; i >= 0; i--) {
      AttemptWrite a = all.get(i);
      if (seen.add(List.of(a.taskKey(), a.iteration(), a.attempt()))) {
        out.add(a);
      }
    }
    Collections.reverse(out);
    return out;
  }
}
