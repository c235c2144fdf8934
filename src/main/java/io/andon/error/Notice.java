package io.andon.error;

import java.util.Objects;

/**
 * Something in a user's file that andon accepts and says about, without refusing the file: a key it
 * reads but does not act on here, a value only a Databricks workspace has. {@code validate} and
 * {@code run} print them; {@code --quiet} hides them. A {@link Severity#WARNING} is likely a
 * mistake (a key the Databricks CLI would warn about too); a {@link Severity#NOTICE} is
 * information. Line and column are 1-based; 0 means unknown.
 */
public record Notice(Severity severity, String file, int line, int column, String message)
    implements Comparable<Notice> {
  /** How much a notice matters. */
  public enum Severity {
    WARNING,
    NOTICE
  }

  public Notice {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line:column: message}, as a {@link Problem} renders. */
  public String where() {
    return new Problem(file, line, column, message).toString();
  }

  @Override
  public int compareTo(Notice o) {
    int c =
        new Problem(file, line, column, message)
            .compareTo(new Problem(o.file, o.line, o.column, o.message));
    return c != 0 ? c : severity.compareTo(o.severity);
  }
}
