package io.andon.error;

import java.util.Objects;

/**
 * One problem found in a user's file, with its position. Line and column are 1-based; 0 means
 * unknown. Renders as {@code file:line:column: message}, the form editors and CI systems link.
 */
public record Problem(String file, int line, int column, String message)
    implements Comparable<Problem> {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    if (line <= 0) {
      return file + ": " + message;
    }
    return file + ":" + line + ":" + column + ": " + message;
  }

  @Override
  public int compareTo(Problem o) {
    int c = file.compareTo(o.file);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(line, o.line);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(column, o.column);
    return c != 0 ? c : message.compareTo(o.message);
  }
}
