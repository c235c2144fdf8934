package io.andon.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A destination's storage form: what the outbox keeps with each notification so that delivery
 * survives a restart. It holds the names of secret variables, never their values.
 */
public final class DestinationJson {
  private DestinationJson() {}

  /** The destination as JSON, for the outbox; holds only the names of secret variables. */
  public static ObjectNode toJson(Destination d) {
    ObjectNode o = Json.object();
    o.put("id", d.id());
    o.put("type", d.type());
    o.put("timeout_millis", d.delivery().timeout().toMillis());
    ArrayNode sched = o.putArray("retry_schedule_millis");
    d.delivery().schedule().delays().forEach(x -> sched.add(x.toMillis()));
    if (d instanceof Destination.Webhook w) {
      putUrl(o, w.url());
      w.secretEnv().ifPresent(x -> o.put("secret_env", x));
      o.put("signature", w.signature().name());
    } else if (d instanceof Destination.Slack s) {
      putUrl(o, s.url());
    } else if (d instanceof Destination.Email e) {
      ArrayNode to = o.putArray("to");
      e.to().forEach(to::add);
      ObjectNode smtp = o.putObject("smtp");
      smtp.put("host", e.smtp().host());
      smtp.put("port", e.smtp().port());
      smtp.put("from", e.smtp().from());
      e.smtp().username().ifPresent(u -> smtp.put("username", u));
      e.smtp().passwordEnv().ifPresent(p -> smtp.put("password_env", p));
      smtp.put("security", e.smtp().security().name());
    } else if (d instanceof Destination.File f) {
      o.put("path", f.path().toString());
    }
    return o;
  }

  private static void putUrl(ObjectNode o, UrlRef url) {
    url.literal().ifPresent(u -> o.put("url", u.toString()));
    url.env().ifPresent(e -> o.put("url_env", e));
  }

  /** Reads what {@link #toJson} wrote. */
  public static Destination fromJson(JsonNode o) {
    String id = o.get("id").asText();
    List<Duration> delays = new ArrayList<>();
    o.get("retry_schedule_millis").forEach(n -> delays.add(Duration.ofMillis(n.asLong())));
    Destination.Delivery delivery =
        new Destination.Delivery(
            new RetrySchedule(delays), Duration.ofMillis(o.get("timeout_millis").asLong()));
    return switch (o.get("type").asText()) {
      case "webhook" ->
          new Destination.Webhook(
              id,
              urlFrom(o),
              Optional.ofNullable(o.get("secret_env")).map(JsonNode::asText),
              Destination.Webhook.Signature.valueOf(o.path("signature").asText("STANDARD")),
              delivery);
      case "slack" -> new Destination.Slack(id, urlFrom(o), delivery);
      case "email" -> {
        List<String> to = new ArrayList<>();
        o.get("to").forEach(n -> to.add(n.asText()));
        JsonNode s = o.get("smtp");
        yield new Destination.Email(
            id,
            to,
            new Destination.Smtp(
                s.get("host").asText(),
                s.get("port").asInt(),
                s.get("from").asText(),
                Optional.ofNullable(s.get("username")).map(JsonNode::asText),
                Optional.ofNullable(s.get("password_env")).map(JsonNode::asText),
                Destination.Smtp.Security.valueOf(s.get("security").asText())),
            delivery);
      }
      case "file" -> new Destination.File(id, Path.of(o.get("path").asText()), delivery);
      default ->
          throw new IllegalArgumentException(
              "unknown destination type in the outbox: " + o.get("type"));
    };
  }

  private static UrlRef urlFrom(JsonNode o) {
    return o.has("url")
        ? UrlRef.of(java.net.URI.create(o.get("url").asText()))
        : UrlRef.fromEnv(o.get("url_env").asText());
  }
}
