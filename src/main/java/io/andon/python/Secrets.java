package io.andon.python;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where {@code dbutils.secrets.get(scope, key)} finds secrets: the environment variable {@code
 * ANDON_SECRET_<SCOPE>_<KEY>} (scope and key in capitals, other characters as {@code _}), else the
 * JSON file {@code {"scope": {"key": "value"}}} named by {@code ANDON_SECRETS_FILE}, by default
 * {@code $XDG_CONFIG_HOME/andon/secrets.json} (else {@code ~/.config/andon/secrets.json}), kept
 * outside the repository. Every such value is redacted from the task's log.
 */
final class Secrets {
  static final String REDACTED = "[REDACTED]";

  private Secrets() {}

  static Path file(Map<String, String> env) {
    String given = env.getOrDefault("ANDON_SECRETS_FILE", "");
    if (!given.isBlank()) {
      return Path.of(given);
    }
    String xdg = env.getOrDefault("XDG_CONFIG_HOME", "");
    Path config =
        xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
    return config.resolve("andon").resolve("secrets.json");
  }

  /** Every secret value a task could read, longest first (so that none is half redacted). */
  static List<String> values(Map<String, String> env) {
    List<String> out = new ArrayList<>();
    env.forEach(
        (k, v) -> {
          if (k.startsWith("ANDON_SECRET_") && !k.equals("ANDON_SECRETS_FILE") && !v.isEmpty()) {
            out.add(v);
          }
        });
    Path f = file(env);
    if (Files.isRegularFile(f)) {
      try {
        JsonNode root = Json.read(Files.readString(f, StandardCharsets.UTF_8));
        root.forEach(
            scope ->
                scope.forEach(
                    v -> {
                      if (!v.asText().isEmpty()) {
                        out.add(v.asText());
                      }
                    }));
      } catch (IOException e) {
        throw new PythonTaskException(
            "secrets file "
                + f
                + " is not JSON of the form"
                + " {\"scope\": {\"key\": \"value\"}}: "
                + e.getMessage());
      }
    }
    out.sort(Comparator.comparingInt(String::length).reversed());
    return out;
  }

  static String redact(String line, List<String> secrets) {
    String out = line;
    for (String s : secrets) {
      out = out.replace(s, REDACTED);
    }
    return out;
  }
}
