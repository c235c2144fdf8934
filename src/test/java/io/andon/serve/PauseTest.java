package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/update with a pause status, and {@code andon jobs pause|resume} talking to the service. */
class PauseTest {
  @TempDir Path tmp;

  @Test
  void pauseAndResumeThroughTheApiAndTheCliAreKeptAndToldToTheListeners() throws Exception {
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
    try (Served s = Served.of(tmp, "job.yml")) {
      List<String> heard = new ArrayList<>();
      s.service.onPauseChange((name, paused) -> heard.add(name + "=" + paused));
      assertThat(
              s.post(
                      "/api/2.2/jobs/update",
                      "{\"job_id\": 1, \"new_settings\":"
                          + " {\"trigger\": {\"pause_status\": \"PAUSED\"}}}")
                  .status())
          .isEqualTo(200);
      assertThat(s.get("/api/2.2/jobs/get?job_id=1").body().get("andon_pause_status").asText())
          .isEqualTo("PAUSED");

      Process p =
          ServeProcess.start(
              tmp, "resume", List.of(), "jobs", "resume", "job", "--home", s.home.toString());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(tmp.resolve("resume.err"))).isZero();
      assertThat(Files.readString(tmp.resolve("resume.out")))
          .contains("resumed job job on " + s.service.url());
      assertThat(heard).containsExactly("job=true", "job=false");
      assertThat(s.get("/api/2.2/jobs/get?job_id=1").body().get("andon_pause_status").asText())
          .isEqualTo("UNPAUSED");

      Served.Answer bad =
          s.post(
              "/api/2.2/jobs/update",
              "{\"job_id\": 1, \"new_settings\":"
                  + " {\"schedule\": {\"pause_status\": \"SLEEPING\"}}}");
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body().get("message").asText()).contains("PAUSED or UNPAUSED");
      Served.Answer other =
          s.post(
              "/api/2.2/jobs/update",
              "{\"job_id\": 1, \"new_settings\":" + " {\"max_concurrent_runs\": 3}}");
      assertThat(other.status()).isEqualTo(400);
      assertThat(other.body().get("message").asText())
          .contains("only pause_status")
          .contains("job.yml");
      assertThat(
              s.post("/api/2.2/jobs/update", "{\"job_id\": 1, \"new_settings\": {}}", "").status())
          .isEqualTo(401);
    }
  }

  @Test
  void pauseWithoutAServiceSaysToStartOne() throws Exception {
    Process p =
        ServeProcess.start(
            tmp,
            "pause",
            List.of(),
            "jobs",
            "pause",
            "job",
            "--home",
            tmp.resolve("home").toString());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(Files.readString(tmp.resolve("pause.err")))
        .contains("no andon serve answers")
        .contains("start `andon serve`");
  }
}
