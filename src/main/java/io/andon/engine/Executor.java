package io.andon.engine;

import io.andon.error.InvalidInputException;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.TriggerInfo;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.ServiceLoader;

/**
 * Runs jobs and repairs runs. Tasks start as soon as their dependencies allow, at most {@code
 * maxParallel} at once; every state change is committed to the store before it is acted on.
 */
public final class Executor {
  /**
   * How the executor runs: at most {@code maxParallel} attempts at once, retries and timeouts on
   * {@code timers} (and their clock), a queued run looking for a free place every {@code
   * queuePollMillis}.
   */
  public record Options(int maxParallel, Timers timers, long queuePollMillis) {
    public Options {
      if (maxParallel < 1) {
        throw new IllegalArgumentException("maxParallel must be at least 1, not " + maxParallel);
      }
      Objects.requireNonNull(timers, "timers");
    }

    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), Timers.system(), 500);
    }

    public Options withMaxParallel(int n) {
      return new Options(n, timers, queuePollMillis);
    }

    public Options withTimers(Timers t) {
      return new Options(maxParallel, t, queuePollMillis);
    }

    /** The clock the runs are timed on: that of the timers. */
    public Clock clock() {
      return timers.clock();
    }
  }

  /**
   * How a run ended. {@code tasks}, when present, are its tasks exactly as this run committed them
   * last (a fresh run's, in declaration order), so that the run can be shown without reading it
   * back; absent, read them from the store.
   */
  public record Outcome(
      long runId,
      LifeCycleState state,
      ResultState result,
      String message,
      java.util.Optional<List<io.andon.store.TaskRecord>> tasks) {
    public Outcome(long runId, LifeCycleState state, ResultState result, String message) {
      this(runId, state, result, message, java.util.Optional.empty());
    }
  }

  /** What a repair re-runs. */
  public record RepairRequest(List<String> tasks, boolean allFailed, boolean dependents) {
    public RepairRequest {
      tasks = List.copyOf(tasks);
      if (allFailed == !tasks.isEmpty()) {
        throw new InvalidInputException(
            "a repair takes either --rerun-all-failed or --task KEY,"
                + " not both and not neither.");
      }
    }
  }

  private final Store store;
  private final RunStore runs;
  private final Path home;
  private final Options options;
  private final List<RunListener> listeners;
  private final Map<String, PayloadRunner> runners = new HashMap<>();
  private final OptionalLong parentRunId;
  private final RunAdmission admission;
  private final RepairStart repairs;
  private final RunServices services;
  private volatile RunLoop current;
  private volatile boolean cancelRequested;

  public Executor(Store store, Options options, List<RunListener> listeners) {
    this(store, options, listeners, OptionalLong.empty());
  }

  private Executor(
      Store store, Options options, List<RunListener> listeners, OptionalLong parentRunId) {
    this.store = Objects.requireNonNull(store, "store");
    this.runs = new RunStore(store);
    this.home = store.home();
    this.options = Objects.requireNonNull(options, "options");
    this.listeners = List.copyOf(listeners);
    this.parentRunId = parentRunId;
    this.repairs = new RepairStart(store, runs, options.clock());
    this.admission =
        new RunAdmission(store, runs, options.clock(), options.queuePollMillis(), parentRunId);
    runners.putAll(runners());
    this.services =
        new RunServices(
            store,
            runs,
            this.listeners,
            options.maxParallel(),
            options.timers(),
            k -> Optional.ofNullable(runners.get(k)),
            this::child);
  }

  /**
   * The task runners of andon's plug-ins, found through the context class loader: looked up once
   * per class loader, as a service starts an executor for every run and reading the providers again
   * each time cost more than the rest of a run's set-up.
   */
  private static Map<String, PayloadRunner> runners() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    synchronized (RUNNERS) {
      return RUNNERS.computeIfAbsent(
          loader,
          l -> {
            Map<String, PayloadRunner> found = new HashMap<>();
            for (PayloadRunner r : ServiceLoader.load(PayloadRunner.class, l)) {
              found.put(r.key(), r);
            }
            return Map.copyOf(found);
          });
    }
  }

  private static final Map<ClassLoader, Map<String, PayloadRunner>> RUNNERS =
      new java.util.WeakHashMap<>();

  /**
   * Closes the runs that andon processes left unfinished, unless this command did already (a child
   * job's run never does: its parent's did).
   */
  private void recoverOnce() {
    if (parentRunId.isEmpty()) {
      Recovery.recoverOnce(store, options.clock());
    }
  }

  /** A child executor for a run_job_task, sharing store, options and listeners. */
  Executor child(long parentRun) {
    List<RunListener> inherited = listeners.stream().filter(RunListener::hearsChildRuns).toList();
    return new Executor(store, options, inherited, OptionalLong.of(parentRun));
  }

  /**
   * Cancels the run in progress: running tasks are killed (CANCELED), tasks that have not started
   * end UPSTREAM_CANCELED or CANCELED, ALL_DONE tasks still run. Safe from any thread.
   */
  public void cancel() {
    cancelRequested = true;
    RunLoop loop = current;
    if (loop != null) {
      loop.cancel(ResultState.CANCELED, "the run was canceled");
    }
  }

  /**
   * Runs the job of {@code request} with its parameter overrides, recording what started it;
   * returns when the run has ended (or was skipped, or canceled while queued).
   */
  public Outcome run(RunRequest request) {
    JobSpec job = request.job();
    Map<String, String> overrides = request.overrides();
    TriggerInfo trigger =
        request.trigger().orElseGet(() -> TriggerInfo.oneTime(options.clock().instant()));
    RunAdmission.checkParameters(job, overrides.keySet());
    Map<String, String> params = job.resolveParameters(overrides);
    recoverOnce();
    long now = options.clock().millis();
    String file = job.file().toAbsolutePath().normalize().toString();
    RunAdmission.Admitted admitted =
        admission.admit(job, params, trigger, request.creationWrite(), now);
    long runId = admitted.runId();
    LifeCycleState initial = admitted.state();
    request.created().accept(runId);
    if (initial == LifeCycleState.SKIPPED) {
      return new Outcome(
          runId,
          initial,
          ResultState.MAXIMUM_CONCURRENT_RUNS_REACHED,
          runs.find(runId).flatMap(RunRecord::message).orElse(""));
    }
    if (initial == LifeCycleState.QUEUED
        && !admission.waitInQueue(job, runId, () -> cancelRequested)) {
      return new Outcome(
          runId, LifeCycleState.TERMINATED, ResultState.CANCELED, "canceled while queued");
    }
    Unit[] units = new Unit[job.tasks().size()];
    for (int i = 0; i < units.length; i++) {
      units[i] = Unit.task(i, job.tasks().get(i));
    }
    RunLoop loop =
        new RunLoop(new RunFacts(runId, job, params, 0, now, trigger, home), units, services);
    return execute(loop);
  }

  private Outcome execute(RunLoop loop) {
    current = loop;
    try {
      if (cancelRequested) {
        loop.cancel(ResultState.CANCELED, "the run was canceled");
      }
      return loop.execute();
    } finally {
      current = null;
    }
  }

  /**
   * Repairs a finished run in place: re-runs the named tasks, or every task that did not succeed,
   * and with {@code dependents} everything downstream of them.
   */
  public Outcome repair(long runId, RepairRequest request, JobLoader loader) {
    RunRecord run = repairs.stored(runId);
    return repair(
        runId,
        request,
        loader.loadSource(
            Path.of(run.jobFile()),
            run.jobKey(),
            run.definition(),
            io.andon.job.BundleSettings.fromJson(run.bundle())),
        Map.of());
  }

  /**
   * Repairs a finished run in place with {@code job} as its definition (the job file as it is now,
   * or as the run stored it) and {@code overrides} over the parameters it last ran with. Tasks that
   * the definition adds run too.
   */
  public Outcome repair(
      long runId, RepairRequest request, JobSpec job, Map<String, String> overrides) {
    recoverOnce();
    RepairStart.Begun b = repairs.begin(runId, request, job, overrides);
    RunLoop loop =
        new RunLoop(
            new RunFacts(
                runId, job, b.params(), b.repairId(), b.run().startTime(), b.run().trigger(), home),
            b.units(),
            services);
    Outcome out = execute(loop);
    store.tx(
        c -> {
          runs.finishRepair(c, runId, b.repairId(), options.clock().millis(), out.result().name());
          return null;
        });
    return out;
  }
}
