package io.andon.alert;

/** The notification hooks of a job or task, as Databricks names them. */
public enum Hook {
  ON_START("on_start"),
  ON_SUCCESS("on_success"),
  ON_FAILURE("on_failure"),
  ON_DURATION_WARNING_THRESHOLD_EXCEEDED("on_duration_warning_threshold_exceeded");

  private final String key;

  Hook(String key) {
    this.key = key;
  }

  /** The YAML key. */
  public String key() {
    return key;
  }
}
