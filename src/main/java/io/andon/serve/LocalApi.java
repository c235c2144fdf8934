package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The API called from inside the service (by the web UI), with the same handlers, checks and
 * answers as over HTTP. The caller has already decided that the request may be made: mutations go
 * through as authenticated.
 */
public final class LocalApi {
  private final Router router;

  LocalApi(Router router) {
    this.router = router;
  }

  /**
   * The JSON answer of {@code GET path?query}.
   *
   * @throws ApiException as the endpoint refuses the request
   */
  public JsonNode get(String path, Map<String, String> query) {
    return call(Request.ofQuery("GET", path, query, true));
  }

  /**
   * The JSON answer of {@code POST path} with {@code body}.
   *
   * @throws ApiException as the endpoint refuses the request
   */
  public JsonNode post(String path, ObjectNode body) {
    return call(new Request("POST", path, body, true));
  }

  private JsonNode call(Request r) {
    Router.Route route =
        router
            .find(r.method(), r.path())
            .orElseThrow(() -> ApiException.notFound("no endpoint " + r.method() + " " + r.path()));
    Response answer = route.handler().handle(r);
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    try {
      return text.isEmpty() ? Json.object() : Json.read(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(r.path() + " answered something other than JSON", e);
    }
  }
}
