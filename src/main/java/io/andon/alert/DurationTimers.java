package io.andon.alert;

import io.andon.util.Background;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The RUN_DURATION_SECONDS timers of a job's runs and task attempts, by key: armed when the run or
 * attempt starts, disarmed when it ends, each firing at most once, on a thread of their own.
 */
final class DurationTimers {
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(Background.daemons("andon-health"));
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  /** Runs {@code r} after {@code delay} (at once when it has passed), unless disarmed first. */
  void schedule(String key, Duration delay, Runnable r) {
    long ms = Math.max(0, delay.toMillis());
    pending.put(
        key,
        timers.schedule(
            () -> {
              pending.remove(key);
              r.run();
            },
            ms,
            TimeUnit.MILLISECONDS));
  }

  /** Disarms the timer of {@code key}, if it has not fired. */
  void cancel(String key) {
    ScheduledFuture<?> f = pending.remove(key);
    if (f != null) {
      f.cancel(false);
    }
  }

  /** Disarms them all, for good. */
  void stop() {
    timers.shutdownNow();
  }
}
