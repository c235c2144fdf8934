package io.andon.job;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an Asset Bundle file is read with: the target ({@code --target}) and variable values
 * ({@code --var NAME=VALUE}). A loaded job carries the settings it was resolved with, every
 * variable's value included, and a run stores them, so a repair reads the bundle exactly as the
 * run did.
 *
 * @param target the target's name, empty for none
 * @param vars variable values; they win over {@code BUNDLE_VAR_<name>}, the target's values and
 *     the defaults
 */
public record BundleSettings(Optional<String> target, Map<String, String> vars) {
  /** No target chosen, no variable given: a bare job, or a bundle read with its defaults. */
  public static final BundleSettings NONE = new BundleSettings(Optional.empty(), Map.of());

  public BundleSettings {
    Objects.requireNonNull(target, "target");
    vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
  }

  public boolean isNone() {
    return target.isEmpty() && vars.isEmpty();
  }

  /** As stored with a run: {@code {"target": ..., "variables": {...}}}, null for none. */
  public String toJson() {
    if (isNone()) {
      return null;
    }
    com.fasterxml.jackson.databind.node.ObjectNode o = io.andon.util.Json.object();
    target.ifPresent(t -> o.put("target", t));
    com.fasterxml.jackson.databind.node.ObjectNode v = o.putObject("variables");
    vars.forEach(v::put);
    return io.andon.util.Json.write(o);
  }

  /** Reads what {@link #toJson} wrote; none for a run stored without settings. */
  public static BundleSettings fromJson(Optional<String> json) {
    if (json.isEmpty()) {
      return NONE;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode o = io.andon.util.Json.read(json.get());
      Map<String, String> vars = new LinkedHashMap<>();
      o.path("variables").fields().forEachRemaining(e -> vars.put(e.getKey(),
          e.getValue().asText()));
      return new BundleSettings(Optional.ofNullable(o.path("target").textValue()), vars);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a run's stored bundle settings are not JSON: " + json.get(),
          e);
    }
  }
}
