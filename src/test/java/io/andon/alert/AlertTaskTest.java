package io.andon.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.PayloadRunner;
import io.andon.engine.RecordingContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.store.Store;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTaskTest {
  @TempDir Path dir;

  /** A task context over a real store, as the engine gives one to a payload runner. */
  private RecordingContext context(Store store) {
    return new RecordingContext(
        7,
        "nightly",
        "check_alerts",
        dir,
        store.home(),
        Optional.of(store),
        Map.of("{{job.name}}", "nightly"));
  }

  private static YMap body(String yaml) {
    return (YMap)
        ((YMap) YamlReader.parse("job.yml", yaml.getBytes(StandardCharsets.UTF_8)))
            .get("alert_task")
            .orElseThrow();
  }

  @Test
  void theTaskIsFoundByServiceLoaderFailsWhileAnAlertIsTriggeredAndPassesOnceOk() throws Exception {
    Files.writeString(
        dir.resolve("nightly-alerts.yml"),
        """
        alerts:
          - name: failures
            query: SELECT COUNT(*) AS n FROM runs WHERE result_state = 'FAILED'
            condition: {column: n, op: GREATER_THAN, threshold: 0}
          - name: volume
            query: SELECT COUNT(*) AS n FROM runs
            condition: {column: n, op: LESS_THAN, threshold: 1}
        """);
    PayloadType type = RecordingContext.type("alert_task");
    PayloadRunner runner = RecordingContext.runner("alert_task");
    Problems problems = new Problems();
    Payload p =
        type.parse(body("alert_task: {alerts_file: \"{{job.name}}-alerts.yml\"}\n"), problems, dir)
            .orElseThrow();
    assertThat(problems.list()).isEmpty();
    assertThat(p.templates()).containsExactly("{{job.name}}-alerts.yml");

    try (Store store = Store.open(dir.resolve("home"))) {
      RecordingContext empty = context(store);
      TaskOutcome first = runner.run(p, empty); // no runs yet: volume triggers
      assertThat(first.success()).isFalse();
      assertThat(first.message()).isEqualTo("alerts volume TRIGGERED");
      assertThat(empty.values().get("states").toString())
          .isEqualTo("{\"failures\":\"OK\",\"volume\":\"TRIGGERED\"}");
      assertThat(empty.values().get("triggered").toString()).isEqualTo("[\"volume\"]");
      assertThat(empty.logged())
          .contains("volume: TRIGGERED (was UNKNOWN) - n < 1 with value 0 over 1 row");

      store.tx(
          c ->
              c.createStatement()
                  .executeUpdate(
                      "INSERT INTO runs (job_name, job_file,"
                          + " definition, parameters, state, result_state, start_time) VALUES ('nightly',"
                          + " 'n.yml', '', '{}', 'TERMINATED', 'SUCCESS', 1)"));
      RecordingContext later = context(store);
      TaskOutcome second = runner.run(p, later);
      assertThat(second.success()).isTrue();
      assertThat(second.message()).isEqualTo("2 alerts checked, 0 triggered");
      assertThat(later.values().get("states").toString())
          .isEqualTo("{\"failures\":\"OK\",\"volume\":\"OK\"}");
    }
  }

  @Test
  void parseReportsProblemsOfTheAlertsFileWithTheirPositions() throws Exception {
    Files.writeString(
        dir.resolve("alerts.yml"),
        """
        alerts:
          - name: a
            query: SELECT 1 AS n
            condition: {column: n, op: BIGGER, threshold: 0}
        """);
    Problems problems = new Problems();
    new AlertTask.Type()
        .parse(
            body(
                """
        alert_task:
          alerts_file: alerts.yml
          alerts: [a, b]
          fail_on: [TRIGGERED, WARN]
        """),
            problems,
            dir);
    String p = problems.list().toString();
    assertThat(p)
        .contains("alerts.yml:4:32: unknown op 'BIGGER'")
        .contains("job.yml:4:24: fail_on takes TRIGGERED and ERROR, not 'WARN'.");
  }
}
