package io.andon.job;

/**
 * What started a run, with the names the Jobs API gives a run's {@code trigger}. A cron {@code
 * schedule} and a {@code periodic} trigger both start PERIODIC runs, as in Databricks.
 */
public enum TriggerType {
  /** A cron schedule or a periodic trigger. */
  PERIODIC,
  /** Started once, on request: {@code andon run}, or run-now through the API. */
  ONE_TIME,
  /** A retry of a failed run. */
  RETRY,
  /** The child run of a run_job_task. */
  RUN_JOB_TASK,
  /** A file-arrival trigger. */
  FILE_ARRIVAL,
  /** A continuous job: a new run as soon as the last one ended. */
  CONTINUOUS
}
