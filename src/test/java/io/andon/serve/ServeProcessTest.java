package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code andon serve} process: SIGTERM, kill -9, slow clients, an andon run beside. */
class ServeProcessTest {
  @TempDir Path tmp;
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode call(String url, String method, String path, String body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + Served.TOKEN);
    b = method.equals("GET") ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(body));
    return Json.read(http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private JsonNode awaitState(String url, long runId, String... states) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode run = call(url, "GET", "/api/2.2/jobs/runs/get?run_id=" + runId, "");
    while (!List.of(states).contains(run.at("/state/life_cycle_state").asText())
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
      run = call(url, "GET", "/api/2.2/jobs/runs/get?run_id=" + runId, "");
    }
    return run;
  }

  private void jobs() throws Exception {
    Served.job(
        tmp,
        "quick.yml",
        Served.shellJob(
            "quick",
            "",
            """
          - task_key: work
            shell_task: {command: "sleep 2; echo finished"}
        """));
    Served.job(
        tmp,
        "slow.yml",
        Served.shellJob(
            "slow",
            "",
            """
          - task_key: wait
            shell_task: {command: "sleep 120"}
        """));
  }

  @Test
  void sigtermLetsRunningTasksFinishWithinTheGraceThenCancelsTheRestAndExitsZero()
      throws Exception {
    jobs();
    Path home = tmp.resolve("home");
    Process p =
        ServeProcess.start(
            tmp,
            "serve",
            List.of(),
            "serve",
            "quick.yml",
            "slow.yml",
            "--home",
            home.toString(),
            "--port",
            "0",
            "--grace",
            "6s",
            "--log-format",
            "json");
    String url = ServeProcess.awaitUrl(home, p, tmp, "serve");
    long quick =
        call(url, "POST", "/api/2.2/jobs/run-now", "{\"job_id\": 1}").get("run_id").asLong();
    long slow =
        call(url, "POST", "/api/2.2/jobs/run-now", "{\"job_id\": 2}").get("run_id").asLong();
    awaitState(url, quick, "RUNNING");
    awaitState(url, slow, "RUNNING");

    p.toHandle().destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("serve.err"))).isZero();
    String log = Files.readString(tmp.resolve("serve.err"));
    assertThat(log)
        .contains("\"event\":\"stopping\"")
        .contains("\"event\":\"grace_over\"")
        .contains("\"event\":\"stopped\"");

    Process again =
        ServeProcess.start(
            tmp,
            "again",
            List.of(),
            "serve",
            "quick.yml",
            "slow.yml",
            "--home",
            home.toString(),
            "--port",
            "0");
    try {
      String url2 = ServeProcess.awaitUrl(home, again, tmp, "again");
      assertThat(
              call(url2, "GET", "/api/2.2/jobs/runs/get?run_id=" + quick, "")
                  .at("/state/result_state")
                  .asText())
          .isEqualTo("SUCCESS");
      assertThat(
              call(url2, "GET", "/api/2.2/jobs/runs/get?run_id=" + slow, "")
                  .at("/state/result_state")
                  .asText())
          .isEqualTo("CANCELED");
    } finally {
      again.toHandle().destroy();
      again.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void afterKillDashNineTheNextStartRecoversTheRunAsFailedAndRepairable() throws Exception {
    jobs();
    Path home = tmp.resolve("home");
    Process p =
        ServeProcess.start(
            tmp, "serve", List.of(), "serve", "slow.yml", "--home", home.toString(), "--port", "0");
    String url;
    long run;
    try {
      url = ServeProcess.awaitUrl(home, p, tmp, "serve");
      run = call(url, "POST", "/api/2.2/jobs/run-now", "{\"job_id\": 1}").get("run_id").asLong();
      awaitState(url, run, "RUNNING");
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!call(url, "GET", "/api/2.2/jobs/runs/get?run_id=" + run, "")
              .at("/tasks/0/state/life_cycle_state")
              .asText()
              .equals("RUNNING")
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // the task's process is started
      p.destroyForcibly(); // SIGKILL
      p.waitFor(30, TimeUnit.SECONDS);
    } finally {
      p.destroyForcibly(); // SIGKILL, also when an assertion above failed
    }

    Process again =
        ServeProcess.start(
            tmp, "again", List.of(), "serve", "slow.yml", "--home", home.toString(), "--port", "0");
    try {
      String url2 = ServeProcess.awaitUrl(home, again, tmp, "again");
      assertThat(url2).isNotEqualTo(url);
      JsonNode recovered = call(url2, "GET", "/api/2.2/jobs/runs/get?run_id=" + run, "");
      assertThat(recovered.at("/state/life_cycle_state").asText()).isEqualTo("INTERNAL_ERROR");
      assertThat(recovered.at("/state/result_state").asText()).isEqualTo("FAILED");
      assertThat(recovered.at("/state/state_message").asText()).contains("killed or crashed");
      assertThat(Files.readString(tmp.resolve("again.err"))).contains("recovered");
      JsonNode repair =
          call(
              url2,
              "POST",
              "/api/2.2/jobs/runs/repair",
              "{\"run_id\": " + run + ", \"rerun_all_failed_tasks\": true}");
      assertThat(repair.get("repair_id").asInt()).isEqualTo(1);
      call(url2, "POST", "/api/2.2/jobs/runs/cancel", "{\"run_id\": " + run + "}");
      assertThat(awaitState(url2, run, "TERMINATED").at("/state/result_state").asText())
          .isEqualTo("CANCELED");
    } finally {
      again.toHandle().destroy();
      again.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void aClientThatSendsItsRequestTooSlowlyIsDroppedAndOthersAreStillServed() throws Exception {
    jobs();
    Path home = tmp.resolve("home");
    Process p =
        ServeProcess.start(
            tmp,
            "serve",
            List.of("-Dsun.net.httpserver.maxReqTime=1"),
            "serve",
            "quick.yml",
            "--home",
            home.toString(),
            "--port",
            "0");
    try {
      String url = ServeProcess.awaitUrl(home, p, tmp, "serve");
      URI u = URI.create(url);
      try (Socket slow = new Socket(u.getHost(), u.getPort())) {
        slow.setSoTimeout(15_000);
        OutputStream out = slow.getOutputStream();
        out.write(
            "POST /api/2.2/jobs/run-now HTTP/1.1\r\nHost: x\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long start = System.nanoTime();
        InputStream in = slow.getInputStream();
        assertThat(in.read()).isEqualTo(-1); // closed by the service
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);
      }
      assertThat(call(url, "GET", "/healthz", "").get("status").asText()).isEqualTo("ok");
    } finally {
      p.toHandle().destroy();
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isZero();
    }
  }

  @Test
  void anAndonRunBesideTheServiceRespectsTheJobsMaxConcurrentRuns() throws Exception {
    Served.job(
        tmp,
        "one.yml",
        Served.shellJob(
            "one",
            "max_concurrent_runs: 1\n",
            """
          - task_key: wait
            shell_task: {command: "sleep 60"}
        """));
    try (Served s = Served.of(tmp, "one.yml")) {
      long run = s.post("/api/2.2/jobs/run-now", "{\"job_id\": 1}").body().get("run_id").asLong();
      Process cli =
          ServeProcess.start(tmp, "cli", List.of(), "run", "one.yml", "--home", s.home.toString());
      assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(Files.readString(tmp.resolve("cli.out")))
          .contains("MAXIMUM_CONCURRENT_RUNS_REACHED");
      assertThat(cli.exitValue()).isEqualTo(1);
      assertThat(
              s.get("/api/2.2/jobs/runs/get?run_id=" + run)
                  .body()
                  .at("/state/life_cycle_state")
                  .asText())
          .isEqualTo("RUNNING");
      assertThat(s.get("/api/2.2/jobs/runs/list").body().get("runs")).hasSize(2);
      s.post("/api/2.2/jobs/runs/cancel", "{\"run_id\": " + run + "}");
      s.awaitEnd(run);
    }
  }
}
