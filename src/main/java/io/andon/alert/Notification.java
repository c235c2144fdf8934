package io.andon.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One message for one destination about one event, as written to the outbox.
 *
 * @param id the idempotency id, the same on every attempt ({@code webhook-id}, Message-ID)
 * @param event e.g. {@code run.failed}, {@code task.succeeded}, {@code alert.triggered}
 * @param source what the event is about, for people: {@code job nightly run 12}
 * @param subject one line for people (e-mail subject)
 * @param text the message for people (Slack text, e-mail body)
 * @param data the event's fields, sent as the webhook's {@code data}
 */
public record Notification(
    String id,
    String destinationId,
    String event,
    String source,
    String subject,
    String text,
    JsonNode data,
    Instant createdAt) {

  public Notification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(destinationId, "destinationId");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(createdAt, "createdAt");
    data = data.deepCopy();
  }

  /**
   * The idempotency id of the notification of event {@code eventKey} to {@code destinationId}:
   * derived, not random, so that an event reported twice (a restart, two listeners) is written
   * once.
   */
  public static String idFor(String eventKey, String destinationId) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((eventKey + "\n" + destinationId).getBytes(StandardCharsets.UTF_8));
      return "msg_" + HexFormat.of().formatHex(h, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON body every JSON destination sends: Standard Webhooks' type, timestamp, data. */
  public String body() {
    ObjectNode o = Json.object();
    o.put("type", event);
    o.put("timestamp", createdAt.toString());
    ObjectNode d = o.putObject("data");
    d.put("id", id);
    d.put("source", source);
    d.put("subject", subject);
    d.put("text", text);
    d.setAll((ObjectNode) (data.isObject() ? data : Json.object().set("value", data)));
    return Json.write(o);
  }
}
