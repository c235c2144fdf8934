package io.andon.serve;

import io.andon.schedule.service.FireStore;
import io.andon.schedule.service.ScheduleService;
import io.andon.schedule.service.ScheduledJob;
import io.andon.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The schedules and triggers of the served jobs, kept in step with the job files and fired into the
 * service's runs: a fire is committed by the schedule service, then started here as a run of the
 * served job with its defaults, recorded with what started it.
 */
final class Schedules implements AutoCloseable {
  /** Fires start runs on these threads; starting waits for the store, so there are several. */
  private static final int THREADS = 4;

  private final ScheduledExecutorService threads;
  private final ScheduleService service;
  private final JobCatalog catalog;
  private final ServiceLog log;

  Schedules(Store store, JobCatalog catalog, RunStarter runs, Clock clock, ServiceLog log) {
    AtomicInteger n = new AtomicInteger();
    this.threads =
        Executors.newScheduledThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "andon-schedule-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.catalog = catalog;
    this.log = log;
    this.service =
        new ScheduleService(
            clock,
            threads,
            new FireStore(store),
            (job, trigger) -> runs.start(job, Map.of(), trigger));
    refresh();
  }

  /** Arms the triggers of the jobs served now: new and changed ones, and stops removed ones. */
  void refresh() {
    List<ScheduledJob> jobs =
        catalog.jobs().stream()
            .flatMap(
                j ->
                    j.spec().trigger().stream()
                        .map(t -> new ScheduledJob(j.name(), t, j.spec().dir())))
            .toList();
    try {
      service.update(jobs);
    } catch (RuntimeException e) {
      log.event("schedule_error", Map.of("error", String.valueOf(e.getMessage())));
    }
  }

  /**
   * A job was paused or resumed through the API or {@code andon jobs pause|resume}; a job with no
   * schedule or trigger has nothing to fire, so only its stored pause status changes.
   */
  void pauseChanged(String job, boolean paused) {
    boolean scheduled = catalog.byName(job).flatMap(j -> j.spec().trigger()).isPresent();
    if (!scheduled) {
      return;
    }
    if (paused) {
      service.pause(job);
    } else {
      service.resume(job);
    }
  }

  /** Stops firing; runs already started go on. */
  @Override
  public void close() {
    service.close();
    threads.shutdownNow();
  }
}
