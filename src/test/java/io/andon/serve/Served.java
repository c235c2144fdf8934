package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.BundleSettings;
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

/** A real service on a free loopback port over a temporary home, and an HTTP client for it. */
final class Served implements AutoCloseable {
  static final String TOKEN = "test-token-0123456789";

  final Path dir;
  final Path home;
  final Service service;
  final StringWriter log = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();

  /** A JSON answer: its status and body. */
  record Answer(int status, JsonNode body) {}

  private Served(Path dir, List<Path> jobs, String bind) {
    this.dir = dir;
    this.home = dir.resolve("home");
    this.service =
        Service.start(
            new Service.Config(
                jobs,
                home,
                bind,
                0,
                2,
                BundleSettings.NONE,
                Map.of(),
                Map.of("ANDON_TOKEN", TOKEN),
                Clock.systemUTC()),
            new ServiceLog(new PrintWriter(log, true), ServiceLog.Format.JSON, Clock.systemUTC()));
  }

  /** Serves the job files {@code jobs} (relative to {@code dir}). */
  static Served of(Path dir, String... jobs) {
    return new Served(dir, List.of(jobs).stream().map(dir::resolve).toList(), "127.0.0.1");
  }

  /** Writes a job file in {@code dir}. */
  static Path job(Path dir, String file, String yaml) throws Exception {
    Path p = dir.resolve(file);
    Files.createDirectories(p.getParent());
    Files.writeString(p, yaml);
    return p;
  }

  /** A bare job {@code name} of shell tasks, {@code tasks} as YAML list items. */
  static String shellJob(String name, String extra, String tasks) {
    return "name: " + name + "\n" + extra + "tasks:\n" + tasks;
  }

  /** Writes the job file {@code file}: job {@code name}, its one task {@code true}. */
  static Path trueJob(Path dir, String file, String name) throws Exception {
    return job(
        dir,
        file,
        shellJob(
            name,
            "",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
  }

  Answer get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  Answer post(String path, String body) throws Exception {
    return post(path, body, TOKEN);
  }

  Answer post(String path, String body, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (!token.isEmpty()) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  private URI uri(String pathAndQuery) {
    return URI.create(service.url() + pathAndQuery);
  }

  Answer send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    String text = r.body();
    JsonNode body = text.startsWith("{") ? Json.read(text) : Json.object().put("text", text);
    return new Answer(r.statusCode(), body);
  }

  /** Waits until run {@code runId} has ended; its jobs/runs/get body. */
  JsonNode awaitEnd(long runId) throws Exception {
    return RunEnds.await(q -> get(q).body(), runId);
  }

  @Override
  public void close() {
    service.stop(Duration.ofSeconds(5));
  }
}
