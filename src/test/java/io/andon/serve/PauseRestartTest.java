package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pause given by {@code andon jobs pause}, by the API's jobs/update or by the job file's own
 * pause_status: the service keeps one pause status per job, which jobs/get shows and the schedule
 * obeys, and it outlives a restart.
 */
class PauseRestartTest {
  @TempDir Path tmp;

  private static String nightly(String pause) {
    return Served.shellJob(
        "nightly",
        "schedule: {quartz_cron_expression: \"0 0 6 * * ?\", timezone_id: UTC" + pause + "}\n",
        """
          - task_key: t
            shell_task: {command: "true"}
        """);
  }

  @Test
  void theCliTheApiAndTheJobFileAgreeOnAPauseAcrossRestarts() throws Exception {
    Served.job(tmp, "nightly.yml", nightly(""));
    Served.trueJob(tmp, "adhoc.yml", "adhoc");
    try (Served s = Served.of(tmp, "nightly.yml", "adhoc.yml")) {
      Process p =
          ServeProcess.start(
              tmp, "pause", List.of(), "jobs", "pause", "nightly", "--home", s.home.toString());
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(Files.readString(tmp.resolve("pause.err"))).isZero();
      assertThat(update(s, "adhoc", "trigger", "PAUSED")).isEqualTo(200);
      assertThat(schedulePause(s)).isEqualTo("PAUSED");
    }
    try (Served s = Served.of(tmp, "nightly.yml", "adhoc.yml")) {
      assertThat(schedulePause(s)).isEqualTo("PAUSED");
      assertThat(job(s, "nightly").get("andon_pause_status").asText()).isEqualTo("PAUSED");
      assertThat(job(s, "adhoc").get("andon_pause_status").asText()).isEqualTo("PAUSED");
      assertThat(update(s, "nightly", "schedule", "UNPAUSED")).isEqualTo(200);
    }
    try (Served s = Served.of(tmp, "nightly.yml", "adhoc.yml")) {
      assertThat(schedulePause(s)).isEqualTo("UNPAUSED");
    }
    // the job file's own pause_status changed since the API's resume: the file wins
    Served.job(tmp, "nightly.yml", nightly(", pause_status: PAUSED"));
    try (Served s = Served.of(tmp, "nightly.yml", "adhoc.yml")) {
      assertThat(schedulePause(s)).isEqualTo("PAUSED");
      assertThat(job(s, "nightly").has("andon_pause_status")).isFalse();
    }
  }

  @Test
  void aPauseTheApiKeptBeforeThePauseStoresWereOneIsKeptByTheMigration() throws Exception {
    Served.trueJob(tmp, "adhoc.yml", "adhoc");
    try (Served s = Served.of(tmp, "adhoc.yml")) {
      assertThat(job(s, "adhoc").has("andon_pause_status")).isFalse();
    }
    // the home as the service left it before migration V008: the API's pause on serve_jobs
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:sqlite:" + tmp.resolve("home").resolve(Store.DB_FILE));
        Statement st = db.createStatement()) {
      st.execute("DELETE FROM schema_version WHERE version = 'V008__one_pause_store.sql'");
      st.execute("ALTER TABLE serve_jobs ADD COLUMN paused TEXT");
      st.execute("UPDATE serve_jobs SET paused = 'PAUSED' WHERE job_name = 'adhoc'");
    }
    try (Served s = Served.of(tmp, "adhoc.yml")) {
      assertThat(job(s, "adhoc").get("andon_pause_status").asText()).isEqualTo("PAUSED");
    }
  }

  private static int update(Served s, String name, String holder, String status) throws Exception {
    return s.post(
            "/api/2.2/jobs/update",
            "{\"job_id\": "
                + job(s, name).get("job_id").asLong()
                + ", \"new_settings\": {\""
                + holder
                + "\": {\"pause_status\": \""
                + status
                + "\"}}}")
        .status();
  }

  private static String schedulePause(Served s) throws Exception {
    return job(s, "nightly").at("/settings/schedule/pause_status").asText();
  }

  private static JsonNode job(Served s, String name) throws Exception {
    JsonNode jobs = s.get("/api/2.2/jobs/list?name=" + name).body().get("jobs");
    long id = jobs.get(0).get("job_id").asLong();
    return s.get("/api/2.2/jobs/get?job_id=" + id).body();
  }
}
