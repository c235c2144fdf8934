package io.andon.job;

import java.util.List;

/** The names andon resolves inside {@code {{job.*}}}, {@code {{task.*}}}, {@code {{tasks.*}}}. */
public final class References {
  /** The parts of a time, as {@code {{job.start_time.<part>}}} and friends take them. */
  public static final List<String> TIME_PARTS =
      List.of(
          "iso_datetime",
          "iso_date",
          "timestamp_ms",
          "year",
          "month",
          "day",
          "hour",
          "minute",
          "second",
          "iso_weekday",
          "is_weekday");

  /** Fields of {@code {{job.<field>}}} besides {@code parameters.<name>}. */
  public static final List<String> JOB_FIELDS = jobFields();

  /** Fields of {@code {{task.<field>}}}. */
  public static final List<String> TASK_FIELDS = List.of("name", "run_id", "execution_count");

  /** Fields of {@code {{tasks.<key>.<field>}}} besides {@code values.<name>}. */
  public static final List<String> TASKS_FIELDS = List.of("result_state", "run_id", "error_code");

  private static List<String> jobFields() {
    List<String> out =
        new java.util.ArrayList<>(
            List.of(
                "id",
                "name",
                "run_id",
                "repair_count",
                "trigger.type",
                "trigger.file_arrival.location"));
    for (String part : TIME_PARTS) {
      out.add("start_time." + part);
    }
    for (String part : TIME_PARTS) {
      out.add("trigger.time." + part);
    }
    return List.copyOf(out);
  }

  private References() {}
}
