package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the task values a shell task wrote to {@code $ANDON_TASK_VALUES}: a JSON object, or lines
 * of {@code key=value} (a value that parses as JSON is kept as JSON, anything else as a string).
 */
public final class TaskValues {
  /** Largest task value, serialised, as on Databricks. */
  public static final int MAX_VALUE_BYTES = 48 * 1024;

  private TaskValues() {}

  /** The values in {@code file}; empty when the task wrote none. */
  public static Map<String, JsonNode> read(Path file) throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    String text = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return out;
    }
    if (text.startsWith("{")) {
      JsonNode n;
      try {
        n = Json.read(text);
      } catch (IOException e) {
        throw new IOException(
            "$ANDON_TASK_VALUES holds malformed JSON: "
                + e.getMessage().lines().findFirst().orElse(""));
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        put(out, e.getKey(), e.getValue());
      }
      return out;
    }
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IOException("$ANDON_TASK_VALUES line " + lineNo + " is not key=value: " + line);
      }
      String key = line.substring(0, eq).strip();
      String raw = line.substring(eq + 1);
      put(out, key, parse(raw));
    }
    return out;
  }

  static JsonNode parse(String raw) {
    String s = raw.strip();
    try {
      if (!s.isEmpty()) {
        JsonNode n = Json.read(s);
        if (n != null && !n.isMissingNode()) {
          return n;
        }
      }
    } catch (IOException e) {
      // not JSON: keep the text
    }
    return Json.mapper().getNodeFactory().textNode(raw);
  }

  static void put(Map<String, JsonNode> out, String key, JsonNode value) throws IOException {
    if (!key.matches("[A-Za-z0-9_.\\-]+")) {
      throw new IOException(
          "task value name '" + key + "' may hold only letters, digits, '_'," + " '-' and '.'");
    }
    int size = Json.write(value).getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_VALUE_BYTES) {
      throw new IOException(
          "task value '"
              + key
              + "' is "
              + size
              + " bytes; the limit is "
              + MAX_VALUE_BYTES
              + " (48 KiB). Write large results to a file and publish its path.");
    }
    out.put(key, value);
  }

  /** A value as text in a reference: strings bare, everything else as JSON. */
  public static String render(JsonNode v) {
    return v.isTextual() ? v.asText() : Json.write(v);
  }
}
