package io.andon.gate;

/** The verdict of one check. */
public enum Status {
  /** The value was measured, finite, and satisfied the threshold. */
  PASSED,
  /** The value missed the threshold, or was NaN or infinite, on an error check. */
  FAILED,
  /** The metric (or its baseline) was not found, or was not a number. Never read as 0. */
  NOT_MEASURED,
  /** The value missed the threshold, or was NaN or infinite, on a warning check. */
  WARNING
}
