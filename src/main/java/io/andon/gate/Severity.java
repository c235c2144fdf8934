package io.andon.gate;

/** Whether a failing check stops the line ({@link #ERROR}) or is only reported. */
public enum Severity {
  /** A failing or unmeasured check fails the gate. The default. */
  ERROR,
  /** A failing check is reported as {@link Status#WARNING}; the gate still passes. */
  WARNING;

  public String lower() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
