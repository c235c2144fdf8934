package io.andon.yaml;

import java.util.Objects;

/**
 * A YAML scalar with its position and the type YAML gave it: a quoted {@code "true"} is a STRING, a
 * plain {@code true} a BOOL, an empty value or {@code null} a NULL.
 */
public record YScalar(Loc loc, String text, Type type) implements YNode {
  public enum Type {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  public YScalar {
    Objects.requireNonNull(loc, "loc");
    Objects.requireNonNull(type, "type");
    text = text == null ? "" : text;
  }

  public boolean isNull() {
    return type == Type.NULL;
  }

  @Override
  public String kind() {
    return switch (type) {
      case STRING -> "a string";
      case INT -> "an integer";
      case FLOAT -> "a number";
      case BOOL -> "a boolean";
      case NULL -> "null";
    };
  }
}
