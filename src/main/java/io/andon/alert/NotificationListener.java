package io.andon.alert;

import io.andon.engine.RunListener;
import io.andon.job.JobSpec;
import io.andon.job.TaskSpec;
import io.andon.store.Store;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the events of a run into notifications in the outbox, following the job's {@code
 * email_notifications}, {@code webhook_notifications}, {@code notification_settings} and {@code
 * health} rules; and delivers them in the background. Each event's notification has an id derived
 * from the run, the event and the destination, so an event heard twice is notified once.
 *
 * <p>Which result states notify which hook is {@link HookRules}'s; the outbox entries are written
 * by {@link OutboxNotifier}.
 *
 * <p>The listener keeps the RUN_DURATION_SECONDS timers ({@link DurationTimers}) of the job and of
 * each task attempt, their thresholds from the typed health rules the loader read: the health rule
 * has this one owner, the engine times nothing of it.
 */
public final class NotificationListener implements RunListener, AutoCloseable {

  private final NotificationConfig config;
  private final Clock clock;
  private final Consumer<String> warn;
  private final OutboxNotifier notifier;
  private final DurationTimers durations = new DurationTimers();

  /**
   * @param warn where to say that something could not be written (never throws to the engine)
   */
  public NotificationListener(
      Outbox outbox, NotificationConfig config, Clock clock, Consumer<String> warn) {
    this.notifier =
        new OutboxNotifier(Objects.requireNonNull(outbox, "outbox"), clock, this::guard);
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.warn = Objects.requireNonNull(warn, "warn");
  }

  /**
   * The listener of a loaded job: its notification keys (already validated at load by {@link
   * NotificationsExtension}), the store's outbox, secrets from the environment, warnings to stderr.
   */
  public static NotificationListener forJob(JobSpec job, Store store) {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(store, "store");
    return new NotificationListener(
        Outbox.open(store),
        config(job, Env.system()),
        Clock.systemUTC(),
        m -> System.err.println("andon: " + m));
  }

  /** The notification settings of {@code job}; throws when they are invalid. */
  public static NotificationConfig config(JobSpec job, Env env) {
    Map<String, Map<String, io.andon.yaml.YNode>> tasks = new LinkedHashMap<>();
    for (TaskSpec t : job.tasks()) {
      tasks.put(t.taskKey(), t.extras());
    }
    Path dir = job.dir();
    Problems problems = new Problems();
    NotificationConfig c =
        NotificationConfig.parse(
            job, job.extras(), tasks, dir == null ? Path.of("") : dir, env, problems);
    problems.throwIfAny(job.file() + " has invalid notifications");
    return c;
  }

  /** Bound to one job's settings: a child job's runs follow their own file, not these. */
  @Override
  public boolean hearsChildRuns() {
    return false;
  }

  @Override
  public void runStarted(RunInfo run) {
    guard(
        () -> {
          notifier.notify(
              config.job(),
              Hook.ON_START,
              "run.started",
              key(run, "started"),
              run,
              Optional.empty(),
              job(run) + " started",
              job(run) + " started at " + run.startTime() + ".",
              Json.object());
          config
              .job()
              .durationThresholdSeconds()
              .ifPresent(
                  s -> {
                    Duration left =
                        Duration.ofSeconds(s)
                            .minus(Duration.between(run.startTime(), clock.instant()));
                    durations.schedule(
                        "run/" + run.runId(), left, () -> runDurationExceeded(run, s));
                  });
        });
  }

  @Override
  public void runFinished(RunInfo run, String resultState, String message) {
    guard(
        () -> {
          durations.cancel("run/" + run.runId());
          Optional<Hook> found = HookRules.hookFor(resultState, config.job());
          if (found.isEmpty()) {
            return;
          }
          Hook hook = found.get();
          String m = message == null || message.isBlank() ? "" : ": " + message;
          notifier.notify(
              config.job(),
              hook,
              "run." + HookRules.eventWord(resultState),
              key(run, "finished"),
              run,
              Optional.empty(),
              job(run) + " " + resultState,
              job(run) + " finished " + resultState + m + ".",
              Json.object()
                  .put("result_state", resultState)
                  .put("message", message == null ? "" : message));
        });
  }

  @Override
  public void taskStarted(RunInfo run, String taskKey, int attempt) {
    if (config.tasks().isEmpty()) {
      return; // no task has notifications or health rules: nothing to do, thousands of times
    }
    guard(
        () -> {
          Notifications n = config.task(baseKey(taskKey));
          if (!(n.alertOnLastAttempt() && attempt > 1)) {
            notifier.notify(
                n,
                Hook.ON_START,
                "task.started",
                key(run, "task/" + taskKey + "/" + attempt + "/started"),
                run,
                Optional.of(taskKey),
                task(run, taskKey) + " started",
                task(run, taskKey) + " started (attempt " + attempt + ").",
                Json.object().put("task_key", taskKey).put("attempt", attempt));
          }
          n.durationThresholdSeconds()
              .ifPresent(
                  s ->
                      durations.schedule(
                          "task/" + run.runId() + "/" + taskKey + "/" + attempt,
                          Duration.ofSeconds(s),
                          () -> taskDurationExceeded(run, taskKey, attempt, s)));
        });
  }

