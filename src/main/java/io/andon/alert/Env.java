package io.andon.alert;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Where secrets come from: environment variables, never the YAML. Tests pass a map. */
@FunctionalInterface
public interface Env {
  /** The variable's value, empty when unset or blank. */
  Optional<String> get(String name);

  /** The process environment. */
  static Env system() {
    return name -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }

  /** A fixed environment, for tests and embedding. */
  static Env of(Map<String, String> values) {
    Map<String, String> copy = Map.copyOf(values);
    return name ->
        Optional.ofNullable(copy.get(Objects.requireNonNull(name, "name")))
            .filter(v -> !v.isBlank());
  }
}
