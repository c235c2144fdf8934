package io.andon.monitor.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed number of threads for the monitor's independent pieces of work (columns, the two sides of
 * a comparison). With one thread the work runs in the caller, in order.
 */
public final class Workers implements AutoCloseable {
  private final int threads;
  private final ExecutorService pool;

  /**
   * @throws IllegalArgumentException when {@code threads} is below 1
   */
  public Workers(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "andon-monitor-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** The cores of this machine: the default number of threads. */
  public static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  public int threads() {
    return threads;
  }

  /**
   * Runs every task and returns their results in the tasks' order. The first task to fail (in that
   * order) ends the call with its exception, unchecked ones as they are.
   */
  public <T> List<T> all(List<? extends Callable<T>> tasks) {
    List<T> out = new ArrayList<>(tasks.size());
    if (threads == 1 || tasks.size() < 2) {
      for (Callable<T> t : tasks) {
        out.add(call(t));
      }
      return out;
    }
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    for (Callable<T> t : tasks) {
      futures.add(pool.submit(t));
    }
    try {
      for (Future<T> f : futures) {
        out.add(f.get());
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the monitor's work ran", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      throw unchecked(e.getCause());
    }
    return out;
  }

  private static <T> T call(Callable<T> t) {
    try {
      return t.call();
    } catch (Exception e) {
      throw unchecked(e);
    }
  }

  private static RuntimeException unchecked(Throwable t) {
    if (t instanceof RuntimeException r) {
      return r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(t.getMessage(), t);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
