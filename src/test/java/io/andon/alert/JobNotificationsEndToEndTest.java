package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.engine.Executor;
import io.andon.engine.RunRequest;
import io.andon.error.InvalidInputException;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real job, loaded by the real loader and run by the real executor, with the listener wired. */
class JobNotificationsEndToEndTest {
  @TempDir Path dir;

  @Test
  void aFailingJobNotifiesEachEventOnceThroughAFlakyReceiver() throws Exception {
    Files.writeString(
        dir.resolve("alerts.yml"),
        """
        destinations: {audit: {type: file, path: out/audit.jsonl}}
        alerts:
          - name: failed_attempts
            query: SELECT COUNT(*) AS n FROM task_attempts WHERE result_state = 'FAILED'
            condition: {column: n, op: GREATER_THAN, threshold: 0}
            notify: [{id: audit}]
        """);
    try (Receiver ops = Receiver.failingFirst(2);
        Store store = Store.open(dir.resolve("home"))) {
      Files.writeString(
          dir.resolve("job.yml"),
          """
          name: e2e
          destinations:
            ops: {type: webhook, url: "%s", retry_schedule_seconds: [0, 0.05, 0.1, 0.2]}
            audit: {type: file, path: out/audit.jsonl}
          webhook_notifications:
            on_start: [{id: audit}]
            on_failure: [{id: ops}, {id: audit}]
          tasks:
            - task_key: flaky
              max_retries: 1
              shell_task: {command: exit 3}
              webhook_notifications: {on_start: [{id: audit}], on_failure: [{id: ops}]}
              notification_settings: {alert_on_last_attempt: true}
            - task_key: check
              depends_on: [{task_key: flaky}]
              run_if: ALL_DONE
              alert_task: {alerts_file: alerts.yml, fail_on: []}
          """
              .formatted(ops.url("/hook")));
      JobSpec job = new JobLoader().load(dir.resolve("job.yml"), Optional.empty());
      NotificationListener listener = NotificationListener.forJob(job, store);
      Executor.Outcome outcome =
          new Executor(store, Executor.Options.defaults(), List.of(listener))
              .run(RunRequest.of(job));
      Outbox.Report last = listener.finish(Duration.ofSeconds(5));

      // the leaf 'check' runs ALL_DONE and succeeds: SUCCESS_WITH_FAILURES, notified on_failure
      assertThat(outcome.result().name()).isEqualTo("SUCCESS_WITH_FAILURES");
      assertThat(last.retrying() + last.failed()).isZero();
      // on_failure of the task only for the last attempt, and of the run: two ids, each once
      assertThat(ops.acceptedIds()).hasSize(2);
      assertThat(ops.requests()).hasSizeGreaterThanOrEqualTo(4);
      List<String> audit = Files.readAllLines(dir.resolve("out/audit.jsonl"));
      assertThat(
              audit.stream()
                  .map(l -> l.replaceAll(".*\"type\":\"([a-z._]+)\".*", "$1"))
                  .sorted()
                  .toList())
          .containsExactly(
              "alert.triggered", "run.started", "run.success_with_failures", "task.started");
      assertThat(Outbox.open(store).list(Optional.empty(), 100))
          .allMatch(n -> n.state() == StoredNotification.State.DELIVERED);
    }
  }

  @Test
  void aSlowRunIsWarnedOfItsDurationOnceByItsOneTimer() throws Exception {
    try (Store store = Store.open(dir.resolve("home"))) {
      Files.writeString(
          dir.resolve("slow.yml"),
          """
          name: slow
          health: {rules: [{metric: RUN_DURATION_SECONDS, op: GREATER_THAN, value: 1}]}
          destinations: {audit: {type: file, path: out/audit.jsonl}}
          webhook_notifications: {on_duration_warning_threshold_exceeded: [{id: audit}]}
          tasks:
            - task_key: slow
              shell_task: {command: sleep 2}
          """);
      JobSpec job = new JobLoader().load(dir.resolve("slow.yml"), Optional.empty());
      List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
      NotificationListener listener =
          new NotificationListener(
              Outbox.open(store),
              NotificationListener.config(job, Env.system()),
              java.time.Clock.systemUTC(),
              heard::add);
      Executor.Outcome outcome =
          new Executor(store, Executor.Options.defaults(), List.of(listener))
              .run(RunRequest.of(job));
      listener.finish(Duration.ofSeconds(5));

      assertThat(outcome.result().name()).isEqualTo("SUCCESS");
      assertThat(Outbox.open(store).list(Optional.empty(), 100))
          .extracting(StoredNotification::event)
          .containsExactly("run.duration_warning");
      assertThat(Files.readAllLines(dir.resolve("out/audit.jsonl"))).hasSize(1);
      assertThat(heard).isEmpty();
    }
  }

  @Test
  void theJobLoaderRejectsBadNotificationsWithFileLine() throws Exception {
    Path job = dir.resolve("bad.yml");
    Files.writeString(
        job,
        """
        name: bad
        destinations:
          ops_hook: {type: webhook, url: "ftp://ops.example/h"}
          ok: {type: file, path: x.jsonl}
        webhook_notifications:
          on_failure: [{id: ops_hok}]
        tasks:
          - task_key: a
            shell_task: {command: "true"}
            webhook_notifications: {on_success: [{id: nope}]}
        """);
    assertThatThrownBy(() -> new JobLoader().load(job, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            "bad.yml:3:34: 'url' of destination 'ops_hook' must start with"
                + " https:// or http://.")
        .hasMessageContaining(
            "bad.yml:6:21: unknown destination id 'ops_hok'; declared ids:"
                + " ok, ops_hook. Did you mean 'ops_hook'?")
        .hasMessageContaining("bad.yml:10:47: unknown destination id 'nope'");
  }
}