  @Override
  public void taskFinished(
      RunInfo run,
      String taskKey,
      String resultState,
      int attempt,
      boolean willRetry,
      String message) {
    if (config.tasks().isEmpty()) {
      return;
    }
    guard(
        () -> {
          durations.cancel("task/" + run.runId() + "/" + taskKey + "/" + attempt);
          Notifications n = config.task(baseKey(taskKey));
          Optional<Hook> found = HookRules.hookFor(resultState, n);
          if (found.isEmpty()
              || found.get() == Hook.ON_FAILURE && willRetry && n.alertOnLastAttempt()) {
            return;
          }
          Hook hook = found.get();
          String m = message == null || message.isBlank() ? "" : ": " + message;
          notifier.notify(
              n,
              hook,
              "task." + HookRules.eventWord(resultState),
              key(run, "task/" + taskKey + "/" + attempt + "/finished"),
              run,
              Optional.of(taskKey),
              task(run, taskKey) + " " + resultState,
              task(run, taskKey)
                  + " finished "
                  + resultState
                  + " on attempt "
                  + attempt
                  + (willRetry ? " (it will be retried)" : "")
                  + m
                  + ".",
              Json.object()
                  .put("task_key", taskKey)
                  .put("attempt", attempt)
                  .put("result_state", resultState)
                  .put("will_retry", willRetry)
                  .put("message", message == null ? "" : message));
        });
  }

  /** The run has been going longer than its health rule's RUN_DURATION_SECONDS. */
  public void runDurationExceeded(RunInfo run, long thresholdSeconds) {
    guard(
        () ->
            notifier.notify(
                config.job(),
                Hook.ON_DURATION_WARNING_THRESHOLD_EXCEEDED,
                "run.duration_warning",
                key(run, "duration"),
                run,
                Optional.empty(),
                job(run) + " is running longer than " + thresholdSeconds + " s",
                job(run)
                    + " has been running longer than its"
                    + " health rule's RUN_DURATION_SECONDS "
                    + thresholdSeconds
                    + " s (started "
                    + run.startTime()
                    + ").",
                Json.object().put("threshold_seconds", thresholdSeconds)));
  }

  /** A task attempt has been running longer than the task's RUN_DURATION_SECONDS. */
  public void taskDurationExceeded(
      RunInfo run, String taskKey, int attempt, long thresholdSeconds) {
    guard(
        () ->
            notifier.notify(
                config.task(baseKey(taskKey)),
                Hook.ON_DURATION_WARNING_THRESHOLD_EXCEEDED,
                "task.duration_warning",
                key(run, "task/" + taskKey + "/" + attempt + "/duration"),
                run,
                Optional.of(taskKey),
                task(run, taskKey) + " is running longer than " + thresholdSeconds + " s",
                task(run, taskKey)
                    + " (attempt "
                    + attempt
                    + ") has been running longer than its health rule's"
                    + " RUN_DURATION_SECONDS "
                    + thresholdSeconds
                    + " s.",
                Json.object()
                    .put("task_key", taskKey)
                    .put("attempt", attempt)
                    .put("threshold_seconds", thresholdSeconds)));
  }

  /**
   * Waits for background sends, then keeps delivering what falls due within {@code budget}; what
   * still fails stays in the outbox for {@code andon notifications retry}. Call before exiting.
   */
  public Outbox.Report finish(Duration budget) {
    durations.stop();
    return notifier.finish(budget);
  }

  /** {@link #finish} with a 10-second budget: long enough for the first retries. */
  @Override
  public void close() {
    finish(Duration.ofSeconds(10));
  }

  /** A for_each iteration is reported as {@code key[3]}; it follows the settings of {@code key}. */
  static String baseKey(String taskKey) {
    return taskKey.endsWith("]") && taskKey.matches(".*\\[\\d+\\]")
        ? taskKey.substring(0, taskKey.lastIndexOf('['))
        : taskKey;
  }

  /** How a notification names the run: {@code Job 'name' run 7}. */
  private static String job(RunInfo run) {
    return "Job '" + run.jobName() + "' run " + run.runId();
  }

  /** How a notification names a task of the run: {@code Task 'key' of job 'name' run 7}. */
  private static String task(RunInfo run, String taskKey) {
    return "Task '" + taskKey + "' of job '" + run.jobName() + "' run " + run.runId();
  }

  private static String key(RunInfo run, String event) {
    return "run/" + run.runId() + "/repair/" + run.repairCount() + "/" + event;
  }

  private void guard(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      try {
        warn.accept("could not record or send a notification: " + e.getMessage());
      } catch (RuntimeException ignored) {
        // a listener never throws to the engine
      }
    }
  }
}
