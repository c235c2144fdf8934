package io.andon.engine;

import io.andon.error.InvalidInputException;
import io.andon.job.Dag;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.TaskSpec;
import io.andon.job.TriggerInfo;
import io.andon.store.NewRun;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.RunUpdate;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

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
  private final Long parentRunId;
  private final RunServices services;
  private volatile RunLoop current;
  private volatile boolean cancelRequested;

  public Executor(Store store, Options options, List<RunListener> listeners) {
    this(store, options, listeners, null);
  }

  Executor(Store store, Options options, List<RunListener> listeners, Long parentRunId) {
    this.store = Objects.requireNonNull(store, "store");
    this.runs = new RunStore(store);
    this.home = store.home();
    this.options = Objects.requireNonNull(options, "options");
    this.listeners = List.copyOf(listeners);
    this.parentRunId = parentRunId;
    for (PayloadRunner r : ServiceLoader.load(PayloadRunner.class)) {
      runners.put(r.key(), r);
    }
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
   * Closes the runs that andon processes left unfinished, unless this command did already (a child
   * job's run never does: its parent's did).
   */
  private void recoverOnce() {
    if (parentRunId == null) {
      Recovery.recoverOnce(store, options.clock());
    }
  }

  /** A child executor for a run_job_task, sharing store, options and listeners. */
  Executor child(long parentRun) {
    List<RunListener> inherited = listeners.stream().filter(RunListener::hearsChildRuns).toList();
    return new Executor(store, options, inherited, parentRun);
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

  private static void checkParameters(JobSpec job, Set<String> given) {
    for (String name : given) {
      if (job.parameters().stream().noneMatch(p -> p.name().equals(name))) {
        List<String> names = job.parameters().stream().map(p -> p.name()).toList();
        throw new InvalidInputException(
            "job "
                + job.name()
                + " has no parameter '"
                + name
                + "'"
                + (names.isEmpty()
                    ? " (it declares none)"
                    : "; it has: " + String.join(", ", names))
                + "."
                + io.andon.util.Strings.didYouMean(name, names));
      }
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
    checkParameters(job, overrides.keySet());
    Map<String, String> params = job.resolveParameters(overrides);
    recoverOnce();
    long now = options.clock().millis();
    String file = job.file().toAbsolutePath().normalize().toString();
    long[] runId = new long[1];
    LifeCycleState initial =
        store.tx(
            c -> {
              boolean limited = parentRunId == null;
              int active = limited ? runs.activeRuns(c, job.name()) : 0;
              LifeCycleState st;
              Optional<ResultState> result = Optional.empty();
              Optional<String> message = Optional.empty();
              if (limited && active >= job.maxConcurrentRuns()) {
                if (job.queueEnabled() && job.maxConcurrentRuns() > 0) {
                  st = LifeCycleState.QUEUED;
                } else {
                  st = LifeCycleState.SKIPPED;
                  result = Optional.of(ResultState.MAXIMUM_CONCURRENT_RUNS_REACHED);
                  message =
                      Optional.of(
                          "job "
                              + job.name()
                              + " already has "
                              + active
                              + " run(s) in progress and"
                              + " max_concurrent_runs is "
                              + job.maxConcurrentRuns()
                              + "; this run was skipped."
                              + " Set queue.enabled: true to wait instead.");
                }
              } else {
                st = LifeCycleState.RUNNING;
              }
              runId[0] =
                  runs.insertRun(
                      c,
                      new NewRun(
                          job.name(),
                          file,
                          job.jobKey(),
                          job.source(),
                          job.bundle().toJson(),
                          params,
                          st,
                          result,
                          message,
                          now,
                          owner(),
                          parentRunId == null
                              ? java.util.OptionalLong.empty()
                              : java.util.OptionalLong.of(parentRunId)));
              runs.recordTrigger(c, runId[0], trigger);
              return st;
            });
    request.created().accept(runId[0]);
    if (initial == LifeCycleState.SKIPPED) {
      return new Outcome(
          runId[0],
          initial,
          ResultState.MAXIMUM_CONCURRENT_RUNS_REACHED,
          runs.find(runId[0]).flatMap(RunRecord::message).orElse(""));
    }
    if (initial == LifeCycleState.QUEUED && !waitInQueue(job, runId[0])) {
      return new Outcome(
          runId[0], LifeCycleState.TERMINATED, ResultState.CANCELED, "canceled while queued");
    }
    Unit[] units = new Unit[job.tasks().size()];
    for (int i = 0; i < units.length; i++) {
      units[i] = Unit.task(i, job.tasks().get(i));
    }
    RunLoop loop =
        new RunLoop(new RunFacts(runId[0], job, params, 0, now, trigger, home), units, services);
    return execute(loop);
  }

  private boolean waitInQueue(JobSpec job, long runId) {
    while (true) {
      if (cancelRequested) {
        store.tx(
            c -> {
              runs.updateRun(
                  c,
                  runId,
                  RunUpdate.ended(
                      LifeCycleState.TERMINATED,
                      ResultState.CANCELED,
                      Optional.of("canceled while queued"),
                      options.clock().millis()));
              return null;
            });
        return false;
      }
      boolean started =
          store.tx(
              c -> {
                if (runs.activeRuns(c, job.name()) < job.maxConcurrentRuns()) {
                  runs.updateRun(c, runId, RunUpdate.running());
                  return true;
                }
                return false;
              });
      if (started) {
        return true;
      }
      try {
        Thread.sleep(options.queuePollMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        cancelRequested = true;
      }
      Recovery.recover(store, options.clock()); // a run that holds a place may have died
    }
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

  /** This andon process, as the owner of a run. */
  private static RunUpdate.Owner owner() {
    return new RunUpdate.Owner(
        ProcessHandle.current().pid(),
        Processes.startMillis(ProcessHandle.current())
            .map(java.util.OptionalLong::of)
            .orElse(java.util.OptionalLong.empty()));
  }

  private static InvalidInputException beingRepaired(long runId) {
    return new InvalidInputException(
        "run "
            + runId
            + " is being repaired by another andon"
            + " command; wait for it to finish (`andon runs show "
            + runId
            + "`), then repair again"
            + " if tasks still failed.");
  }

  /**
   * Repairs a finished run in place: re-runs the named tasks, or every task that did not succeed,
   * and with {@code dependents} everything downstream of them.
   */
  public Outcome repair(long runId, RepairRequest request, JobLoader loader) {
    RunRecord run =
        runs.find(runId)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "there is no run "
                            + runId
                            + " in "
                            + home
                            + "; `andon runs list` shows the runs."));
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
    RunRecord run =
        runs.find(runId)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "there is no run "
                            + runId
                            + " in "
                            + home
                            + "; `andon runs list` shows the runs."));
    LifeCycleState st = LifeCycleState.valueOf(run.state());
    if (!st.isFinal()) {
      throw run.repairCount() > 0
          ? beingRepaired(runId)
          : new InvalidInputException(
              "run "
                  + runId
                  + " is still in progress ("
                  + st
                  + "); wait"
                  + " for it to finish, or cancel it, before repairing it.");
    }
    if (run.parentRunId().isPresent()) {
      throw new InvalidInputException(
          "run "
              + runId
              + " is the child run of run "
              + run.parentRunId().get()
              + "; repair the parent run instead.");
    }
    Map<String, String> params = new java.util.LinkedHashMap<>(run.parameters());
    List<io.andon.store.RepairRecord> earlier = new io.andon.store.RunHistory(store).repairs(runId);
    if (!earlier.isEmpty()) {
      earlier.get(earlier.size() - 1).parameters().ifPresent(params::putAll);
    }
    checkParameters(job, overrides.keySet());
    params.putAll(overrides);
    Dag dag = job.dag();
    Set<Integer> rerun = new LinkedHashSet<>();
    Map<String, TaskRecord> stored = new HashMap<>();
    run.tasks().forEach(t -> stored.put(t.taskKey(), t));
    if (request.allFailed()) {
      for (int i = 0; i < dag.size(); i++) {
        TaskRecord t = stored.get(dag.key(i));
        if (t == null
            || t.resultState().isEmpty()
            || !ResultState.valueOf(t.resultState().get()).countsAsSuccess()) {
          rerun.add(i);
        }
      }
      if (rerun.isEmpty()) {
        throw new InvalidInputException(
            "run "
                + runId
                + " has no failed task to re-run; name"
                + " tasks with --task KEY to re-run succeeded ones.");
      }
    } else {
      for (String k : request.tasks()) {
        int i =
            dag.indexOf(k)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "run "
                                + runId
                                + " (job "
                                + job.name()
                                + ") has no task '"
                                + k
                                + "'."
                                + io.andon.util.Strings.didYouMean(
                                    k, job.tasks().stream().map(TaskSpec::taskKey).toList())));
        rerun.add(i);
      }
    }
    for (int i = 0; i < dag.size(); i++) {
      if (!stored.containsKey(dag.key(i))) {
        rerun.add(i); // a task the definition added never ran
      }
    }
    if (request.dependents()) {
      for (int i : new ArrayList<>(rerun)) {
        boolean[] down = dag.downstreamClosure(i);
        for (int d = 0; d < down.length; d++) {
          if (down[d]) {
            rerun.add(d);
          }
        }
      }
    }
    int repairId = run.repairCount() + 1;
    long now = options.clock().millis();
    Unit[] units = new Unit[job.tasks().size()];
    List<String> rerunKeys = new ArrayList<>();
    for (int i = 0; i < units.length; i++) {
      units[i] =
          Unit.forRepair(
              i,
              job.tasks().get(i),
              Optional.ofNullable(stored.get(dag.key(i))),
              rerun.contains(i),
              repairId);
      if (rerun.contains(i)) {
        rerunKeys.add(units[i].taskKey());
      }
    }
    store.tx(
        c -> {
          // the write lock is held from here: a repair that started since the run was read wins
          try (java.sql.PreparedStatement ps =
              c.prepareStatement("SELECT state, repair_count FROM runs WHERE run_id = ?")) {
            ps.setLong(1, runId);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
              if (rs.next()
                  && (!LifeCycleState.valueOf(rs.getString(1)).isFinal()
                      || rs.getInt(2) != run.repairCount())) {
                throw beingRepaired(runId);
              }
            }
          }
          runs.insertRepair(
              c,
              runId,
              repairId,
              now,
              Json.write(rerunKeys),
              job.source(),
              params,
              run.endTime().orElse(null));
          runs.updateRun(c, runId, RunUpdate.repairing(repairId, owner()));
          for (String k : rerunKeys) {
            runs.deleteIterations(c, runId, k);
          }
          return null;
        });
    RunLoop loop =
        new RunLoop(
            new RunFacts(runId, job, params, repairId, run.startTime(), run.trigger(), home),
            units,
            services);
    Outcome out = execute(loop);
    store.tx(
        c -> {
          runs.finishRepair(c, runId, repairId, options.clock().millis(), out.result().name());
          return null;
        });
    return out;
  }
}
