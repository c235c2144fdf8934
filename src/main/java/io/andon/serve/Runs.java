package io.andon.serve;

import io.andon.alert.NotificationListener;
import io.andon.engine.Executor;
import io.andon.engine.RunListener;
import io.andon.engine.RunRequest;
import io.andon.error.AndonException;
import io.andon.job.JobSpec;
import io.andon.job.LifeCycleState;
import io.andon.job.TriggerInfo;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The runs of the service: each executes on a thread of its own through the engine's {@link
 * Executor}, in this JVM. Limits on concurrent runs and queues are the engine's, kept in the store,
 * so they hold across the service and an {@code andon run} on the same home. A cancel asked from
 * another process ({@code andon runs cancel}) is seen within 200 ms.
 */
public final class Runs implements RunStarter, AutoCloseable {
  /** A run this service executes: its executor and since when a cancel request counts. */
  private record Active(Executor executor, long since) {}

  private final Store store;
  private final RunStore runStore;
  private final ServeStore serveStore;
  private final JobCatalog catalog;
  private final int maxParallel;
  private final Metrics metrics;
  private final ServiceLog log;
  private final Clock clock;
  private final Map<Long, Active> active = new ConcurrentHashMap<>();
  private final ExecutorService threads;
  private final ScheduledExecutorService cancelWatch;
  private final Object idempotency = new Object();
  private volatile boolean accepting = true;

