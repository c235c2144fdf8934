package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad request gets the Databricks error body with a message that says what to do,
 * never a stack trace, and never starts a run.
 */
class BadInputTest {
  @TempDir Path tmp;

  @BeforeEach
  void job() throws Exception {
    Served.job(
        tmp,
        "job.yml",
        Served.shellJob(
            "job",
            "parameters: [{name: n, default: '1'}]\n",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
  }

  private static void refused(Served.Answer a, int status, String code, String says) {
    assertThat(a.status()).as(a.body().toString()).isEqualTo(status);
    assertThat(a.body().get("error_code").asText()).isEqualTo(code);
    assertThat(a.body().get("message").asText())
        .contains(says)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void unknownFieldsWrongTypesAndUnknownJobsAreRefusedWithoutStartingARun() throws Exception {
    try (Served s = Served.of(tmp, "job.yml")) {
      refused(
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1, \"notebook_params\": {}}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "unknown field 'notebook_params'");
      refused(
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": \"one\"}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "'job_id' must be a whole number");
      refused(
          s.post("/api/2.2/jobs/run-now", "{}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "missing field 'job_id'");
      refused(
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1, \"job_parameters\": [1]}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "must be an object of names to values");
      refused(
          s.post(
              "/api/2.2/jobs/run-now", "{\"job_id\": 1, \"job_parameters\": {\"m\":" + " \"2\"}}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "has no parameter 'm'");
      refused(
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": 99}"),
          404,
          "RESOURCE_DOES_NOT_EXIST",
          "job 99 does not exist");
      refused(
          s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1,"),
          400,
          "INVALID_PARAMETER_VALUE",
          "not valid JSON");
      refused(
          s.post("/api/2.2/jobs/run-now", "[1]"),
          400,
          "INVALID_PARAMETER_VALUE",
          "must be a JSON object");
      refused(
          s.get("/api/2.2/jobs/runs/list?limit=26"),
          400,
          "INVALID_PARAMETER_VALUE",
          "limit must be between 1 and 25");
      refused(
          s.get("/api/2.2/jobs/runs/list?active_only=true&completed_only=true"),
          400,
          "INVALID_PARAMETER_VALUE",
          "cannot both be true");
      refused(
          s.get("/api/2.2/jobs/runs/list?page_token=abc"),
          400,
          "INVALID_PARAMETER_VALUE",
          "next_page_token");
      refused(
          s.get("/api/2.2/jobs/runs/get?run_id=7"),
          404,
          "RESOURCE_DOES_NOT_EXIST",
          "run 7 does not exist");
      refused(
          s.post(
              "/api/2.2/jobs/runs/repair",
              "{\"run_id\": 7, \"rerun_tasks\": [\"t\"]," + " \"rerun_all_failed_tasks\": true}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "not both and not neither");
      refused(
          s.post("/api/2.2/jobs/runs/repair", "{\"run_id\": 7, \"rerun_tasks\": \"t\"}"),
          400,
          "INVALID_PARAMETER_VALUE",
          "must be a list of strings");
      refused(s.get("/api/2.2/jobs/nothing"), 404, "RESOURCE_DOES_NOT_EXIST", "openapi.json");
      refused(s.get("/api/2.2/jobs/run-now"), 405, "INVALID_PARAMETER_VALUE", "not allowed");
      assertThat(s.get("/api/2.2/jobs/runs/list").body().get("runs")).isEmpty();
    }
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedAndTheServiceKeepsAnswering() throws Exception {
    try (Served s = Served.of(tmp, "job.yml")) {
      String big = "{\"job_id\": 1, \"idempotency_token\": \"" + "x".repeat(1 << 20) + "\"}";
      refused(
          s.post("/api/2.2/jobs/run-now", big),
          413,
          "INVALID_PARAMETER_VALUE",
          "larger than 1048576 bytes");
      // without a Content-Length, the limit holds while reading
      HttpRequest chunked =
          HttpRequest.newBuilder(URI.create(s.service.url() + "/api/2.2/jobs/run-now"))
              .header("Authorization", "Bearer " + Served.TOKEN)
              .POST(
                  HttpRequest.BodyPublishers.ofInputStream(
                      () ->
                          new java.io.ByteArrayInputStream(
                              big.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
              .build();
      refused(s.send(chunked), 413, "INVALID_PARAMETER_VALUE", "larger than");
      assertThat(s.get("/healthz").status()).isEqualTo(200);
      assertThat(s.get("/api/2.2/jobs/runs/list").body().get("runs")).isEmpty();
    }
  }
}
