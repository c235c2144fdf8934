package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jobs API of a real service over HTTP: runs, idempotency, paging, output, repairs. */
class ServiceApiTest {
  @TempDir Path tmp;

  private static final String PARAMS = "parameters: [{name: greeting, default: hi}]\n";

  private Path greetJob() throws Exception {
    return Served.job(
        tmp,
        "greet.yml",
        Served.shellJob(
            "greet",
            PARAMS,
            """
          - task_key: say
            shell_task:
              command: |
                echo "said {{job.parameters.greeting}}"
                echo "word={{job.parameters.greeting}}" >> "$ANDON_TASK_VALUES"
          - task_key: after
            depends_on: [{task_key: say}]
            shell_task: {command: "true"}
        """));
  }

  @Test
  void runNowWithParametersRunsTheJobAndRunsGetShowsItsTasksStatesAndTimes() throws Exception {
    greetJob();
    try (Served s = Served.of(tmp, "greet.yml")) {
      JsonNode jobs = s.get("/api/2.2/jobs/list").body();
      long jobId = jobs.get("jobs").get(0).get("job_id").asLong();
      assertThat(jobs.get("jobs").get(0).at("/settings/name").asText()).isEqualTo("greet");

      Served.Answer started =
          s.post(
              "/api/2.2/jobs/run-now",
              "{\"job_id\": " + jobId + ", \"job_parameters\": {\"greeting\": \"hello\"}}");
      assertThat(started.status()).isEqualTo(200);
      JsonNode run = s.awaitEnd(started.body().get("run_id").asLong());

      assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
      assertThat(run.at("/status/termination_details/code").asText()).isEqualTo("SUCCESS");
      assertThat(run.get("job_id").asLong()).isEqualTo(jobId);
      assertThat(run.get("trigger").asText()).isEqualTo("ONE_TIME");
      assertThat(run.at("/job_parameters/0/value").asText()).isEqualTo("hello");
      assertThat(run.at("/job_parameters/0/default").asText()).isEqualTo("hi");
      assertThat(run.get("tasks")).hasSize(2);
      JsonNode say = run.get("tasks").get(0);
      assertThat(say.get("task_key").asText()).isEqualTo("say");
      assertThat(say.at("/state/result_state").asText()).isEqualTo("SUCCESS");
      assertThat(say.get("start_time").asLong()).isPositive();
      assertThat(say.get("end_time").asLong())
          .isGreaterThanOrEqualTo(say.get("start_time").asLong());
      assertThat(say.get("attempt_number").asInt()).isZero();
      assertThat(run.at("/repair_history/0/type").asText()).isEqualTo("ORIGINAL");

      JsonNode output =
          s.get("/api/2.2/jobs/runs/get-output?run_id=" + say.get("run_id").asLong()).body();
      assertThat(output.get("logs").asText()).contains("said hello");
      assertThat(output.at("/metadata/task_key").asText()).isEqualTo("say");
      JsonNode values = s.get("/api/andon/runs/values?run_id=" + say.get("run_id").asLong()).body();
      assertThat(values.at("/values/word").asText()).isEqualTo("hello");
    }
  }

  @Test
  void theSameIdempotencyTokenAlwaysNamesTheSameRunStartedOnce() throws Exception {
    greetJob();
    try (Served s = Served.of(tmp, "greet.yml")) {
      String body = "{\"job_id\": 1, \"idempotency_token\": \"nightly-2026-12-06\"}";
      long first = s.post("/api/2.2/jobs/run-now", body).body().get("run_id").asLong();
      long second = s.post("/api/2.2/jobs/run-now", body).body().get("run_id").asLong();
      assertThat(second).isEqualTo(first);
      s.awaitEnd(first);
      assertThat(s.get("/api/2.2/jobs/runs/list").body().get("runs")).hasSize(1);
      long other =
          s.post(
                  "/api/2.2/jobs/run-now",
                  "{\"job_id\": 1, \"idempotency_token\":" + " \"another\"}")
              .body()
              .get("run_id")
              .asLong();
      assertThat(other).isNotEqualTo(first);
      s.awaitEnd(other);
    }
  }

