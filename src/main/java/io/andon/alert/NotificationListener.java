package io.andon.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.engine.RunListener;
import io.andon.job.JobSpec;
import io.andon.job.TaskSpec;
import io.andon.store.Store;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Turns the events of a run into notifications in the outbox, following the job's {@code
 * email_notifications}, {@code webhook_notifications}, {@code notification_settings} and {@code
 * health} rules; and delivers them in the background. Each event's notification has an id derived
 * from the run, the event and the destination, so an event heard twice is notified once.
 *
 * <p>Which result states notify which hook (see docs/alerts.md): SUCCESS → on_success; FAILED,
 * TIMEDOUT, INTERNAL_ERROR, SUCCESS_WITH_FAILURES and any state not listed here → on_failure;
 * CANCELED, UPSTREAM_CANCELED → on_failure unless no_alert_for_canceled_runs; SKIPPED,
 * MAXIMUM_CONCURRENT_RUNS_REACHED, UPSTREAM_FAILED → on_failure unless no_alert_for_skipped_runs;
 * EXCLUDED, DISABLED → nothing.
 *
 * <p>The listener keeps the RUN_DURATION_SECONDS timers of the job and of each task attempt: the
 * health rule has this one owner, the engine times nothing of it.
 */
public final class NotificationListener implements RunListener, AutoCloseable {
  private static final Set<String> CANCELED = Set.of("CANCELED", "UPSTREAM_CANCELED");
  private static final Set<String> SKIPPED =
      Set.of("SKIPPED", "MAXIMUM_CONCURRENT_RUNS_REACHED", "UPSTREAM_FAILED");
  private static final Set<String> SILENT = Set.of("EXCLUDED", "DISABLED");

  private final Outbox outbox;
  private final NotificationConfig config;
  private final Clock clock;
  private final Consumer<String> warn;
  private final ExecutorService sender = Executors.newSingleThreadExecutor(daemon("andon-notify"));
  private final ScheduledExecutorService timers =
      Executors.newSingleThreadScheduledExecutor(daemon("andon-health"));
  private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

