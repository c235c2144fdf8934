package io.andon.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A client of a running {@code andon serve}, for {@code andon run --submit}: the service named by
 * {@code ANDON_URL}, else the one serving the home (its {@value Service#URL_FILE}).
 */
public final class ServiceClient {
  private final String url;
  private final Optional<String> token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  ServiceClient(String url, Optional<String> token) {
    this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    this.token = token;
  }

  /**
   * The service of {@code ANDON_URL} in {@code env}, else the one serving {@code home}, when it
   * answers; empty when there is none.
   */
  public static Optional<ServiceClient> find(Path home, Map<String, String> env) {
    Optional<String> url = Optional.ofNullable(env.get("ANDON_URL")).filter(u -> !u.isBlank());
    if (url.isEmpty()) {
      try {
        Path file = home.resolve(Service.URL_FILE);
        url =
            Files.isRegularFile(file)
                ? Optional.of(Files.readString(file).strip())
                : Optional.empty();
      } catch (IOException e) {
        url = Optional.empty();
      }
    }
    Optional<ServiceClient> client =
        url.map(u -> new ServiceClient(u, Auth.clientToken(home, env)));
    return client.filter(ServiceClient::answers);
  }

  private boolean answers() {
    try {
      return http.send(
                  HttpRequest.newBuilder(URI.create(url + "/healthz"))
                      .timeout(Duration.ofSeconds(5))
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The service's base URL. */
  public String url() {
    return url;
  }

  /** The job id of the served job {@code name}. */
  public long jobId(String name) {
    JsonNode jobs =
        get("/api/2.2/jobs/list?name="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))
            .path("jobs");
    if (jobs.isEmpty()) {
      throw new InvalidInputException(
          "the service at "
              + url
              + " does not serve job '"
              + name
              + "'; give its file to `andon serve`.");
    }
    return jobs.get(0).get("job_id").asLong();
  }

  /** Starts a run of job {@code jobId}; its run id. */
  public long runNow(long jobId, Map<String, String> parameters) {
    ObjectNode body = Json.object();
    body.put("job_id", jobId);
    ObjectNode params = body.putObject("job_parameters");
    parameters.forEach(params::put);
    return post("/api/2.2/jobs/run-now", body).get("run_id").asLong();
  }

  /** The run as jobs/runs/get shows it. */
  public JsonNode run(long runId) {
    return get("/api/2.2/jobs/runs/get?run_id=" + runId);
  }

  /** Pauses or resumes the schedule or trigger of the served job {@code name}. */
  public void setPaused(String name, boolean paused) {
    ObjectNode body = Json.object();
    body.put("job_id", jobId(name));
    body.putObject("new_settings")
        .putObject("schedule")
        .put("pause_status", paused ? "PAUSED" : "UNPAUSED");
    post("/api/2.2/jobs/update", body);
  }

  /** Asks the service to cancel the run. */
  public void cancel(long runId) {
    post("/api/2.2/jobs/runs/cancel", Json.object().put("run_id", runId));
  }

  private JsonNode get(String path) {
    return send(HttpRequest.newBuilder(URI.create(url + path)).GET());
  }

  private JsonNode post(String path, JsonNode body) {
    return send(
        HttpRequest.newBuilder(URI.create(url + path))
            .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
  }

  private JsonNode send(HttpRequest.Builder b) {
    token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
    HttpResponse<String> r;
    try {
      r =
          http.send(
              b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (ConnectException e) {
      throw new InvalidInputException(
          "the service at "
              + url
              + " stopped answering; `andon"
              + " runs list` shows the run once it is back.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException("the service at " + url + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InvalidInputException("interrupted while talking to " + url + ".", e);
    }
    JsonNode body;
    try {
      body = Json.read(r.body());
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "the service at "
              + url
              + " answered "
              + r.statusCode()
              + " with something that is not JSON; is ANDON_URL an andon serve?",
          e);
    }
    if (r.statusCode() != 200) {
      throw new InvalidInputException(
          "the service at "
              + url
              + " refused: "
              + body.path("error_code").asText()
              + ": "
              + body.path("message").asText()
              + (r.statusCode() == 401 ? " Set ANDON_TOKEN to the service's token." : ""));
    }
    return body;
  }
}