  Runs(
      Store store,
      JobCatalog catalog,
      int maxParallel,
      Metrics metrics,
      ServiceLog log,
      Clock clock) {
    this.store = store;
    this.runStore = new RunStore(store);
    this.serveStore = new ServeStore(store);
    this.catalog = catalog;
    this.maxParallel = maxParallel;
    this.metrics = metrics;
    this.log = log;
    this.clock = clock;
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(r -> daemon(r, "andon-run-" + n.incrementAndGet()));
    this.cancelWatch = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "andon-cancel"));
    cancelWatch.scheduleWithFixedDelay(this::lookForCancels, 200, 200, TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public long start(String jobName, Map<String, String> parameters, TriggerInfo trigger) {
    ServedJob job =
        catalog
            .byName(jobName)
            .orElseThrow(() -> ApiException.notFound("no job named '" + jobName + "' is served."));
    return start(job, parameters, trigger, Optional.empty());
  }

  /** A run-now: the same idempotency token always gives the same run, started once. */
  long runNow(ServedJob job, Map<String, String> parameters, Optional<String> token) {
    if (token.isEmpty()) {
      return start(job, parameters, TriggerInfo.oneTime(clock.instant()), token);
    }
    synchronized (idempotency) {
      Optional<ServeStore.ApiRun> earlier = serveStore.byToken(token.get());
      if (earlier.isPresent()) {
        return earlier.get().runId();
      }
      return start(job, parameters, TriggerInfo.oneTime(clock.instant()), token);
    }
  }

  private long start(
      ServedJob job, Map<String, String> parameters, TriggerInfo trigger, Optional<String> token) {
    if (!accepting) {
      throw ApiException.invalidState(
          "the service is stopping and starts no new run; submit"
              + " it again once andon serve is back.");
    }
    List<RunListener> listeners = new ArrayList<>();
    listeners.add(metrics.listener());
    Optional<NotificationListener> notifier =
        Optional.ofNullable(NotificationListener.forJob(job.spec(), store));
    notifier.ifPresent(listeners::add);
    Executor ex =
        new Executor(store, Executor.Options.defaults().withMaxParallel(maxParallel), listeners);
    CompletableFuture<Long> created = new CompletableFuture<>();
    long since = clock.millis();
    threads.execute(
        () -> {
          try {
            Executor.Outcome out =
                ex.run(
                    RunRequest.of(job.spec(), parameters)
                        .triggeredBy(trigger)
                        .writing(
                            (c, id) -> {
                              ServeStore.recordRun(c, id, job.jobId(), token);
                              RunHistory.writeTags(c, id, job.spec().tags());
                            })
                        .onCreated(
                            id -> {
                              active.put(id, new Active(ex, since));
                              created.complete(id);
                            }));
            if (out.state() == LifeCycleState.SKIPPED) {
              metrics.runEnded(out.result().name());
            }
            log.event(
                "run_ended",
                Map.of("run_id", out.runId(), "job", job.name(), "result", out.result().name()));
          } catch (RuntimeException e) {
            if (!created.completeExceptionally(e)) {
              log.event("run_error", Map.of("job", job.name(), "error", e.toString()));
            }
          } finally {
            created.thenAccept(active::remove);
            notifier.ifPresent(nl -> nl.finish(Duration.ofSeconds(10)));
          }
        });
    long runId = await(created);
    log.event(
        "run_started",
        Map.of("run_id", runId, "job", job.name(), "trigger", trigger.type().name()));
    return runId;
  }

  private static long await(CompletableFuture<Long> future) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AndonException ae) {
        throw ae;
      }
      throw new IllegalStateException("the run could not start", e.getCause());
    } catch (TimeoutException e) {
      throw ApiException.invalidState("the store stayed busy for a minute; try again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.invalidState("the service is stopping.");
    }
  }

  /** Cancels a run in progress, here or in another andon process; a finished run is left. */
  void cancel(long runId) {
    RunRecord run = find(runId);
    if (LifeCycleState.valueOf(run.state()).isFinal()) {
      return;
    }
    Active a = active.get(runId);
    if (a != null) {
      a.executor().cancel();
    } else {
      new RunHistory(store).requestCancel(runId, clock.millis());
    }
    log.event("run_cancel", Map.of("run_id", runId));
  }

  /** Cancels every run of {@code job} in progress. */
  void cancelAll(ServedJob job) {
    for (RunRecord r : runStore.list(10_000, Optional.of(job.name()))) {
      if (!LifeCycleState.valueOf(r.state()).isFinal()) {
        cancel(r.runId());
      }
    }
  }

  /**
   * Repairs a finished run with the job as it is served now (as Databricks repairs with the job's
   * current settings), or as the run stored it when the job is no longer served; returns the
   * repair's id once it is committed.
   */
  int repair(long runId, Executor.RepairRequest request, Map<String, String> parameters) {
    if (!accepting) {
      throw ApiException.invalidState("the service is stopping and starts no repair.");
    }
    RunRecord run = find(runId);
    LifeCycleState state = LifeCycleState.valueOf(run.state());
    if (!state.isFinal()) {
      throw ApiException.invalidState(
          "run "
              + runId
              + " is still in progress ("
              + state
              + "); wait for it to end, or cancel it, before repairing it.");
    }
    JobSpec job = catalog.specFor(run);
    int repairId = run.repairCount() + 1;
    Executor ex =
        new Executor(
            store,
            Executor.Options.defaults().withMaxParallel(maxParallel),
            List.of(metrics.listener()));
    CompletableFuture<Void> done = new CompletableFuture<>();
    active.put(runId, new Active(ex, clock.millis()));
    threads.execute(
        () -> {
          try {
            Executor.Outcome out = ex.repair(runId, request, job, parameters);
            log.event(
                "repair_ended",
                Map.of("run_id", runId, "repair_id", repairId, "result", out.result().name()));
            done.complete(null);
          } catch (RuntimeException e) {
            done.completeExceptionally(e);
          } finally {
            active.remove(runId);
          }
        });
    waitForRepair(runId, repairId, done);
    log.event("repair_started", Map.of("run_id", runId, "repair_id", repairId));
    return repairId;
  }

  private void waitForRepair(long runId, int repairId, CompletableFuture<Void> done) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (done.isCompletedExceptionally()) {
        await(done.thenApply(v -> 0L));
      }
      if (done.isDone() || find(runId).repairCount() >= repairId) {
        return;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private RunRecord find(long runId) {
    return runStore
        .find(runId, List.of())
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "there is no run " + runId + "; jobs/runs/list shows the runs."));
  }

  private void lookForCancels() {
    try {
      RunHistory history = new RunHistory(store);
      active.forEach(
          (runId, a) -> {
            if (history.cancelRequested(runId, a.since())) {
              a.executor().cancel();
            }
          });
    } catch (RuntimeException e) {
      // the store is busy: the next look tells
    }
  }

  /** How many runs this service is executing. */
  int activeCount() {
    return active.size();
  }

  /**
   * Stops starting runs; lets those in progress finish for up to {@code grace}, then cancels them
   * as Ctrl-C does and waits for them to end.
   */
  void shutdown(Duration grace) {
    accepting = false;
    long deadline = System.nanoTime() + grace.toNanos();
    while (!active.isEmpty() && System.nanoTime() < deadline) {
      sleep(50);
    }
    if (!active.isEmpty()) {
      log.event("grace_over", Map.of("canceling", active.keySet()));
      active.values().forEach(a -> a.executor().cancel());
    }
    long hard = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!active.isEmpty() && System.nanoTime() < hard) {
      sleep(50);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    accepting = false;
    cancelWatch.shutdownNow();
    threads.shutdownNow();
  }
}