  /**
   * @param warn where to say that something could not be written (never throws to the engine)
   */
  public NotificationListener(
      Outbox outbox, NotificationConfig config, Clock clock, Consumer<String> warn) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
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
          notify(
              config.job(),
              Hook.ON_START,
              "run.started",
              key(run, "started"),
              run,
              null,
              "Job '" + run.jobName() + "' run " + run.runId() + " started",
              "Job '"
                  + run.jobName()
                  + "' run "
                  + run.runId()
                  + " started at "
                  + run.startTime()
                  + ".",
              Json.object());
          config
              .job()
              .durationThresholdSeconds()
              .ifPresent(
                  s -> {
                    Duration left =
                        Duration.ofSeconds(s)
                            .minus(Duration.between(run.startTime(), clock.instant()));
                    schedule("run/" + run.runId(), left, () -> runDurationExceeded(run, s));
                  });
        });
  }

  @Override
  public void runFinished(RunInfo run, String resultState, String message) {
    guard(
        () -> {
          cancelTimer("run/" + run.runId());
          Hook hook = hookFor(resultState, config.job());
          if (hook == null) {
            return;
          }
          String m = message == null || message.isBlank() ? "" : ": " + message;
          notify(
              config.job(),
              hook,
              "run." + eventWord(resultState),
              key(run, "finished"),
              run,
              null,
              "Job '" + run.jobName() + "' run " + run.runId() + " " + resultState,
              "Job '"
                  + run.jobName()
                  + "' run "
                  + run.runId()
                  + " finished "
                  + resultState
                  + m
                  + ".",
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
            notify(
                n,
                Hook.ON_START,
                "task.started",
                key(run, "task/" + taskKey + "/" + attempt + "/started"),
                run,
                taskKey,
                "Task '"
                    + taskKey
                    + "' of job '"
                    + run.jobName()
                    + "' run "
                    + run.runId()
                    + " started",
                "Task '"
                    + taskKey
                    + "' of job '"
                    + run.jobName()
                    + "' run "
                    + run.runId()
                    + " started (attempt "
                    + attempt
                    + ").",
                Json.object().put("task_key", taskKey).put("attempt", attempt));
          }
          n.durationThresholdSeconds()
              .ifPresent(
                  s ->
                      schedule(
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
          cancelTimer("task/" + run.runId() + "/" + taskKey + "/" + attempt);
          Notifications n = config.task(baseKey(taskKey));
          Hook hook = hookFor(resultState, n);
          if (hook == null || (hook == Hook.ON_FAILURE && willRetry && n.alertOnLastAttempt())) {
            return;
          }
          String m = message == null || message.isBlank() ? "" : ": " + message;
          notify(
              n,
              hook,
              "task." + eventWord(resultState),
              key(run, "task/" + taskKey + "/" + attempt + "/finished"),
              run,
              taskKey,
              "Task '"
                  + taskKey
                  + "' of job '"
                  + run.jobName()
                  + "' run "
                  + run.runId()
                  + " "
                  + resultState,
              "Task '"
                  + taskKey
                  + "' of job '"
                  + run.jobName()
                  + "' run "
                  + run.runId()
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
            notify(
                config.job(),
                Hook.ON_DURATION_WARNING_THRESHOLD_EXCEEDED,
                "run.duration_warning",
                key(run, "duration"),
                run,
                null,
                "Job '"
                    + run.jobName()
                    + "' run "
                    + run.runId()
                    + " is running longer than "
                    + thresholdSeconds
                    + " s",
                "Job '"
                    + run.jobName()
                    + "' run "
                    + run.runId()
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
            notify(
                config.task(baseKey(taskKey)),
                Hook.ON_DURATION_WARNING_THRESHOLD_EXCEEDED,
                "task.duration_warning",
                key(run, "task/" + taskKey + "/" + attempt + "/duration"),
                run,
                taskKey,
                "Task '"
                    + taskKey
                    + "' of job '"
                    + run.jobName()
                    + "' run "
                    + run.runId()
                    + " is running longer than "
                    + thresholdSeconds
                    + " s",
                "Task '"
                    + taskKey
                    + "' of job '"
                    + run.jobName()
                    + "' run "
                    + run.runId()
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
    timers.shutdownNow();
    sender.shutdown();
    try {
      sender.awaitTermination(budget.toMillis() + 60_000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return outbox.drain(budget);
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

  private static Hook hookFor(String resultState, Notifications n) {
    if (resultState.equals("SUCCESS")) {
      return Hook.ON_SUCCESS;
    }
    if (SILENT.contains(resultState)) {
      return null;
    }
    if (CANCELED.contains(resultState)) {
      return n.noAlertForCanceledRuns() ? null : Hook.ON_FAILURE;
    }
    if (SKIPPED.contains(resultState)) {
      return n.noAlertForSkippedRuns() ? null : Hook.ON_FAILURE;
    }
    return Hook.ON_FAILURE;
  }

  private static String eventWord(String resultState) {
    return switch (resultState) {
      case "SUCCESS" -> "succeeded";
      case "FAILED" -> "failed";
      default -> resultState.toLowerCase();
    };
  }

  private static String key(RunInfo run, String event) {
    return "run/" + run.runId() + "/repair/" + run.repairCount() + "/" + event;
  }

  private void notify(
      Notifications n,
      Hook hook,
      String event,
      String eventKey,
      RunInfo run,
      String taskKey,
      String subject,
      String text,
      ObjectNode extra) {
    List<Destination> targets = n.targets(hook);
    if (targets.isEmpty()) {
      return;
    }
    ObjectNode data = Json.object();
    data.put("hook", hook.key());
    data.put("job_name", run.jobName());
    data.put("job_file", run.jobFile());
    data.put("run_id", run.runId());
    data.put("repair_count", run.repairCount());
    data.put("start_time", run.startTime().toString());
    ObjectNode params = data.putObject("parameters");
    run.parameters().forEach(params::put);
    data.setAll(extra);
    String source =
        "job "
            + run.jobName()
            + " run "
            + run.runId()
            + (taskKey == null ? "" : " task " + taskKey);
    Instant now = clock.instant();
    boolean any = false;
    for (Destination d : targets) {
      any |=
          outbox.enqueue(
              new Notification(
                  Notification.idFor(eventKey, d.id()),
                  d.id(),
                  event,
                  source,
                  "andon: " + subject,
                  text,
                  data,
                  now),
              d);
    }
    if (any) {
      sender.execute(() -> guard(outbox::deliverDue));
    }
  }

  private void schedule(String key, Duration delay, Runnable r) {
    long ms = Math.max(0, delay.toMillis());
    pending.put(
        key,
        timers.schedule(
            () -> {
              pending.remove(key);
              r.run();
            },
            ms,
            TimeUnit.MILLISECONDS));
  }

  private void cancelTimer(String key) {
    ScheduledFuture<?> f = pending.remove(key);
    if (f != null) {
      f.cancel(false);
    }
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

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
