package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.engine.RunListener.RunInfo;
import io.andon.error.InvalidInputException;
import io.andon.job.Dependency;
import io.andon.job.HealthReader;
import io.andon.job.JobSpec;
import io.andon.job.RunIf;
import io.andon.job.TaskSpec;
import io.andon.store.Store;
import io.andon.yaml.Loc;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationListenerTest {
  static final Env ENV = Env.of(Map.of("OPS_SECRET", DestinationsTest.SECRET));
  static final RunInfo RUN =
      new RunInfo(
          12,
          "nightly",
          "jobs/nightly.yml",
          Instant.parse("2026-11-28T10:00:00Z"),
          Map.of("day", "2026-11-28"),
          0);

  @TempDir Path dir;
  Store store;
  Outbox outbox;
  final List<String> warnings = new ArrayList<>();

  @BeforeEach
  void open() {
    store = Store.open(dir.resolve("home"));
    outbox =
        new Outbox(
            store,
            new Senders(ENV, Clock.systemUTC()),
            Clock.systemUTC(),
            d -> Thread.sleep(d.toMillis()));
  }

  @AfterEach
  void close() {
    store.close();
  }

  /** A job whose file is {@code yaml}; tasks are the entries of its {@code tasks:} list. */
  private JobSpec job(String yaml) throws Exception {
    Path file = dir.resolve("job.yml");
    Files.writeString(file, yaml);
    YMap root = (YMap) YamlReader.read(file);
    Map<String, YNode> extras = new LinkedHashMap<>();
    for (String k : NotificationConfig.JOB_KEYS) {
      root.get(k).ifPresent(v -> extras.put(k, v));
    }
    List<TaskSpec> tasks = new ArrayList<>();
    root.get("tasks")
        .map(YNode.class::cast)
        .ifPresent(
            t -> {
              for (YNode n : ((io.andon.yaml.YList) t).items()) {
                YMap m = (YMap) n;
                Map<String, YNode> te = new LinkedHashMap<>();
                for (String k : NotificationConfig.TASK_KEYS) {
                  m.get(k).ifPresent(v -> te.put(k, v));
                }
                tasks.add(
                    new TaskSpec(
                        ((io.andon.yaml.YScalar) m.get("task_key").orElseThrow()).text(),
                        List.<Dependency>of(),
                        RunIf.ALL_SUCCESS,
                        Optional.empty(),
                        false,
                        0,
                        2,
                        0,
                        false,
                        () -> "shell_task",
                        te,
                        HealthReader.read(m.get("health"), "a task", new io.andon.yaml.Problems()),
                        new Loc(file.toString(), 1, 1)));
              }
            });
    return new JobSpec(
        "nightly",
        file,
        Optional.empty(),
        List.of(),
        tasks,
        1,
        false,
        0,
        Map.of(),
        extras,
        HealthReader.read(root.get("health"), "the job", new io.andon.yaml.Problems()),
        yaml,
        io.andon.job.BundleSettings.NONE,
        file.toAbsolutePath().getParent());
  }

  private NotificationListener listener(JobSpec job) {
    return new NotificationListener(
        outbox, NotificationListener.config(job, ENV), Clock.systemUTC(), warnings::add);
  }

  private List<String> events() {
    return outbox.list(Optional.empty(), 1000).stream()
        .map(n -> n.event() + "->" + n.destinationId())
        .sorted()
        .toList();
  }

  private static final String FILES =
      """
      destinations:
        ops: {type: file, path: out/ops.jsonl}
        audit: {type: file, path: out/audit.jsonl}
      """;

  @Test
  void eachJobHookNotifiesItsDestinations() throws Exception {
    JobSpec job =
        job(
            FILES
                + """
        webhook_notifications:
          on_start: [{id: audit}]
          on_success: [{id: audit}]
          on_failure: [{id: ops}, {id: audit}]
        """);
    try (NotificationListener l = listener(job)) {
      l.runStarted(RUN);
      l.runFinished(RUN, "FAILED", "task train failed");
      RunInfo next = new RunInfo(13, "nightly", "jobs/nightly.yml", Instant.now(), Map.of(), 0);
      l.runStarted(next);
      l.runFinished(next, "SUCCESS", "");
    }
    assertThat(events())
        .containsExactly(
            "run.failed->audit",
            "run.failed->ops",
            "run.started->audit",
            "run.started->audit",
            "run.succeeded->audit");
    assertThat(outbox.list(Optional.empty(), 100))
        .allMatch(n -> n.state() == StoredNotification.State.DELIVERED);
    List<String> lines = Files.readAllLines(dir.resolve("out/ops.jsonl"));
    assertThat(lines).hasSize(1);
    assertThat(lines.get(0))
        .contains("\"run_id\":12")
        .contains("\"result_state\":\"FAILED\"")
        .contains("\"hook\":\"on_failure\"")
        .contains("\"day\":\"2026-11-28\"")
        .contains("task train failed");
    assertThat(warnings).isEmpty();
  }

  @Test
  void canceledAndSkippedRunsNotifyOnFailureUnlessSilenced() throws Exception {
    String hooks = "webhook_notifications: {on_failure: [{id: ops}]}\n";
    try (NotificationListener l = listener(job(FILES + hooks))) {
      l.runFinished(RUN, "CANCELED", "canceled by user");
      l.runFinished(new RunInfo(13, "nightly", "f", Instant.now(), Map.of(), 0), "SKIPPED", "");
      l.runFinished(new RunInfo(14, "nightly", "f", Instant.now(), Map.of(), 0), "EXCLUDED", "");
    }
    assertThat(events()).containsExactly("run.canceled->ops", "run.skipped->ops");

    store.tx(
        c ->
            c.createStatement().executeUpdate("DELETE FROM notification_attempts")
                + c.createStatement().executeUpdate("DELETE FROM notifications"));
    try (NotificationListener l =
        listener(
            job(
                FILES
                    + hooks
                    + """
        notification_settings: {no_alert_for_skipped_runs: true, no_alert_for_canceled_runs: true}
        """))) {
      l.runFinished(RUN, "CANCELED", "canceled by user");
      l.runFinished(new RunInfo(13, "nightly", "f", Instant.now(), Map.of(), 0), "SKIPPED", "");
      l.runFinished(new RunInfo(15, "nightly", "f", Instant.now(), Map.of(), 0), "TIMEDOUT", "");
    }
    assertThat(events()).containsExactly("run.timedout->ops");
  }

  @Test
  void alertOnLastAttemptWaitsForTheLastRetryAndSkipsRetryStarts() throws Exception {
    JobSpec job =
        job(
            FILES
                + """
        tasks:
          - task_key: train
            webhook_notifications: {on_start: [{id: audit}], on_failure: [{id: ops}]}
            notification_settings: {alert_on_last_attempt: true}
          - task_key: score
            webhook_notifications: {on_start: [{id: audit}], on_failure: [{id: ops}]}
        """);
    try (NotificationListener l = listener(job)) {
      l.taskStarted(RUN, "train", 1);
      l.taskFinished(RUN, "train", "FAILED", 1, true, "exit 1");
      l.taskStarted(RUN, "train", 2);
      l.taskFinished(RUN, "train", "FAILED", 2, false, "exit 1");
      l.taskStarted(RUN, "score", 1);
      l.taskFinished(RUN, "score", "FAILED", 1, true, "exit 1");
      l.taskStarted(RUN, "score", 2);
    }
    List<StoredNotification> all = outbox.list(Optional.empty(), 100);
    assertThat(events())
        .containsExactly(
            "task.failed->ops",
            "task.failed->ops",
            "task.started->audit",
            "task.started->audit",
            "task.started->audit");
    assertThat(all)
        .filteredOn(n -> n.source().endsWith("train"))
        .extracting(StoredNotification::text)
        .containsExactlyInAnyOrder(
            "Task 'train' of job 'nightly' run 12 started (attempt 1).",
            "Task 'train' of job 'nightly' run 12 finished FAILED on attempt 2: exit 1.");
  }

  @Test
  void forEachIterationsFollowTheirTasksSettingsOncePerIteration() throws Exception {
    JobSpec job =
        job(
            FILES
                + """
        tasks:
          - task_key: score
            webhook_notifications: {on_failure: [{id: ops}]}
        """);
    try (NotificationListener l = listener(job)) {
      l.taskFinished(RUN, "score[0]", "FAILED", 1, false, "bad row");
      l.taskFinished(RUN, "score[1]", "FAILED", 1, false, "bad row");
      l.taskFinished(RUN, "score[1]", "FAILED", 1, false, "bad row");
    }
    assertThat(outbox.list(Optional.empty(), 100))
        .extracting(StoredNotification::source)
        .containsExactlyInAnyOrder(
            "job nightly run 12 task score[0]", "job nightly run 12 task score[1]");
    assertThat(NotificationListener.baseKey("a[b]")).isEqualTo("a[b]");
  }

  @Test
  void anEventHeardTwiceIsNotifiedOnce() throws Exception {
    try (NotificationListener l =
        listener(job(FILES + "webhook_notifications: {on_failure: [{id: ops}]}\n"))) {
      l.runFinished(RUN, "FAILED", "x");
      l.runFinished(RUN, "FAILED", "x");
    }
    try (NotificationListener again =
        listener(job(FILES + "webhook_notifications: {on_failure: [{id: ops}]}\n"))) {
      again.runFinished(RUN, "FAILED", "x"); // a restarted andon replaying the event
    }
    assertThat(events()).containsExactly("run.failed->ops");
    assertThat(Files.readAllLines(dir.resolve("out/ops.jsonl"))).hasSize(1);
  }

  @Test
  void theRunDurationWarningFiresOnceFromTheListenersOwnTimer() throws Exception {
    JobSpec job =
        job(
            FILES
                + """
        health: {rules: [{metric: RUN_DURATION_SECONDS, op: GREATER_THAN, value: 1}]}
        webhook_notifications: {on_duration_warning_threshold_exceeded: [{id: ops}]}
        """);
    RunInfo late = new RunInfo(20, "nightly", "f", Instant.now().minusMillis(990), Map.of(), 0);
    RunInfo quick = new RunInfo(21, "nightly", "f", Instant.now(), Map.of(), 0);
    try (NotificationListener l = listener(job)) {
      l.runStarted(quick);
      l.runFinished(quick, "SUCCESS", "");
      l.runStarted(late);
      Thread.sleep(300);
      l.runDurationExceeded(late, 1); // heard twice, notified once
      l.runFinished(late, "SUCCESS", "");
    }
    List<StoredNotification> all = outbox.list(Optional.empty(), 100);
    assertThat(all).extracting(StoredNotification::event).containsExactly("run.duration_warning");
    assertThat(all.get(0).source()).isEqualTo("job nightly run 20");
  }

  @Test
  void emailAddressesGoThroughTheJobsEmailDestination() throws Exception {
    JobSpec job =
        job(
            """
        destinations:
          mail: {type: email, to: [team@example.com], smtp: {host: 127.0.0.1, port: 2, from:
                 andon@example.com}, retry_schedule_seconds: [0, 600]}
        email_notifications:
          on_failure: [oncall@example.com, lead@example.com]
          on_success: [mail]
        """);
    NotificationConfig c = NotificationListener.config(job, ENV);
    Destination.Email failure = (Destination.Email) c.job().targets(Hook.ON_FAILURE).get(0);
    assertThat(failure.to()).containsExactly("oncall@example.com", "lead@example.com");
    assertThat(failure.smtp().from()).isEqualTo("andon@example.com");
    assertThat(((Destination.Email) c.job().targets(Hook.ON_SUCCESS).get(0)).to())
        .containsExactly("team@example.com");
  }

  @Test
  void badNotificationSettingsAreRejectedAtLoadWithFileLine() throws Exception {
    JobSpec job =
        job(
            """
        destinations:
          ops_hook: {type: webhook, url: "https://ops.example/h", secret_env: NOT_SET_VAR}
          slack: {type: slack, url: "not a url"}
        webhook_notifications:
          on_failure: [{id: ops_hok}, {id: a}, {id: b}, {id: c}]
          on_start: [ops_hook]
          on_duration_warning_threshold_exceeded: [{id: ops_hook}]
        email_notifications:
          on_success: [someone@example.com]
        notification_settings: {alert_on_last_attempt: true}
        tasks:
          - task_key: train
        """);
    io.andon.yaml.Problems problems = new io.andon.yaml.Problems();
    new NotificationsExtension(ENV)
        .validate(job, job.extras(), Map.of("train", job.tasks().get(0).extras()), problems);
    String p =
        problems.list().stream()
            .map(Object::toString)
            .reduce("", (a, b) -> a + b + "\n")
            .replace(dir.toString() + "/", "");
    assertThat(p)
        .contains("job.yml:2:71: environment variable NOT_SET_VAR is not set")
        .contains("job.yml:3:29: 'url' of destination 'slack' is not a valid URL")
        .contains("job.yml:5:15: 'on_failure' of the job lists 4 destinations; at most 3")
        .contains(
            "job.yml:5:21: unknown destination id 'ops_hok'; declared ids: ops_hook,"
                + " slack."
                + " Did you mean 'ops_hook'?")
        .contains(
            "job.yml:6:14: each webhook notification is a mapping {id: DESTINATION_ID}."
                + " Write {id: ops_hook}.")
        .contains(
            "job.yml:7:43: on_duration_warning_threshold_exceeded of the job needs a"
                + " threshold")
        .contains("job.yml:10:25: 'alert_on_last_attempt' is a task setting");
    // the health rules' problems are the loader's: jobs/invalid/bad-health.yml
    // addresses with no SMTP server to send through: a warning, as for a bundle made for
    // Databricks, whose workspace sends them
    assertThat(p).doesNotContain("email_notifications");
    assertThat(problems.notices())
        .extracting(n -> n.where().replace(dir.toString() + "/", ""))
        .anyMatch(
            w ->
                w.startsWith(
                    "job.yml:9:16: email_notifications of the job lists"
                        + " addresses, but the job declares no e-mail destination"));
    assertThatThrownBy(() -> NotificationListener.config(job, ENV))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("has invalid notifications");
  }

  @Test
  void notificationsReachASignatureVerifyingReceiver() throws Exception {
    try (Receiver r = Receiver.verifying(DestinationsTest.SECRET)) {
      JobSpec job =
          job(
              "destinations:\n  ops: {type: webhook, url: \""
                  + r.url("/andon")
                  + "\", secret_env: OPS_SECRET}\nwebhook_notifications: {on_failure: [{id: ops}],"
                  + " on_success: [{id: ops}]}\n");
      try (NotificationListener l = listener(job)) {
        l.runFinished(RUN, "FAILED", "boom");
        l.runFinished(new RunInfo(13, "nightly", "f", Instant.now(), Map.of(), 0), "SUCCESS", "");
      }
      assertThat(r.requests()).extracting(Receiver.Request::status).containsOnly(200);
      assertThat(r.acceptedIds()).hasSize(2);
    }
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
