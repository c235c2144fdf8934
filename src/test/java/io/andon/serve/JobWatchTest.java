package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs served: folders and bundles loaded at start, files watched and reloaded. */
class JobWatchTest {
  @TempDir Path tmp;

  private static final String TASKS =
      """
          - task_key: t
            shell_task: {command: "true"}
        """;

  private static JsonNode await(Served s, String path, Predicate<JsonNode> until) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    JsonNode body = s.get(path).body();
    while (!until.test(body) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      body = s.get(path).body();
    }
    return body;
  }

  private static void touch(Path file, String text) throws Exception {
    Files.writeString(file, text);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
  }

  @Test
  void aChangedJobFileIsReloadedAndAnInvalidChangeKeepsTheLastValidVersion() throws Exception {
    Path file = Served.job(tmp, "job.yml", Served.shellJob("job", "", TASKS));
    try (Served s = Served.of(tmp, "job.yml")) {
      touch(file, Served.shellJob("job", "parameters: [{name: added, default: x}]\n", TASKS));
      JsonNode job =
          await(s, "/api/2.2/jobs/get?job_id=1", j -> j.at("/settings/parameters").size() == 1);
      assertThat(job.at("/settings/parameters/0/name").asText()).isEqualTo("added");

      touch(
          file,
          Served.shellJob(
              "job",
              "",
              """
          - task_key: t
            depends_on: [{task_key: nowhere}]
            shell_task: {command: "true"}
        """));
      JsonNode problems = await(s, "/api/andon/problems", p -> p.get("problems").size() == 1);
      assertThat(problems.at("/problems/0/file").asText()).isEqualTo(file.toString());
      assertThat(problems.at("/problems/0/message").asText()).contains("nowhere");
      assertThat(
              s.get("/api/2.2/jobs/get?job_id=1").body().at("/settings/parameters/0/name").asText())
          .isEqualTo("added");
      assertThat(s.log.toString())
          .contains("\"event\":\"job_invalid\"")
          .contains("the last valid version");
      long run = s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong();
      assertThat(s.awaitEnd(run).at("/state/result_state").asText()).isEqualTo("SUCCESS");

      touch(file, Served.shellJob("job", "", TASKS));
      await(s, "/api/andon/problems", p -> p.get("problems").isEmpty());
      assertThat(s.get("/api/2.2/jobs/get?job_id=1").body().at("/settings/parameters")).isEmpty();
    }
  }

  @Test
  void aFolderServesItsJobsAndEveryJobOfItsBundles() throws Exception {
    Served.job(tmp, "jobs/a.yml", Served.shellJob("a", "", TASKS));
    Served.job(tmp, "jobs/gates.yml", "gates: {}\n");
    Served.job(
        tmp,
        "jobs/bundle/databricks.yml",
        """
        bundle: {name: two}
        resources:
          jobs:
            first:
              name: first
              tasks:
                - task_key: t
                  shell_task: {command: "true"}
            second:
              name: second
              tasks:
                - task_key: t
                  shell_task: {command: "true"}
        """);
    try (Served s = Served.of(tmp, "jobs")) {
      JsonNode jobs = s.get("/api/2.2/jobs/list").body().get("jobs");
      assertThat(jobs)
          .extracting(j -> j.at("/settings/name").asText())
          .containsExactlyInAnyOrder("a", "first", "second");
      JsonNode page = s.get("/api/2.2/jobs/list?limit=2").body();
      assertThat(page.get("jobs")).hasSize(2);
      JsonNode rest =
          s.get("/api/2.2/jobs/list?limit=2&page_token=" + page.get("next_page_token").asText())
              .body();
      assertThat(rest.get("jobs")).hasSize(1);
      assertThat(rest.get("has_more").asBoolean()).isFalse();
    }
  }

  @Test
  void aFileOfAServedFolderThatBecomesAJobAndANewJobFileAreServed() throws Exception {
    Served.job(tmp, "jobs/a.yml", Served.shellJob("a", "", TASKS));
    Path notYet = Served.job(tmp, "jobs/later.yml", "gates: {}\n");
    try (Served s = Served.of(tmp, "jobs")) {
      assertThat(s.get("/api/2.2/jobs/list").body().get("jobs")).hasSize(1);
      Thread.sleep(1500); // the folder is listed again, the file found not to be a job again
      touch(notYet, Served.shellJob("later", "", TASKS));
      JsonNode jobs = await(s, "/api/2.2/jobs/list", j -> j.get("jobs").size() == 2).get("jobs");
      assertThat(jobs)
          .extracting(j -> j.at("/settings/name").asText())
          .containsExactlyInAnyOrder("a", "later");
      Served.job(tmp, "jobs/b.yml", Served.shellJob("b", "", TASKS));
      assertThat(await(s, "/api/2.2/jobs/list", j -> j.get("jobs").size() == 3).get("jobs"))
          .hasSize(3);
    }
  }

  @Test
  void anInvalidJobAtStartStopsTheServiceNamingEveryProblem() throws Exception {
    Served.job(
        tmp,
        "bad.yml",
        Served.shellJob(
            "bad",
            "",
            """
          - task_key: t
            depends_on: [{task_key: missing}]
            shell_task: {command: "true"}
        """));
    Served.job(tmp, "twin.yml", Served.shellJob("twin", "", TASKS));
    Served.job(tmp, "twin2.yml", Served.shellJob("twin", "", TASKS));
    assertThatThrownBy(() -> Served.of(tmp, "bad.yml", "twin.yml", "twin2.yml"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("job name 'twin' is in both");
    assertThatThrownBy(() -> Served.of(tmp, "nothing-here.yml"))
        .hasMessageContaining("does not exist");
  }
}
