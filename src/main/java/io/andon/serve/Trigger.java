package io.andon.serve;

/** What started a run, as the Jobs API names it in {@code Run.trigger}. */
public enum Trigger {
  PERIODIC,
  ONE_TIME,
  RETRY,
  RUN_JOB_TASK,
  FILE_ARRIVAL,
  CONTINUOUS,
  TABLE
}
