package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.cli.AndonCli;
import io.andon.engine.Executor;
import io.andon.engine.RunRequest;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A query that never ends stops at its time limit, and holds up neither the store nor a run. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowAlertQueryTest {
  @TempDir Path dir;

  private static final String ENDLESS =
      "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1"
          + " FROM r) SELECT count(*) AS n FROM r";

  @Test
  void alertsCheckStopsAnEndlessQueryAtTheAlertsTimeoutAndSaysSo() throws Exception {
    Files.writeString(
        dir.resolve("alerts.yml"),
        """
        alerts:
          - name: endless
            query: %s
            timeout_seconds: 2
            condition: {column: n, op: GREATER_THAN, threshold: 0}
        """
            .formatted(ENDLESS));
    StringWriter out = new StringWriter();
    CommandLine cl = AndonCli.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    long t0 = System.nanoTime();
    int exit =
        cl.execute(
            "alerts",
            "check",
            dir.resolve("alerts.yml").toString(),
            "--home",
            dir.resolve("home").toString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(exit).as(out.toString()).isEqualTo(4);
    assertThat(seconds).as("seconds until the check returned").isLessThan(8);
    assertThat(out.toString())
        .contains("endless")
        .contains("ERROR")
        .contains("the query was stopped after 2 s")
        .contains("timeout_seconds");
  }

  @Test
  void aSlowAlertTaskTimesOutWhileItsSiblingSucceedsAndKeepsItsValue() throws Exception {
    Files.writeString(
        dir.resolve("alerts.yml"),
        """
        alerts:
          - name: endless
            query: %s
            timeout_seconds: 600
            condition: {column: n, op: GREATER_THAN, threshold: 0}
        """
            .formatted(ENDLESS));
    Files.writeString(
        dir.resolve("job.yml"),
        """
        name: slow-alert
        tasks:
          - task_key: check
            timeout_seconds: 2
            alert_task: {alerts_file: alerts.yml}
          - task_key: quick
            shell_task: {command: 'sleep 1; echo v=6 > "$ANDON_TASK_VALUES"'}
          - task_key: after
            depends_on: [{task_key: quick}]
            shell_task: {command: 'echo "{{tasks.quick.values.v}}" > after.txt'}
        """);
    try (Store store = Store.open(dir.resolve("home"))) {
      JobSpec job = new JobLoader().load(dir.resolve("job.yml"), Optional.empty());
      long t0 = System.nanoTime();
      Executor.Outcome o =
          new Executor(store, Executor.Options.defaults(), List.of()).run(RunRequest.of(job));
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds).as("seconds until the run ended").isLessThan(10);
      RunRecord r = new RunStore(store).find(o.runId()).orElseThrow();
      assertThat(r.task("check").orElseThrow().resultState()).contains("TIMEDOUT");
      assertThat(r.task("quick").orElseThrow().resultState()).contains("SUCCESS");
      assertThat(r.task("quick").orElseThrow().values().get("v").asInt()).isEqualTo(6);
      assertThat(Files.readString(dir.resolve("after.txt")).strip()).isEqualTo("6");
    }
  }

  @Test
  void aCanceledQueryStopsAtOnce() {
    try (Store store = Store.open(dir.resolve("home"))) {
      long t0 = System.nanoTime();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  store.readOnly(
                      java.time.Duration.ofSeconds(600),
                      () -> System.nanoTime() - t0 > 500_000_000L,
                      c -> c.createStatement().executeQuery(ENDLESS).next()))
          .isInstanceOf(io.andon.store.QueryStoppedException.class)
          .hasMessage("the query was canceled");
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
    }
  }
}
