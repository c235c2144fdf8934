package io.andon.engine;

import io.andon.job.ResultState;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The worker threads of one run: each runs one attempt, from the snapshots the scheduling thread
 * made when it dispatched it, and posts its end back to the loop ({@link LoopEvent.Done}).
 */
final class WorkerAttempts {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService workers =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "andon-task-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
  private final AttemptEnv env;
  private final Consumer<LoopEvent> post;
  private final LongSupplier clock;

  WorkerAttempts(AttemptEnv env, Consumer<LoopEvent> post, LongSupplier clock) {
    this.env = env;
    this.post = post;
    this.clock = clock;
  }

  /**
   * Runs the attempt of {@code u}, committed RUNNING already, on a worker: on the scheduling
   * thread, which owns {@code u}; {@code seen} is what it reads of the other tasks.
   */
  void start(Unit u, TaskViews.Snapshot seen, Resolver resolver) {
    AttemptView a = env.view(u); // what the attempt reads of u, from its thread
    workers.execute(
        () -> {
          AttemptResult r;
          try {
            r = Attempts.run(env, a, resolver, seen);
          } catch (Throwable e) {
            r = AttemptResult.of(ResultState.FAILED, "andon could not run the task: " + e);
          }
          post.accept(new LoopEvent.Done(u, r, clock.getAsLong()));
        });
  }

  /** Stops the workers: an attempt still running is interrupted. */
  void stop() {
    workers.shutdownNow();
  }
}
