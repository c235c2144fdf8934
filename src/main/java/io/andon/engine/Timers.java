package io.andon.engine;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the engine's timers run: retry intervals, task and job timeouts. They count time on the
 * {@link Clock} given with them, so that a test can give a clock and timers it moves itself, and a
 * retry or a timeout then happens exactly when it says, without waiting for it.
 */
public interface Timers {
  /** A timer that has been set: {@link #cancel} stops it if it has not fired yet. */
  interface Timer {
    void cancel();
  }

  /** The clock these timers count on. */
  Clock clock();

  /**
   * Runs {@code task} once {@code delayMillis} have passed on {@link #clock}, on a thread of the
   * timers (a task must be short: it posts an event, or kills a process).
   */
  Timer schedule(long delayMillis, Runnable task);

  /** Timers on the system clock and one daemon thread, shared by every run of the JVM. */
  static Timers system() {
    return SystemTimers.INSTANCE;
  }

  /** The timers of {@link #system()}. */
  final class SystemTimers implements Timers {
    static final SystemTimers INSTANCE = new SystemTimers();
    private final ScheduledExecutorService thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "andon-timers");
              t.setDaemon(true);
              return t;
            });

    private SystemTimers() {}

    @Override
    public Clock clock() {
      return Clock.systemUTC();
    }

    @Override
    public Timer schedule(long delayMillis, Runnable task) {
      ScheduledFuture<?> f = thread.schedule(task, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
      return () -> f.cancel(false);
    }
  }
}
