package io.andon.gate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The small JSONPath subset metric names use: {@code $.model.accuracy}, {@code model.accuracy},
 * {@code $['odd key']}, {@code $.folds[0].auc}, and {@code $.columns[name=age].psi} (the first
 * element of a list whose field {@code name} is {@code age}). A dotted name also matches a key
 * that itself holds dots: {@code a.b} finds {@code {"a.b": 1}} as well as {@code {"a": {"b": 1}}}
 * (the longest key wins).
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
        throw new IllegalArgumentException("unexpected '" + c + "' at position " + (i + 1)
            + " of path '" + text + "'; write .key, ['key'], [0] or [field=value]");
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("path '" + text + "' names no value; write e.g."
          + " $.model.accuracy");
    }
    return new JsonPath(text, out);
  }

  private static int readKey(String text, int from, List<Token> out) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
      i++;
    }
    if (i == from) {
      throw new IllegalArgumentException("empty key at position " + (from + 1) + " of path '"
          + text + "'");
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
    throw new IllegalArgumentException("'[' at position " + (open + 1) + " of path '" + text
        + "' is never closed with ']'");
  }

  private static Token bracket(String text, String inner) {
    if (inner.startsWith("?(") && inner.endsWith(")")) {
      inner = "?" + inner.substring(2, inner.length() - 1).strip();
    }
    if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
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
      if (value.length() >= 2 && (value.charAt(0) == '\'' || value.charAt(0) == '"')
          && value.charAt(value.length() - 1) == value.charAt(0)) {
        value = value.substring(1, value.length() - 1);
      }
      return new Filter(field, value);
    }
    throw new IllegalArgumentException("cannot read '[" + inner + "]' in path '" + text
        + "'; write ['key'], [0] or [field=value]");
  }

  /** The value at this path under {@code root}, or empty. */
  Optional<JsonNode> find(JsonNode root) {
    return Optional.ofNullable(resolve(root, 0));
  }

  /** The value after skipping the first {@code skip} tokens. */
  Optional<JsonNode> find(JsonNode root, int skip) {
    return Optional.ofNullable(resolve(root, skip));
  }

  private JsonNode resolve(JsonNode node, int i) {
    if (i == tokens.size()) {
      return node;
    }
    Token t = tokens.get(i);
    if (t instanceof Key k) {
      if (node.isObject()) {
        int last = i;
        while (last + 1 < tokens.size() && tokens.get(last + 1) instanceof Key next
            && next.dotted() && k.dotted()) {
          last++;
        }
        for (int j = last; j >= i; j--) {
          StringBuilder key = new StringBuilder(((Key) tokens.get(i)).name());
          for (int m = i + 1; m <= j; m++) {
            key.append('.').append(((Key) tokens.get(m)).name());
          }
          JsonNode child = node.get(key.toString());
          if (child != null) {
            JsonNode r = resolve(child, j + 1);
            if (r != null) {
              return r;
            }
          }
        }
        return null;
      }
      if (node.isArray() && k.name().matches("\\d+")) {
        JsonNode child = node.get(Integer.parseInt(k.name()));
        return child == null ? null : resolve(child, i + 1);
      }
      return null;
    }
    if (t instanceof Index x) {
      if (!node.isArray()) {
        return null;
      }
      JsonNode child = node.get(x.index());
      return child == null ? null : resolve(child, i + 1);
    }
    Filter f = (Filter) t;
    if (!node.isArray()) {
      return null;
    }
    for (JsonNode item : node) {
      JsonNode field = item.get(f.field());
      if (field != null && field.isValueNode() && field.asText().equals(f.value())) {
        return resolve(item, i + 1);
      }
    }
    return null;
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
