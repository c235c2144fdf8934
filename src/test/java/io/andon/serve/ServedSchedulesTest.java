package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedSchedulesTest {
  @TempDir Path tmp;

  private static final String ON_ARRIVAL =
      Served.shellJob(
          "on-arrival",
          """
      trigger:
        file_arrival:
          url: "inbox/*.csv"
          min_time_between_triggers_seconds: 0
          wait_after_last_change_seconds: 1
      """,
          """
        - task_key: read
          shell_task: {command: 'echo "{{job.trigger.file_arrival.location}}"'}
      """);

  @Test
  void aFileThatLandsInAServedJobsFolderStartsARunRecordedAsFileArrival() throws Exception {
    Files.createDirectories(tmp.resolve("inbox"));
    Served.job(tmp, "on-arrival.yml", ON_ARRIVAL);
    try (Served s = Served.of(tmp, "on-arrival.yml")) {
      Thread.sleep(1500); // the service's first listing of the folder is its baseline
      Files.writeString(tmp.resolve("inbox/day1.csv"), "a,b\n1,2\n");
      JsonNode run = awaitFirstRun(s);
      assertThat(s.awaitEnd(run.get("run_id").asLong()).at("/state/result_state").asText())
          .isEqualTo("SUCCESS");
      JsonNode ended = s.get("/api/2.2/jobs/runs/get?run_id=" + run.get("run_id").asLong()).body();
      assertThat(ended.get("trigger").asText()).isEqualTo("FILE_ARRIVAL");
    }
  }

  @Test
  void aJobPausedThroughTheApiDoesNotFireWhenAFileLands() throws Exception {
    Files.createDirectories(tmp.resolve("inbox"));
    Served.job(tmp, "on-arrival.yml", ON_ARRIVAL);
    try (Served s = Served.of(tmp, "on-arrival.yml")) {
      long jobId = s.get("/api/2.2/jobs/list").body().at("/jobs/0/job_id").asLong();
      JsonNode arrival = s.get("/api/2.2/jobs/get?job_id=" + jobId).body().at("/settings/trigger");
      assertThat(arrival.at("/file_arrival/url").asText()).isEqualTo("inbox/*.csv");
      assertThat(arrival.at("/file_arrival/wait_after_last_change_seconds").asLong()).isEqualTo(1);
      assertThat(arrival.get("pause_status").asText()).isEqualTo("UNPAUSED");
      assertThat(
              s.post(
                      "/api/2.2/jobs/update",
                      "{\"job_id\": "
                          + jobId
                          + ", \"new_settings\": {\"trigger\": {\"pause_status\": \"PAUSED\"}}}")
                  .status())
          .isEqualTo(200);
      assertThat(
              s.get("/api/2.2/jobs/get?job_id=" + jobId)
                  .body()
                  .at("/settings/trigger/pause_status")
                  .asText())
          .isEqualTo("PAUSED");
      Thread.sleep(1500);
      Files.writeString(tmp.resolve("inbox/day1.csv"), "a,b\n1,2\n");
      Thread.sleep(4000); // quiet for 1 s, listed every second: it would have fired by now
      assertThat(s.get("/api/2.2/jobs/runs/list").body().path("runs")).isEmpty();
    }
  }

  private static JsonNode awaitFirstRun(Served s) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode runs = s.get("/api/2.2/jobs/runs/list").body().path("runs");
      if (runs.size() > 0) {
        return runs.get(0);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no run started within 30 s of the file's arrival");
  }
}
