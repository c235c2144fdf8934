package io.andon.schedule;

/**
 * What starts a job by itself: a cron {@code schedule}, a {@code trigger} (periodic or file
 * arrival) or {@code continuous}. A job has at most one of them.
 */
public sealed interface JobTrigger
    permits CronSchedule, PeriodicTrigger, FileArrivalTrigger, ContinuousTrigger {

  /** Whether it fires at all. */
  PauseStatus pauseStatus();

  /** The run's {@code trigger} value, as the Jobs API names it. */
  String triggerType();
}
