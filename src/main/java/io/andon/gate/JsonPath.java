package io.andon.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The small JSONPath subset metric names use: {@code $.model.accuracy}, {@code model.accuracy},
 * {@code $['odd key']}, {@code $.folds[0].auc}, and {@code $.columns[name=age].psi} (the element of
 * a list whose field {@code name} is {@code age}). Filters in a row narrow the same list: {@code
 * $.drift_metrics[column_name=score][drift_type=BASELINE].psi}; when they still match several
 * elements the path is ambiguous, never a silent pick of the first. A dotted name also matches a
 * key that itself holds dots: {@code a.b} finds {@code {"a.b": 1}} as well as {@code {"a": {"b":
 * 1}}} (the longest key wins).
 */
final class JsonPath {
  sealed interface Token {}

  /** A key; {@code dotted} when written after a dot, so it may join its neighbours. */
  record Key(String name, boolean dotted) implements Token {}

  record Index(int index) implements Token {}

  record Filter(String field, String value) implements Token {}

  private final String text;
  private final List<Token> tokens;

  private JsonPath(String text, List<Token> tokens) {
    this.text = text;
    this.tokens = List.copyOf(tokens);
  }

  List<Token> tokens() {
    return tokens;
  }

  @Override
  public String toString() {
    return text;
  }

  /**
   * Parses a path, with or without the leading {@code $}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong and where
   */
  static JsonPath parse(String text) {
    Objects.requireNonNull(text, "text");
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = text.length();
    if (text.startsWith("$")) {
      i = 1;
    } else if (n > 0 && text.charAt(0) != '[') {
      i = readKey(text, 0, out);
    }
    while (i < n) {
      char c = text.charAt(i);
      if (c == '.') {
        i = readKey(text, i + 1, out);
      } else if (c == '[') {
        int close = closing(text, i);
        String inner = text.substring(i + 1, close).strip();
        out.add(bracket(text, inner));
        i = close + 1;
      } else {
        throw new IllegalArgumentException(
            "unexpected '"
                + c
                + "' at position "
                + (i + 1)
                + " of path '"
                + text
                + "'; write .key, ['key'], [0] or [field=value]");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "path '" + text + "' names no value; write e.g." + " $.model.accuracy");
    }
    return new JsonPath(text, out);
  }