  @Test
  void runsListPagesNewestFirstWithPageTokenAndFiltersActiveAndCompletedRuns() throws Exception {
    greetJob();
    try (Served s = Served.of(tmp, "greet.yml")) {
      for (int i = 0; i < 3; i++) {
        s.awaitEnd(
            s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong());
      }
      JsonNode page = s.get("/api/2.2/jobs/runs/list?job_id=1&limit=2").body();
      assertThat(page.get("runs"))
          .extracting(r -> r.get("run_id").asLong())
          .containsExactly(3L, 2L);
      assertThat(page.get("has_more").asBoolean()).isTrue();
      JsonNode next =
          s.get(
                  "/api/2.2/jobs/runs/list?job_id=1&limit=2&page_token="
                      + page.get("next_page_token").asText())
              .body();
      assertThat(next.get("runs")).extracting(r -> r.get("run_id").asLong()).containsExactly(1L);
      assertThat(next.get("has_more").asBoolean()).isFalse();
      assertThat(s.get("/api/2.2/jobs/runs/list?active_only=true").body().get("runs")).isEmpty();
      assertThat(s.get("/api/2.2/jobs/runs/list?completed_only=true").body().get("runs"))
          .hasSize(3);
      assertThat(s.get("/api/2.2/jobs/runs/list?expand_tasks=true").body().at("/runs/0/tasks"))
          .hasSize(2);
    }
  }

  @Test
  void runsListShowsEachRunAsRunsGetDoesWithoutItsTasks() throws Exception {
    greetJob();
    Served.trueJob(tmp, "other.yml", "other");
    try (Served s = Served.of(tmp, "greet.yml", "other.yml")) {
      s.awaitEnd(
          s.post(
                  "/api/2.2/jobs/run-now",
                  "{\"job_id\": 1, \"job_parameters\": {\"greeting\": \"hey\"}}")
              .body()
              .get("run_id")
              .asLong());
      s.awaitEnd(s.post("/api/2.2/jobs/run-now", "{\"job_id\": 2}").body().get("run_id").asLong());
      s.awaitEnd(s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong());
      JsonNode runs = s.get("/api/2.2/jobs/runs/list?limit=3").body().get("runs");
      assertThat(runs).extracting(r -> r.get("run_id").asLong()).containsExactly(3L, 2L, 1L);
      assertThat(runs).extracting(r -> r.get("job_id").asLong()).containsExactly(1L, 2L, 1L);
      for (JsonNode listed : runs) {
        com.fasterxml.jackson.databind.node.ObjectNode got =
            (com.fasterxml.jackson.databind.node.ObjectNode)
                s.get("/api/2.2/jobs/runs/get?run_id=" + listed.get("run_id")).body();
        got.remove(java.util.List.of("tasks", "repair_history"));
        assertThat(listed).isEqualTo(got);
      }
    }
  }

