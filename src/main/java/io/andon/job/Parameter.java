package io.andon.job;

import java.util.Objects;

/** A job parameter with its default, overridable per run with {@code --param NAME=VALUE}. */
public record Parameter(String name, String defaultValue) {
  public Parameter {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(defaultValue, "defaultValue");
  }
}
