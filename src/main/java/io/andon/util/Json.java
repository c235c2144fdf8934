package io.andon.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The one shared JSON mapper, configured once: stable key order, pretty printing on request. */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, false)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false);

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Compact one-line JSON. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compact one-line JSON as UTF-8 bytes, written straight to bytes (no String in between). */
  public static byte[] writeBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The same text as {@link #write} of the map, written field by field: a run writes the values of
   * every task it ends, and the mapper's general path costs several times more per call.
   */
  public static String writeObject(java.util.Map<String, JsonNode> fields) {
    if (fields.isEmpty()) {
      return "{}";
    }
    java.io.StringWriter w = new java.io.StringWriter(16 + 16 * fields.size());
    try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(w)) {
      g.writeStartObject();
      for (java.util.Map.Entry<String, JsonNode> e : fields.entrySet()) {
        g.writeFieldName(e.getKey());
        JsonNode n = e.getValue();
        if (n == null || n.isNull()) {
          g.writeNull();
        } else if (n.isTextual()) {
          g.writeString(n.textValue());
        } else if (n.isBoolean()) {
          g.writeBoolean(n.booleanValue());
        } else if (n.isInt() || n.isLong()) {
          g.writeNumber(n.longValue());
        } else {
          MAPPER.writeTree(g, n);
        }
      }
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Indented JSON for people. */
  public static String pretty(Object value) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode read(String text) throws JsonProcessingException {
    return MAPPER.readTree(text);
  }
}
