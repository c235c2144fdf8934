package io.andon.engine;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Starts and reaps the shell attempts of one run on a thread of its own, with the native launcher.
 * The scheduling thread hands it attempts to start at once ({@link #startNow}) and attempts that
 * may start in the slot of a shell attempt that ends ({@link #standBy}): when a child exits, this
 * thread reaps it and starts the next attempt on stand-by before it reports either, so a slot never
 * waits for the scheduling thread to commit. The scheduling thread learns of each start and end
 * afterwards, through {@link Sink}, and commits them then.
 */
final class Launcher {
  /** A prepared attempt of {@code unit}. */
  record Start(Unit unit, ShellAttempts.ShellStart st) {}

  /** What this thread reports, in the order it happened. */
  interface Sink {
    /** An attempt given to {@link #startNow} started at {@code startMillis}, or could not. */
    void started(Unit u, long startMillis, String error);

    /**
     * The attempt of {@code u} ended at {@code endMillis} with {@code exit} (null: its timeout
     * killed it); {@code next}, when not null, is the stand-by attempt started in its slot then, or
     * that could not start ({@code nextError}).
     */
    void exited(Unit u, Integer exit, long endMillis, Unit next, String nextError);

    /** The launching thread failed and stopped: no more reports will come. */
    void failed(Throwable t);
  }

  private final AttemptEnv attempts;
  private final java.util.function.LongSupplier clock;
  private final NativeSpawn.Reaper reaper;
  private final Sink sink;
  private final ConcurrentLinkedQueue<Start> now = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Start> standby = new ConcurrentLinkedQueue<>();

  /** The children this thread watches: its own, until it stops. */
  private final Map<Long, Start> byPid = new HashMap<>();

  /** An attempt (process {@code pid}) that ended with {@code exit} at {@code end}. */
  private record Ended(Unit unit, long pid, Integer exit, long end) {}

  /** A spool file an attempt writes to, linked under its {@code log}. */
  private record InUse(NativeSpawn.Spool spool, Path log) {}

  /** The spool files of the children that run, by pid. */
  private final Map<Long, InUse> spoolOf = new HashMap<>();

  /** Spool files free for the next attempt, all in {@link #spoolDir}. */
  private final java.util.ArrayDeque<NativeSpawn.Spool> spools = new java.util.ArrayDeque<>();

  private Path spoolDir;
  private int spoolCount;

  /** Set when a spool file could not be created: the children then create their logs. */
  private boolean noSpools;

  /**
   * Ends of children this thread could not watch, waited for on threads of their own: reported from
   * here, in order with their starts.
   */
  private final ConcurrentLinkedQueue<Ended> waited = new ConcurrentLinkedQueue<>();

  private volatile boolean holdStandby;
  private volatile boolean stopping;

  /** The run's environment, converted for the native launcher once: on this thread only. */
  private NativeSpawn.Env env;

  private final Thread thread;

  /**
   * Reports not yet given to the sink, in order: they are held a few milliseconds, so that the
   * scheduling thread wakes once for many, unless the stand-by attempts run low.
   */
  private final java.util.ArrayList<Runnable> held = new java.util.ArrayList<>();

  private long heldSince;
  private final int lowWater;

  /** How long a report may be held, at most. */
  static final long HOLD_MILLIS = 4;

  /**
   * @param now the run's clock, in epoch milliseconds
   * @param lowWater how few attempts may stand by before held reports are given at once
   */
  Launcher(
      AttemptEnv attempts,
      java.util.function.LongSupplier now,
      NativeSpawn.Reaper reaper,
      Sink sink,
      String name,
      int lowWater) {
    this.lowWater = lowWater;
    this.attempts = attempts;
    this.clock = now;
    this.reaper = reaper;
    this.sink = sink;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Starts {@code s} as soon as this thread gets to it. */
  void startNow(Start s) {
    now.add(s);
    reaper.wake();
  }

  /** Starts {@code s} in the slot of the next shell attempt that ends. */
  void standBy(Start s) {
    standby.add(s);
  }

  /** How many attempts wait on stand-by. */
  int standing() {
    return standby.size();
  }

  /**
   * Takes back one attempt on stand-by (the oldest), or null: for a slot that another kind of task
   * freed.
   */
  Start takeStandby() {
    return standby.poll();
  }

  /**
   * Stops starting attempts on stand-by and takes back those not started yet, then those given to
   * {@link #startNow} and not started yet; an attempt this thread took already still reports.
   */
  java.util.List<Start> withdraw(java.util.List<Start> fromNow) {
    holdStandby = true;
    java.util.List<Start> out = new java.util.ArrayList<>();
    Start s;
    while ((s = standby.poll()) != null) {
      out.add(s);
    }
    while ((s = now.poll()) != null) {
      fromNow.add(s);
    }
    return out;
  }

  private void run() {
    try {
      while (cycle()) {
        // a method per turn, which the JIT compiles early (a loop runs interpreted for long)
      }
    } catch (Throwable t) { // nothing of andon's throws here; a JVM error could
      release();
      sink.failed(t);
    }
  }

  /** Starts what was given to start now, then waits for children to end: false to stop. */
  private boolean cycle() {
    Start s;
    while ((s = now.poll()) != null) {
      Start st = s;
      long start = clock.getAsLong();
      String error = spawn(st);
      hold(() -> sink.started(st.unit(), start, error));
    }
    if (stopping) {
      release();
      return false;
    }
    int timeout = -1;
    if (!held.isEmpty()) {
      long left = HOLD_MILLIS - (System.nanoTime() - heldSince) / 1_000_000;
      if (left <= 0 || standby.size() < lowWater) {
        release();
      } else {
        timeout = (int) left;
      }
    }
    long[] exited = reaper.await(timeout);
    for (int i = 0; i < exited.length; i += 2) {
      Start x = byPid.remove(exited[i]);
      if (x != null) {
        ended(
            new Ended(
                x.unit(),
                exited[i],
                ShellAttempts.endedNative(x.st().attempt(), (int) exited[i + 1]),
                clock.getAsLong()));
      }
    }
    Ended e;
    while ((e = waited.poll()) != null) {
      ended(e);
    }
    return true;
  }

  /** Starts the next attempt on stand-by in the slot of {@code e}, then reports both. */
  private void ended(Ended e) {
    settle(e.pid());
    Start next = holdStandby ? null : standby.poll();
    String error = next == null ? null : spawn(next);
    Unit nu = next == null ? null : next.unit();
    hold(() -> sink.exited(e.unit(), e.exit(), e.end(), nu, error));
  }

  private void hold(Runnable report) {
    if (held.isEmpty()) {
      heldSince = System.nanoTime();
    }
    held.add(report);
  }

  /** Gives the sink what was held, in order. */
  private void release() {
    for (Runnable r : held) {
      r.run();
    }
    held.clear();
  }

  /** Starts {@code s} and watches it: null, or why it could not start. */
  private String spawn(Start s) {
    LiveAttempt live = s.st().attempt().live();
    long pid;
    Path log = s.st().log();
    NativeSpawn.Spool spool = spool(log);
    try {
      if (env == null) {
        env = new NativeSpawn.Env(s.st().base().entries());
      }
      pid = ShellAttempts.startNative(attempts, s.st(), env, spool);
    } catch (java.io.IOException | RuntimeException e) {
      if (spool != null && live.nativePid() > 0) {
        spoolOf.put(live.nativePid(), new InUse(spool, log)); // started after all: its log now
      } else if (spool != null) {
        unspool(spool, log);
      }
      return "andon could not run the task: "
          + (e instanceof java.io.IOException ? e.getMessage() : e.toString());
    }
    if (spool != null) {
      spoolOf.put(pid, new InUse(spool, log));
    }
    byPid.put(pid, s);
    try {
      reaper.watch(pid);
    } catch (java.io.IOException e) {
      // cannot watch it: wait for it on a thread of its own instead
      byPid.remove(pid);
      Thread t =
          new Thread(
              () -> {
                waited.add(
                    new Ended(
                        s.unit(),
                        pid,
                        ShellAttempts.endedNative(s.st().attempt(), NativeSpawn.waitFor(pid)),
                        clock.getAsLong()));
                reaper.wake();
              },
              thread.getName() + "-wait-" + pid);
      t.setDaemon(true);
      t.start();
    }
    return null;
  }

  /**
   * A spool file for an attempt that logs to {@code log}, linked under that name: a free one, or a
   * new one in the same folder; null when there is none (the child then creates its log itself, as
   * when the log name is taken already).
   */
  private NativeSpawn.Spool spool(Path log) {
    Path dir = log.getParent();
    if (noSpools || dir == null || (spoolDir != null && !spoolDir.equals(dir))) {
      return null;
    }
    NativeSpawn.Spool sp = spools.poll();
    if (sp == null) {
      try {
        sp =
            NativeSpawn.Spool.open(
                dir.resolve(
                    NativeSpawn.Spool.PREFIX + ProcessHandle.current().pid() + "-" + ++spoolCount));
        spoolDir = dir;
      } catch (java.io.IOException e) {
        noSpools = true;
        return null;
      }
    }
    try {
      sp.link(log);
      return sp;
    } catch (java.io.IOException e) {
      spools.push(sp);
      return null;
    }
  }

  /** Takes back the spool of an attempt that did not start, and the log name linked to it. */
  private void unspool(NativeSpawn.Spool sp, Path log) {
    try {
      java.nio.file.Files.deleteIfExists(log);
      spools.push(sp);
    } catch (java.io.IOException e) {
      sp.drop(); // the log name stays, on an empty file
    }
  }

  /**
   * The attempt of process {@code pid} ended: its spool file becomes its log, or, when it wrote
   * nothing and left no process behind, loses the log name and serves the next attempt.
   */
  private void settle(long pid) {
    InUse in = spoolOf.remove(pid);
    if (in == null) {
      return;
    }
    try {
      if (in.spool().settle(pid, in.log())) {
        spools.push(in.spool());
      }
    } catch (java.io.IOException e) {
      // the spool name stays beside the log: a file too many, nothing lost
    }
  }

  /**
   * Stops this thread and, should the run have ended with children still running (the scheduling
   * thread failed), kills and reaps them.
   */
  void stop() {
    stopping = true;
    holdStandby = true;
    reaper.wake();
    try {
      thread.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!thread.isAlive()) {
      for (Long pid : byPid.keySet()) {
        Processes.killGroup(pid);
        NativeSpawn.waitFor(pid);
        settle(pid);
      }
      byPid.clear();
      for (Long pid : new java.util.ArrayList<>(spoolOf.keySet())) {
        settle(pid); // children waited for on threads of their own
      }
      NativeSpawn.Spool sp;
      while ((sp = spools.poll()) != null) {
        sp.drop();
      }
      if (env != null) {
        env.close();
      }
    }
    reaper.close();
  }
}
