package io.andon.job;

import java.util.List;

/** The names andon resolves inside {@code {{job.*}}} and {@code {{task.*}}}. */
public final class References {
  /** Fields of {@code {{job.<field>}}} besides {@code parameters.<name>}. */
  public static final List<String> JOB_FIELDS =
      List.of("id", "name", "run_id", "repair_count", "start_time.iso_datetime",
          "start_time.iso_date", "start_time.timestamp_ms");
  /** Fields of {@code {{task.<field>}}}. */
  public static final List<String> TASK_FIELDS = List.of("name", "run_id", "execution_count");

  private References() {}
}
