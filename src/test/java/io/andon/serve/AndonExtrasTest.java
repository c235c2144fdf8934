package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** andon's own endpoints, and the run starter a schedule plugs into. */
class AndonExtrasTest {
  @TempDir Path tmp;

  @Test
  void logsOfEachAttemptAndTheRunStarterWithItsTriggerAreServed() throws Exception {
    Served.job(
        tmp,
        "retry.yml",
        Served.shellJob(
            "retry",
            "",
            """
          - task_key: twice
            max_retries: 1
            shell_task: {command: "echo try; test -f marker || { touch marker; exit 1; }"}
        """));
    try (Served s = Served.of(tmp, "retry.yml")) {
      long runId =
          s.service
              .runStarter()
              .start("retry", Map.of(), TriggerInfo.of(TriggerType.PERIODIC, Instant.now()));
      JsonNode run = s.awaitEnd(runId);
      assertThat(run.get("trigger").asText()).isEqualTo("PERIODIC");
      assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
      long task = run.at("/tasks/0/run_id").asLong();
      assertThat(run.at("/tasks/0/attempt_number").asInt()).isEqualTo(1);
      assertThat(
              s.get("/api/andon/runs/logs?run_id=" + task + "&attempt=1")
                  .body()
                  .get("text")
                  .asText())
          .contains("try");
      assertThat(s.get("/api/andon/runs/logs?run_id=" + task + "&attempt=3").status())
          .isEqualTo(400);
      assertThat(s.get("/api/andon/runs/logs?run_id=" + runId).status()).isEqualTo(400);
      assertThat(s.get("/api/andon/runs/gates?run_id=" + runId).body().get("evaluations"))
          .isEmpty();
      JsonNode taskRun = s.get("/api/2.2/jobs/runs/get?run_id=" + task).body();
      assertThat(taskRun.get("task_key").asText()).isEqualTo("twice");
      assertThat(taskRun.get("job_id").asLong()).isEqualTo(1);
      assertThat(s.get("/api/2.2/jobs/runs/get?run_id=" + (task + 5)).status()).isEqualTo(404);
      assertThatThrownBy(
              () ->
                  s.service
                      .runStarter()
                      .start("nope", Map.of(), TriggerInfo.oneTime(Instant.now())))
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("no job named 'nope'");
    }
  }

  @Test
  void aStoppingServiceStartsNoNewRunAndSaysSo() throws Exception {
    Served.job(
        tmp,
        "job.yml",
        Served.shellJob(
            "job",
            "",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
    Served s = Served.of(tmp, "job.yml");
    RunStarter starter = s.service.runStarter();
    s.service.stop(Duration.ZERO);
    assertThatThrownBy(() -> starter.start("job", Map.of(), TriggerInfo.oneTime(Instant.now())))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("stopping");
    assertThat(s.log.toString()).contains("\"event\":\"stopped\"");
  }
}