  @Test
  void aFailedRunIsRepairedInPlaceAndARunningOneIsRefusedWithInvalidState() throws Exception {
    Served.job(
        tmp,
        "flaky.yml",
        Served.shellJob(
            "flaky",
            "",
            """
          - task_key: check
            shell_task: {command: "test -f fixed"}
          - task_key: report
            depends_on: [{task_key: check}]
            shell_task: {command: "true"}
        """));
    Served.job(
        tmp,
        "slow.yml",
        Served.shellJob(
            "slow",
            "",
            """
          - task_key: wait
            shell_task: {command: "sleep 30"}
        """));
    try (Served s = Served.of(tmp, "flaky.yml", "slow.yml")) {
      long flaky = s.get("/api/2.2/jobs/list?name=flaky").body().at("/jobs/0/job_id").asLong();
      long runId =
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": " + flaky + "}")
              .body()
              .get("run_id")
              .asLong();
      assertThat(s.awaitEnd(runId).at("/state/result_state").asText()).isEqualTo("FAILED");
      Files.writeString(tmp.resolve("fixed"), "");

      Served.Answer repaired =
          s.post(
              "/api/2.2/jobs/runs/repair",
              "{\"run_id\": "
                  + runId
                  + ", \"rerun_all_failed_tasks\": true, \"latest_repair_id\": 0}");
      assertThat(repaired.status()).as(repaired.body().toString()).isEqualTo(200);
      assertThat(repaired.body().get("repair_id").asInt()).isEqualTo(1);
      JsonNode run = s.awaitEnd(runId);
      assertThat(run.at("/state/result_state").asText()).isEqualTo("SUCCESS");
      assertThat(run.get("repair_history"))
          .extracting(h -> h.get("type").asText())
          .containsExactly("ORIGINAL", "REPAIR");
      assertThat(run.at("/repair_history/1/task_run_ids")).hasSize(2);

      long slow = s.get("/api/2.2/jobs/list?name=slow").body().at("/jobs/0/job_id").asLong();
      long running =
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": " + slow + "}")
              .body()
              .get("run_id")
              .asLong();
      Served.Answer refused =
          s.post(
              "/api/2.2/jobs/runs/repair",
              "{\"run_id\": " + running + ", \"rerun_tasks\": [\"wait\"]}");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.body().get("error_code").asText()).isEqualTo("INVALID_STATE");
      assertThat(refused.body().get("message").asText()).contains("still in progress");

      assertThat(s.post("/api/2.2/jobs/runs/cancel-all", "{\"job_id\": " + slow + "}").status())
          .isEqualTo(200);
      assertThat(s.awaitEnd(running).at("/state/result_state").asText()).isEqualTo("CANCELED");
    }
  }

  @Test
  void maxConcurrentRunsSkipsARunOverTheLimit() throws Exception {
    Served.job(
        tmp,
        "one.yml",
        Served.shellJob(
            "one",
            "max_concurrent_runs: 1\n",
            """
          - task_key: wait
            shell_task: {command: "sleep 30"}
        """));
    try (Served s = Served.of(tmp, "one.yml")) {
      long first = s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong();
      long second =
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong();
      JsonNode skipped = s.awaitEnd(second);
      assertThat(skipped.at("/state/life_cycle_state").asText()).isEqualTo("SKIPPED");
      assertThat(skipped.at("/state/result_state").asText())
          .isEqualTo("MAXIMUM_CONCURRENT_RUNS_REACHED");
      assertThat(skipped.at("/status/termination_details/code").asText())
          .isEqualTo("MAX_CONCURRENT_RUNS_EXCEEDED");
      s.post("/api/2.2/jobs/runs/cancel", "{\"run_id\": " + first + "}");
      assertThat(s.awaitEnd(first).at("/state/result_state").asText()).isEqualTo("CANCELED");
    }
  }

  @Test
  void healthMetricsAndTheOpenApiDocumentAreServed() throws Exception {
    greetJob();
    try (Served s = Served.of(tmp, "greet.yml")) {
      s.awaitEnd(s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong());
      assertThat(s.get("/healthz").body().get("status").asText()).isEqualTo("ok");
      String metrics = s.get("/metrics").body().get("text").asText();
      assertThat(metrics)
          .contains("andon_runs_total{result=\"SUCCESS\"} 1.0")
          .contains("andon_task_duration_seconds_count")
          .contains("andon_queue_length 0.0")
          .contains("andon_outbox_backlog 0.0");
      JsonNode openapi = s.get("/api/openapi.json").body();
      assertThat(openapi.at("/paths/~1api~12.2~1jobs~1run-now/post/summary").asText())
          .contains("Run a job");
    }
  }

  @Test
  void aSecondServiceOnTheSameHomeIsRefusedNamingTheFirst() throws Exception {
    greetJob();
    try (Served s = Served.of(tmp, "greet.yml")) {
      assertThatThrownBy(() -> Served.of(tmp, "greet.yml"))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("another andon serve (pid " + ProcessHandle.current().pid());
      assertThat(s.get("/healthz").status()).isEqualTo(200);
    }
  }

  @Test
  void jobIdsStayTheSameAcrossRestartsAndNewJobsGetNewOnes() throws Exception {
    greetJob();
    Served.job(
        tmp,
        "other.yml",
        Served.shellJob(
            "other",
            "",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
    try (Served s = Served.of(tmp, "other.yml")) {
      assertThat(s.get("/api/2.2/jobs/get?job_id=1").body().at("/settings/name").asText())
          .isEqualTo("other");
    }
    try (Served s = Served.of(tmp, "greet.yml", "other.yml")) {
      assertThat(s.get("/api/2.2/jobs/get?job_id=1").body().at("/settings/name").asText())
          .isEqualTo("other");
      assertThat(
              s.get("/api/2.2/jobs/get?job_id=2")
                  .body()
                  .at("/settings/tasks/1/depends_on/0" + "/task_key")
                  .asText())
          .isEqualTo("say");
    }
  }
}
