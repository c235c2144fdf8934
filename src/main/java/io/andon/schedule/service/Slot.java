package io.andon.schedule.service;

import io.andon.schedule.ContinuousTrigger;
import io.andon.schedule.CronSchedule;
import io.andon.schedule.FileArrivalState;
import io.andon.schedule.FileArrivalTrigger;
import io.andon.schedule.JobTrigger;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.PeriodicTrigger;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * What the schedule service keeps for one job, read and written only under the service's lock: the
 * job, whether it fires now, the one timer it has pending (and the fire it is for), the runs being
 * started, and what its trigger remembers between timers (a file-arrival listing, the start of a
 * periodic trigger's first period, a continuous job's current run).
 */
final class Slot {
  final ScheduledJob job;
  PauseStatus status;

  /**
   * Bumped whenever the slot's timers are replaced; a timer of an older generation does nothing.
   */
  long generation;

  Optional<ScheduledFuture<?>> pending = Optional.empty();

  /** The time of the cron or periodic fire the pending timer is for. */
  Optional<Instant> plannedFire = Optional.empty();

  /** Runs handed to the run starter that have not returned yet. */
  int starting;

  FileArrivalState files = FileArrivalState.initial();
  Optional<Instant> armedAt = Optional.empty();
  Optional<Long> continuousRun = Optional.empty();
  Optional<String> problem = Optional.empty();

  Slot(ScheduledJob job, PauseStatus status) {
    this.job = job;
    this.status = status;
  }

  /** Carries over what {@code old} remembered, when its trigger is of the same kind and target. */
  void inherit(Slot old) {
    JobTrigger was = old.job.trigger();
    JobTrigger now = job.trigger();
    if (was instanceof FileArrivalTrigger a
        && now instanceof FileArrivalTrigger b
        && a.url().equals(b.url())
        && old.job.folder().equals(job.folder())) {
      files = old.files;
    }
    if (was instanceof PeriodicTrigger && now instanceof PeriodicTrigger) {
      armedAt = old.armedAt;
    }
    continuousRun = old.continuousRun;
    starting = old.starting;
  }

  /** Cancels the pending timer and makes any timer already running a no-op. */
  void cancelTimers() {
    generation++;
    pending.ifPresent(f -> f.cancel(false));
    pending = Optional.empty();
    plannedFire = Optional.empty();
  }

  /** The job's trigger as it fires now: its own settings with the pause status in force. */
  JobTrigger effective() {
    JobTrigger t = job.trigger();
    if (t instanceof CronSchedule c) {
      return new CronSchedule(c.cron(), status);
    }
    if (t instanceof PeriodicTrigger p) {
      return new PeriodicTrigger(p.interval(), p.unit(), status);
    }
    if (t instanceof FileArrivalTrigger f) {
      return new FileArrivalTrigger(
          f.url(), f.minTimeBetweenTriggers(), f.waitAfterLastChange(), status);
    }
    return new ContinuousTrigger(status);
  }
}
