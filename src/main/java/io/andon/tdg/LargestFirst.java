package io.andon.tdg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Maps items on every core, one item at a time from a shared queue, the largest first: the cores
 * end together, where a parallel stream hands each core a fixed run of items in list order and one
 * core can be left parsing the run's big files alone at the end.
 */
final class LargestFirst {
  private LargestFirst() {}

  /** {@code f} of each item, in the items' order; the first failure is thrown once all stop. */
  static <T, R> List<R> map(List<T> items, ToLongFunction<T> size, Function<T, R> f) {
    int n = items.size();
    long[] sizes = new long[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = size.applyAsLong(items.get(i));
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingLong((Integer i) -> sizes[i]).reversed());
    Object[] out = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable work =
        () -> {
          try {
            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
              out[order[i]] = f.apply(items.get(order[i]));
            }
          } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
            next.set(n);
          }
        };
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), n);
    List<Thread> helpers = new ArrayList<>();
    for (int t = 1; t < threads; t++) {
      Thread helper = new Thread(work, "andon-scan-" + t);
      helper.setDaemon(true);
      helper.start();
      helpers.add(helper);
    }
    work.run();
    for (Thread helper : helpers) {
      joinUninterruptibly(helper);
    }
    Throwable e = failure.get();
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error err) {
      throw err;
    }
    @SuppressWarnings("unchecked")
    List<R> result = (List<R>) Arrays.asList(out);
    return List.copyOf(result);
  }

  private static void joinUninterruptibly(Thread t) {
    boolean interrupted = false;
    while (t.isAlive()) {
      try {
        t.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
