package io.andon.ui;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A page's path with named parts, such as {@code /runs/{run_id}/tasks/{task_key}}: a path matches
 * when it has as many segments, the fixed ones equal; the named ones are decoded into the map.
 */
public record PathPattern(String template, List<String> segments) {
  public PathPattern {
    segments = List.copyOf(segments);
  }

  /** The pattern of {@code template}. */
  public static PathPattern of(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("a page path starts with /: " + template);
    }
    return new PathPattern(template, split(template));
  }

  private static List<String> split(String path) {
    return path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
  }

  /** The named parts of {@code rawPath} when it matches. */
  public Optional<Map<String, String>> match(String rawPath) {
    List<String> given = split(rawPath);
    if (given.size() != segments.size()) {
      return Optional.empty();
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < given.size(); i++) {
      String s = segments.get(i);
      String g = URLDecoder.decode(given.get(i).replace("+", "%2B"), StandardCharsets.UTF_8);
      if (s.startsWith("{") && s.endsWith("}")) {
        if (g.isEmpty()) {
          return Optional.empty();
        }
        params.put(s.substring(1, s.length() - 1), g);
      } else if (!s.equals(g)) {
        return Optional.empty();
      }
    }
    return Optional.of(params);
  }
}
