package io.andon.ui.results;

import io.andon.store.AttemptRecord;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Assembles the task run page's view from the run history and the payloads' tables. */
public final class TaskRuns {
  private final Store store;
  private final PayloadResults payloads;

  public TaskRuns(Store store) {
    this.store = Objects.requireNonNull(store, "store");
    this.payloads = new PayloadResults(store);
  }

  /** The task {@code taskKey} of run {@code runId}; empty when either does not exist. */
  public Optional<TaskRunView> find(long runId, String taskKey) {
    Objects.requireNonNull(taskKey, "taskKey");
    Optional<RunRecord> run = new RunStore(store).find(runId);
    if (run.isEmpty()) {
      return Optional.empty();
    }
    List<TaskRecord> tasks = run.get().tasks();
    for (int i = 0; i < tasks.size(); i++) {
      TaskRecord t = tasks.get(i);
      if (t.taskKey().equals(taskKey)) {
        return Optional.of(view(run.get(), t, i));
      }
    }
    return Optional.empty();
  }

  /** The log file of attempt {@code number} (1-based, as {@link TaskRunView.Attempt#number}). */
  public Optional<Path> log(long runId, String taskKey, int number) {
    List<AttemptRecord> attempts = new RunHistory(store).attempts(runId, taskKey);
    if (number < 1 || number > attempts.size()) {
      return Optional.empty();
    }
    return attempts.get(number - 1).logPath().map(Path::of);
  }

  /** Whether attempt {@code number} has ended (an attempt that does not exist has). */
  public boolean attemptEnded(long runId, String taskKey, int number) {
    List<AttemptRecord> attempts = new RunHistory(store).attempts(runId, taskKey);
    return number < 1 || number > attempts.size() || attempts.get(number - 1).endTime().isPresent();
  }

  private TaskRunView view(RunRecord run, TaskRecord t, int position) {
    List<TaskRunView.Attempt> attempts = new ArrayList<>();
    int n = 0;
    for (AttemptRecord a : new RunHistory(store).attempts(run.runId(), t.taskKey())) {
      attempts.add(
          new TaskRunView.Attempt(
              ++n,
              a.attempt(),
              a.repairId(),
              a.iteration(),
              Instant.ofEpochMilli(a.startTime()),
              a.endTime().map(Instant::ofEpochMilli),
              a.exitCode(),
              a.resultState(),
              a.logPath().map(p -> Files.isRegularFile(Path.of(p))).orElse(false)));
    }
    return new TaskRunView(
        run.runId(),
        run.jobName(),
        t.taskKey(),
        (run.runId() << 32) + position + 1,
        t.state(),
        t.resultState(),
        t.message(),
        attempts,
        t.values(),
        payloads.of(run.runId(), t.taskKey(), t.values()));
  }
}
