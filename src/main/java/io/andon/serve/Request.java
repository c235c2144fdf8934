package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One API request: its path and its fields, from the query string of a GET or the JSON body of a
 * POST, read with typed getters that refuse a wrong type with a message naming the field.
 */
public record Request(String method, String path, ObjectNode fields, boolean authenticated) {

  /** A request whose fields are the query parameters {@code query}. */
  static Request ofQuery(
      String method, String path, Map<String, String> query, boolean authenticated) {
    ObjectNode fields = Json.object();
    query.forEach(fields::put);
    return new Request(method, path, fields, authenticated);
  }

  /** Refuses any field not in {@code known}, naming the fields that are. */
  Request onlyFields(Set<String> known) {
    for (var it = fields.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!known.contains(name)) {
        throw ApiException.invalid(
            "unknown field '"
                + name
                + "' for "
                + path
                + "; it takes: "
                + String.join(", ", new TreeSet<>(known))
                + "."
                + io.andon.util.Strings.didYouMean(name, List.copyOf(known)));
      }
    }
    return this;
  }

  /** A required whole-number field. */
  long requiredLong(String name) {
    return optionalLong(name)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "missing field '" + name + "' for " + path + "; give it as a number."));
  }

  /** A whole-number field, given as a JSON number or (in a query) as text. */
  Optional<Long> optionalLong(String name) {
    JsonNode v = fields.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return Optional.of(v.asLong());
    }
    if (v.isTextual() && v.asText().matches("-?[0-9]{1,18}")) {
      return Optional.of(Long.parseLong(v.asText()));
    }
    throw ApiException.invalid("field '" + name + "' must be a whole number, not " + v + ".");
  }

  /** A boolean field, false when absent. */
  boolean flag(String name) {
    JsonNode v = fields.get(name);
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.parseBoolean(v.asText());
    }
    throw ApiException.invalid("field '" + name + "' must be true or false, not " + v + ".");
  }

  /** A text field. */
  Optional<String> optionalText(String name) {
    JsonNode v = fields.get(name);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw ApiException.invalid("field '" + name + "' must be a string, not " + v + ".");
    }
    return Optional.of(v.asText());
  }

  /** A map of names to text values (job_parameters); numbers and booleans are read as text. */
  Map<String, String> textMap(String name) {
    JsonNode v = fields.get(name);
    Map<String, String> out = new LinkedHashMap<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw ApiException.invalid(
          "field '"
              + name
              + "' must be an object of names to values,"
              + " such as {\"threshold\": \"0.9\"}, not "
              + v
              + ".");
    }
    for (var e : v.properties()) {
      JsonNode value = e.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw ApiException.invalid(
            "'" + name + "." + e.getKey() + "' must be a string, not " + value + ".");
      }
      out.put(e.getKey(), value.asText());
    }
    return out;
  }

  /** A list of strings (rerun_tasks). */
  List<String> textList(String name) {
    JsonNode v = fields.get(name);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw ApiException.invalid("field '" + name + "' must be a list of strings, not " + v + ".");
    }
    List<String> out = new java.util.ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual()) {
        throw ApiException.invalid("field '" + name + "' must hold strings, not " + item + ".");
      }
      out.add(item.asText());
    }
    return out;
  }
}
