package io.andon.schedule.service;

import io.andon.job.TriggerInfo;

/** Starts a run of a job for the schedule service. */
@FunctionalInterface
public interface RunStarter {
  /**
   * Starts a run of {@code jobName} recorded with {@code trigger} and returns its run id as soon as
   * the run is in the store, without waiting for it to end. The run must be recorded with this
   * exact trigger (type and time): after a crash, that is how the service tells a fire whose run
   * started from one whose run never did.
   *
   * @throws RuntimeException when no run could be started; the fire stays committed, and the
   *     service reports the problem
   */
  long start(String jobName, TriggerInfo trigger);
}
