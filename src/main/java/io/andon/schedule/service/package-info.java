/**
 * The schedule service: the timers and threads that drive the pure rules of {@link
 * io.andon.schedule} and start runs. {@link io.andon.schedule.service.ScheduleService} keeps one
 * timer per job on an injected {@link java.util.concurrent.ScheduledExecutorService}, reads time
 * from an injected {@link java.time.Clock}, commits every fire to the {@link
 * io.andon.schedule.service.FireStore} before the {@link io.andon.schedule.service.RunStarter}
 * starts its run, and keeps pauses given through the service in the store. What it keeps per job is
 * a {@code Slot}, held by job name in {@code Slots}, both under the service's lock.
 *
 * <p><b>Exactly once across crashes.</b> A fire is a row keyed by job and trigger time, inserted in
 * its own transaction before the run starts; the run is recorded with the same trigger time; the
 * fire is then linked to the run. A crash before the insert loses nothing that was committed (the
 * fire's time is then a missed fire, not caught up); a crash between the insert and the run's start
 * leaves a fire without a run, started when the service comes back; a crash between the run's start
 * and the link is recognised by the run's trigger time, and the fire is linked, not started again.
 */
package io.andon.schedule.service;
