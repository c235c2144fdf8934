package io.andon.ui;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.BundleSettings;
import io.andon.serve.RunEnds;
import io.andon.serve.Service;
import io.andon.serve.ServiceLog;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A real {@code andon serve} on a free loopback port over a temporary home, for the UI's tests. */
final class Site implements AutoCloseable {
  static final String TOKEN = "ui-test-token-0123456789";

  final Path dir;
  final Service service;
  final StringWriter log = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();

  private Site(Path dir, List<Path> jobs) {
    this.dir = dir;
    this.service =
        Service.start(
            new Service.Config(
                jobs,
                dir.resolve("home"),
                "127.0.0.1",
                0,
                4,
                BundleSettings.NONE,
                Map.of(),
                Map.of("ANDON_TOKEN", TOKEN),
                Clock.systemUTC()),
            new ServiceLog(new PrintWriter(log, true), ServiceLog.Format.JSON, Clock.systemUTC()));
  }

  /** Writes each {@code file -> yaml} in {@code dir} and serves them. */
  static Site serving(Path dir, Map<String, String> jobFiles) throws Exception {
    for (var e : jobFiles.entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue());
    }
    return new Site(dir, jobFiles.keySet().stream().map(dir::resolve).toList());
  }

  String url(String path) {
    return service.url() + path;
  }

  /** The JSON of an API GET. */
  JsonNode api(String pathAndQuery) throws Exception {
    return Json.read(get(pathAndQuery).body());
  }

  /** POSTs {@code json} to the API with the token; the answer's JSON. */
  JsonNode apiPost(String path, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Json.read(r.body());
  }

  HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(url(pathAndQuery))).GET().build());
  }

  HttpResponse<String> send(HttpRequest r) throws Exception {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  /** Starts job {@code jobId} through the API; its run id. */
  long runNow(long jobId, String parametersJson) throws Exception {
    return apiPost(
            "/api/2.2/jobs/run-now",
            "{\"job_id\": " + jobId + ", \"job_parameters\": " + parametersJson + "}")
        .path("run_id")
        .asLong();
  }

  /** Waits until run {@code runId} has ended; its jobs/runs/get body. */
  JsonNode awaitEnd(long runId) throws Exception {
    return RunEnds.await(this::api, runId);
  }

  @Override
  public void close() {
    service.stop(Duration.ofSeconds(5));
  }
}
