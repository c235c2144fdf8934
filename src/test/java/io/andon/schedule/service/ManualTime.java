package io.andon.schedule.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A clock and a scheduler that move only when a test says so: {@link #advanceTo} runs every timer
 * due by then, each with the clock set to its due time, in due order. Nothing sleeps.
 */
final class ManualTime extends AbstractExecutorService implements ScheduledExecutorService {
  private Instant now;
  private long sequence;
  private final PriorityQueue<Timer> timers =
      new PriorityQueue<>(
          java.util.Comparator.<Timer, Instant>comparing(t -> t.due).thenComparingLong(t -> t.seq));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          throw new UnsupportedOperationException("a manual clock stays in UTC");
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  ManualTime(Instant start) {
    this.now = start;
  }

  Clock clock() {
    return clock;
  }

  Instant now() {
    return now;
  }

  /** Timers pending (not canceled). */
  int pending() {
    return (int) timers.stream().filter(t -> !t.canceled).count();
  }

  /** Moves the clock to {@code target}, running each timer due on the way at its due time. */
  void advanceTo(Instant target) {
    while (true) {
      Timer next = timers.peek();
      if (next == null || next.due.isAfter(target)) {
        break;
      }
      timers.poll();
      if (next.canceled) {
        continue;
      }
      if (next.due.isAfter(now)) {
        now = next.due;
      }
      next.done = true;
      next.task.run();
    }
    if (target.isAfter(now)) {
      now = target;
    }
  }

  void advance(Duration d) {
    advanceTo(now.plus(d));
  }

  /** Moves the clock without running any timer: the service was not there to see the time go. */
  void jumpTo(Instant target) {
    now = target;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Timer t = new Timer(now.plusNanos(unit.toNanos(delay)), sequence++, command);
    timers.add(t);
    return t;
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the schedule service schedules Runnables");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException("the schedule service plans each timer itself");
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("the schedule service plans each timer itself");
  }

  @Override
  public void execute(Runnable command) {
    schedule(command, 0, TimeUnit.MILLISECONDS);
  }

  @Override
  public void shutdown() {
    timers.clear();
  }

  @Override
  public List<Runnable> shutdownNow() {
    List<Runnable> left = new ArrayList<>();
    timers.forEach(t -> left.add(t.task));
    timers.clear();
    return left;
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Timer implements ScheduledFuture<Object> {
    final Instant due;
    final long seq;
    final Runnable task;
    boolean canceled;
    boolean done;

    Timer(Instant due, long seq, Runnable task) {
      this.due = due;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(now, due).toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean was = !canceled && !done;
      canceled = true;
      return was;
    }

    @Override
    public boolean isCancelled() {
      return canceled;
    }

    @Override
    public boolean isDone() {
      return done || canceled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
