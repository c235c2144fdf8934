package io.andon.schedule;

/** Whether a schedule or trigger fires: a PAUSED job is loaded and kept, but never fired. */
public enum PauseStatus {
  PAUSED,
  UNPAUSED;

  /** True when this status lets the schedule or trigger fire. */
  public boolean fires() {
    return this == UNPAUSED;
  }
}
