package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.charset.StandardCharsets;

/** What a handler answers: an HTTP status, a content type and the body's bytes. */
public record Response(int status, String contentType, byte[] body) {
  static final String JSON = "application/json";

  /** 200 with {@code body} as JSON. */
  static Response json(JsonNode body) {
    return json(200, body);
  }

  static Response json(int status, JsonNode body) {
    return new Response(status, JSON, Json.writeBytes(body));
  }

  /** 200 with plain text. */
  static Response text(String contentType, String body) {
    return new Response(200, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** The Databricks error body of {@code e}. */
  static Response error(ApiException e) {
    var body = Json.object();
    body.put("error_code", e.errorCode());
    body.put("message", e.getMessage());
    return json(e.status(), body);
  }
}
