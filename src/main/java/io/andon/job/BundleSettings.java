package io.andon.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Asset Bundle file is read with: the target ({@code --target}), variable values ({@code
 * --var NAME=VALUE}) and the files its {@code include} names. A loaded job carries the settings it
 * was resolved with, every value it used and the text of every included file, and a run stores
 * them, so a repair reads the bundle exactly as the run did.
 *
 * @param target the target's name, empty for none
 * @param vars variable values; they win over {@code BUNDLE_VAR_<name>}, the target's values and the
 *     defaults
 * @param includes the included files (absolute path to text) to read instead of the file system's;
 *     empty to find them with the bundle's {@code include} patterns
 */
public record BundleSettings(
    Optional<String> target, Map<String, String> vars, Optional<Map<String, String>> includes) {
  /** No target chosen, no variable given: a bare job, or a bundle read with its defaults. */
  public static final BundleSettings NONE = new BundleSettings(Optional.empty(), Map.of());

  public BundleSettings {
    Objects.requireNonNull(target, "target");
    vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    includes = includes.map(m -> Collections.unmodifiableMap(new LinkedHashMap<>(m)));
  }

  /** A target and variable values as given on the command line. */
  public BundleSettings(Optional<String> target, Map<String, String> vars) {
    this(target, vars, Optional.empty());
  }

  /** True when neither a target nor a variable value is given. */
  public boolean givesNothing() {
    return target.isEmpty() && vars.isEmpty();
  }

  /**
   * As stored with a run: {@code {"target": ..., "variables": {...}, "includes": {...}}}, null when
   * there is nothing to store.
   */
  public String toJson() {
    if (givesNothing() && includes.map(Map::isEmpty).orElse(true)) {
      return null;
    }
    ObjectNode o = Json.object();
    target.ifPresent(t -> o.put("target", t));
    ObjectNode v = o.putObject("variables");
    vars.forEach(v::put);
    includes.ifPresent(
        m -> {
          ObjectNode i = o.putObject("includes");
          m.forEach(i::put);
        });
    return Json.write(o);
  }

  /** Reads what {@link #toJson} wrote; none for a run stored without settings. */
  public static BundleSettings fromJson(Optional<String> json) {
    if (json.isEmpty()) {
      return NONE;
    }
    try {
      JsonNode o = Json.read(json.get());
      Map<String, String> vars = new LinkedHashMap<>();
      o.path("variables").properties().forEach(e -> vars.put(e.getKey(), e.getValue().asText()));
      Optional<Map<String, String>> includes = Optional.empty();
      if (o.has("includes")) {
        Map<String, String> m = new LinkedHashMap<>();
        o.get("includes").properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        includes = Optional.of(m);
      }
      return new BundleSettings(Optional.ofNullable(o.path("target").textValue()), vars, includes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "a run's stored bundle settings are not JSON: " + json.get(), e);
    }
  }
}
