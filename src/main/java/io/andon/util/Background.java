package io.andon.util;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

/**
 * Work on a second thread for a command's own start-up, where a pool would cost more than it saves.
 */
public final class Background {
  private Background() {}

  /**
   * Runs {@code work} on a daemon thread named {@code name}. Its result, or whatever it threw (an
   * Error too, so that nobody waits for a thread that died), comes back through {@link #join}.
   */
  public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try {
                f.complete(work.get());
              } catch (Throwable e) {
                f.completeExceptionally(e);
              }
            },
            name);
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** A factory of daemon threads named {@code name}, for a pool that must not keep the JVM up. */
  public static ThreadFactory daemons(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The value of {@code f}, or what its work threw, rethrown as it was thrown. */
  public static <T> T join(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
