package io.andon.engine;

import io.andon.error.InvalidInputException;
import io.andon.job.JobSpec;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.TriggerInfo;
import io.andon.store.NewRun;
import io.andon.store.RunStore;
import io.andon.store.RunUpdate;
import io.andon.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Whether a new run may start: its parameters checked, the run committed RUNNING, QUEUED (its job's
 * {@code max_concurrent_runs} reached, with a queue) or SKIPPED (reached, without one), with what
 * started it; a queued run waits here for a place. A child job's run is never limited.
 */
final class RunAdmission {
  /** The run committed, and the state it was committed in. */
  record Admitted(long runId, LifeCycleState state) {}

  private final Store store;
  private final RunStore runs;
  private final Clock clock;
  private final long queuePollMillis;
  private final OptionalLong parentRunId;

  RunAdmission(
      Store store, RunStore runs, Clock clock, long queuePollMillis, OptionalLong parentRunId) {
    this.store = store;
    this.runs = runs;
    this.clock = clock;
    this.queuePollMillis = queuePollMillis;
    this.parentRunId = parentRunId;
  }

  /** Every parameter given must be one the job declares. */
  static void checkParameters(JobSpec job, Set<String> given) {
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
   * Commits a new run of {@code job} with {@code params}, started by {@code trigger} at {@code
   * now}.
   */
  Admitted admit(
      JobSpec job,
      Map<String, String> params,
      TriggerInfo trigger,
      RunRequest.CreationWrite write,
      long now) {
    String file = job.file().toAbsolutePath().normalize().toString();
    long[] runId = new long[1];
    LifeCycleState initial =
        store.tx(
            c -> {
              boolean limited = parentRunId.isEmpty();
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
                          parentRunId));
              runs.recordTrigger(c, runId[0], trigger);
              write.write(c, runId[0]);
              return st;
            });
    return new Admitted(runId[0], initial);
  }

  /**
   * Waits until queued run {@code runId} of {@code job} may start (true), committing it RUNNING, or
   * is canceled while it waits (false), committed CANCELED.
   */
  boolean waitInQueue(JobSpec job, long runId, BooleanSupplier canceled) {
    boolean interrupted = false;
    while (true) {
      if (interrupted || canceled.getAsBoolean()) {
        store.tx(
            c -> {
              runs.updateRun(
                  c,
                  runId,
                  RunUpdate.ended(
                      LifeCycleState.TERMINATED,
                      ResultState.CANCELED,
                      Optional.of("canceled while queued"),
                      clock.millis()));
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
        Thread.sleep(queuePollMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        interrupted = true;
      }
      Recovery.recover(store, clock); // a run that holds a place may have died
    }
  }

  /** This andon process, as the owner of a run. */
  static RunUpdate.Owner owner() {
    return new RunUpdate.Owner(
        ProcessHandle.current().pid(),
        Processes.startMillis(ProcessHandle.current())
            .map(java.util.OptionalLong::of)
            .orElse(java.util.OptionalLong.empty()));
  }
}