  private static int readKey(String text, int from, List<Token> out) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
      i++;
    }
    if (i == from) {
      throw new IllegalArgumentException(
          "empty key at position " + (from + 1) + " of path '" + text + "'");
    }
    out.add(new Key(text.substring(from, i), true));
    return i;
  }

  private static int closing(String text, int open) {
    char quote = 0;
    for (int i = open + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ']') {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "'[' at position " + (open + 1) + " of path '" + text + "' is never closed with ']'");
  }

  private static Token bracket(String text, String inner) {
    if (inner.startsWith("?(") && inner.endsWith(")")) {
      inner = "?" + inner.substring(2, inner.length() - 1).strip();
    }
    if (inner.length() >= 2
        && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
      return new Key(inner.substring(1, inner.length() - 1), false);
    }
    if (inner.matches("\\d+")) {
      return new Index(Integer.parseInt(inner));
    }
    int eq = inner.indexOf('=');
    if (eq > 0) {
      String field = inner.substring(0, eq).strip();
      if (field.startsWith("?")) {
        field = field.substring(1).strip();
      }
      if (field.startsWith("@.")) {
        field = field.substring(2);
      }
      String value = inner.substring(eq + 1).strip();
      if (value.startsWith("=")) {
        value = value.substring(1).strip();
      }
      if (value.length() >= 2
          && (value.charAt(0) == '\'' || value.charAt(0) == '"')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      }
      return new Filter(field, value);
    }
    throw new IllegalArgumentException(
        "cannot read '["
            + inner
            + "]' in path '"
            + text
            + "'; write ['key'], [0] or [field=value]");
  }

  /** What a path finds: one value, nothing, or several list elements its filters match. */
  sealed interface Lookup {}

  record Found(JsonNode node) implements Lookup {}

  record Missing() implements Lookup {}

  /**
   * Filters that match {@code count} elements; {@code differing} names fields whose values tell
   * them apart, with their values.
   */
  record Ambiguous(String filters, int count, String differing) implements Lookup {}

  /** The value at this path under {@code root}, or empty (also when ambiguous). */
  Optional<JsonNode> find(JsonNode root) {
    return find(root, 0);
  }

  /** The value after skipping the first {@code skip} tokens. */
  Optional<JsonNode> find(JsonNode root, int skip) {
    return lookup(root, skip) instanceof Found f ? Optional.of(f.node()) : Optional.empty();
  }

  /** What this path finds under {@code root} after skipping {@code skip} tokens. */
  Lookup lookup(JsonNode root, int skip) {
    Trace trace = new Trace();
    JsonNode n = resolve(root, skip, trace);
    if (n != null) {
      return new Found(n);
    }
    return trace.ambiguity == null ? new Missing() : trace.ambiguity;
  }

  /** The first ambiguity met while resolving one lookup. */
  private static final class Trace {
    private Ambiguous ambiguity;
  }

  private JsonNode resolve(JsonNode node, int i, Trace trace) {
    if (i == tokens.size()) {
      return node;
    }
    Token t = tokens.get(i);
    if (t instanceof Key k) {
      if (node.isObject()) {
        int last = i;
        while (last + 1 < tokens.size()
            && tokens.get(last + 1) instanceof Key next
            && next.dotted()
            && k.dotted()) {
          last++;
        }
        for (int j = last; j >= i; j--) {
          StringBuilder key = new StringBuilder(((Key) tokens.get(i)).name());
          for (int m = i + 1; m <= j; m++) {
            key.append('.').append(((Key) tokens.get(m)).name());
          }
          JsonNode child = node.get(key.toString());
          if (child != null) {
            JsonNode r = resolve(child, j + 1, trace);
            if (r != null) {
              return r;
            }
          }
        }
        return null;
      }
      if (node.isArray() && k.name().matches("\\d+")) {
        JsonNode child = node.get(Integer.parseInt(k.name()));
        return child == null ? null : resolve(child, i + 1, trace);
      }
      return null;
    }
    if (t instanceof Index x) {
      if (!node.isArray()) {
        return null;
      }
      JsonNode child = node.get(x.index());
      return child == null ? null : resolve(child, i + 1, trace);
    }
    if (!node.isArray()) {
      return null;
    }
    int end = i;
    List<Filter> filters = new ArrayList<>();
    while (end < tokens.size() && tokens.get(end) instanceof Filter f) {
      filters.add(f);
      end++;
    }
    List<JsonNode> matches = new ArrayList<>();
    for (JsonNode item : node) {
      if (filters.stream().allMatch(f -> matches(item, f))) {
        matches.add(item);
      }
    }
    if (matches.size() > 1) {
      if (trace.ambiguity == null) {
        StringBuilder written = new StringBuilder();
        filters.forEach(
            f -> written.append('[').append(f.field()).append('=').append(f.value()).append(']'));
        trace.ambiguity = new Ambiguous(written.toString(), matches.size(), differing(matches));
      }
      return null;
    }
    return matches.isEmpty() ? null : resolve(matches.get(0), end, trace);
  }

  private static boolean matches(JsonNode item, Filter f) {
    JsonNode field = item.get(f.field());
    return field != null && field.isValueNode() && field.asText().equals(f.value());
  }

  /** Fields whose values differ among {@code items}, as "log_type (INPUT, BASELINE)". */
  private static String differing(List<JsonNode> items) {
    Map<String, java.util.Set<String>> values = new java.util.LinkedHashMap<>();
    for (JsonNode item : items) {
      item.properties()
          .forEach(
              e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNumber()) {
                  values
                      .computeIfAbsent(e.getKey(), k -> new java.util.LinkedHashSet<>())
                      .add(e.getValue().asText());
                }
              });
    }
    List<String> out = new ArrayList<>();
    values.forEach(
        (k, v) -> {
          if (v.size() > 1 && out.size() < 4) {
            out.add(k + " (" + String.join(", ", v.stream().limit(4).toList()) + ")");
          }
        });
    return String.join(", ", out);
  }

  /** Every leaf of {@code root} as a dotted name, for did-you-mean hints; at most {@code max}. */
  static List<String> leaves(JsonNode root, int max) {
    List<String> out = new ArrayList<>();
    leaves(root, "", out, max);
    return out;
  }

  private static void leaves(JsonNode node, String prefix, List<String> out, int max) {
    if (out.size() >= max) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out, max);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), prefix + "[" + i + "]", out, max);
      }
    } else if (!prefix.isEmpty()) {
      out.add(prefix);
    }
  }
}
