package io.andon.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Timers whose clock moves only when a test moves it: {@link #advance} fires, on the test's thread,
 * every timer that falls due, so a retry or a timeout happens exactly then, at once.
 */
final class ManualTimers implements Timers {
  private record Entry(long due, long seq, Runnable task) {}

  private long now = 1_700_000_000_000L;
  private long seq;
  private final List<Entry> pending = new ArrayList<>();
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException("the manual clock is in UTC");
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
          synchronized (ManualTimers.this) {
            return now;
          }
        }
      };

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public synchronized Timer schedule(long delayMillis, Runnable task) {
    Entry e = new Entry(now + Math.max(0, delayMillis), seq++, task);
    pending.add(e);
    notifyAll();
    return () -> {
      synchronized (ManualTimers.this) {
        pending.remove(e);
      }
    };
  }

  /** Waits (30 s at most) until {@code n} timers are set; returns how far each is, in ms. */
  synchronized List<Long> awaitPending(int n) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (pending.size() < n) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(pending.size() + " timers set, not " + n);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return pending.stream().map(e -> e.due() - now).toList();
  }

  /** Moves the clock {@code millis} on and fires every timer due by then, in order. */
  void advance(long millis) {
    List<Entry> due;
    synchronized (this) {
      now += millis;
      due =
          pending.stream()
              .filter(e -> e.due() <= now)
              .sorted(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq))
              .toList();
      pending.removeAll(due);
    }
    due.forEach(e -> e.task().run());
  }
}
