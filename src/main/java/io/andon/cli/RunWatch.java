package io.andon.cli;

import io.andon.engine.Executor;
import io.andon.engine.RunListener;
import io.andon.store.RunHistory;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the command that runs a job does beside the engine: records the job's tags on the run, and,
 * while the run is in progress, looks in the store every {@link #POLL_MS} ms for a cancel that
 * {@code andon runs cancel} asked for from another process, and cancels the run then.
 */
final class RunWatch implements RunListener {
  /** How often the store is asked for a cancel request: well within a second. */
  static final long POLL_MS = 200;

  private static final ScheduledExecutorService POLLER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "andon-cancel-watch");
            t.setDaemon(true);
            return t;
          });

  private final RunHistory history;
  private volatile Executor executor;
  private final Map<String, String> tags;
  private final long since;
  private ScheduledFuture<?> poll;

  /**
   * @param since when the command started: cancel requests older than that were for an earlier
   *     attempt of the run
   */
  RunWatch(RunHistory history, Map<String, String> tags, long since) {
    this.history = history;
    this.tags = Map.copyOf(tags);
    this.since = since;
  }

  /** The executor whose run a cancel request cancels. */
  void attach(Executor ex) {
    this.executor = ex;
  }

  @Override
  public boolean hearsChildRuns() {
    return false;
  }

  @Override
  public synchronized void runStarted(RunInfo run) {
    history.writeTags(run.runId(), tags);
    long runId = run.runId();
    poll =
        POLLER.scheduleWithFixedDelay(
            () -> {
              try {
                if (executor != null && history.cancelRequested(runId, since)) {
                  executor.cancel();
                  stop();
                }
              } catch (RuntimeException e) {
                // the store is busy or closing: the next look will tell
              }
            },
            POLL_MS,
            POLL_MS,
            TimeUnit.MILLISECONDS);
  }

  @Override
  public void runFinished(RunInfo run, String resultState, String message) {
    stop();
  }

  /** Stops looking for cancel requests; safe to call more than once. */
  synchronized void stop() {
    if (poll != null) {
      poll.cancel(false);
      poll = null;
    }
  }
}
