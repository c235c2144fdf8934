package io.andon.schedule.service;

import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.schedule.CronSchedule;
import io.andon.schedule.FileArrivalDecision;
import io.andon.schedule.FileArrivalRule;
import io.andon.schedule.FileArrivalState;
import io.andon.schedule.FileArrivalTrigger;
import io.andon.schedule.FirePlanner;
import io.andon.schedule.FolderLister;
import io.andon.schedule.JobTrigger;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.PeriodicTrigger;
import io.andon.schedule.PlannedFire;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires the schedules and triggers of the jobs it is given: cron schedules and periodic triggers at
 * their times, file-arrival triggers once new files are quiet, continuous jobs again as soon as
 * their last run ends. Each fire is committed to the {@link FireStore} before the {@link
 * RunStarter} starts its run, and linked to the run afterwards, so a crash never fires a schedule
 * twice nor loses a fire that was committed: on the next start, a fire without a run is matched
 * with the run recorded under its trigger, or started then. Fires missed while the service was down
 * or the job paused are not caught up.
 *
 * <p>Its public API is {@link #update} (the jobs loaded now: added, changed or removed), {@link
 * #pause}, {@link #resume} (kept in the store, so they survive a restart, until the job file's own
 * pause_status changes), {@link #runEnded} (a continuous job's run ended: start the next one now
 * rather than at the next poll), {@link #problem} and {@link #close} (stop firing). Time comes from
 * the {@link Clock} and the timers from the {@link ScheduledExecutorService}, both injected, so
 * tests drive the service with a manual clock and scheduler. The run starter is called on the
 * scheduler too, outside the service's lock: give the scheduler as many threads as runs should
 * start side by side. Every method may be called from any thread; the service's state is guarded by
 * its lock.
 */
public final class ScheduleService implements AutoCloseable {
  /** How often file-arrival folders are listed and a continuous job's run is checked. */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

  /** A continuous job's runs never start closer together than this, as a schedule's. */
  public static final Duration CONTINUOUS_MIN_GAP = CronSchedule.MIN_GAP;

  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final FireStore fires;
  private final RunStarter starter;
  private final Duration poll;
  private final FirePlanner planner;
  private final Slots slots = new Slots();
  private final Set<String> recovered = new java.util.HashSet<>();
  private boolean closed;

  /** A service that lists file-arrival folders every {@link #DEFAULT_POLL}. */
  public ScheduleService(
      Clock clock, ScheduledExecutorService scheduler, FireStore fires, RunStarter starter) {
    this(clock, scheduler, fires, starter, DEFAULT_POLL);
  }

  /** A service that lists file-arrival folders and checks continuous runs every {@code poll}. */
  public ScheduleService(
      Clock clock,
      ScheduledExecutorService scheduler,
      FireStore fires,
      RunStarter starter,
      Duration poll) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    this.fires = Objects.requireNonNull(fires, "fires");
    this.starter = Objects.requireNonNull(starter, "starter");
    this.poll = Objects.requireNonNull(poll, "poll");
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("poll must be positive, not " + poll);
    }
    this.planner = new FirePlanner(clock);
  }

  /**
   * Makes {@code jobs} the jobs the service fires: a new job is armed (after its fires that a crash
   * left without a run are started or linked), a changed one re-armed, a missing one stopped. An
   * unchanged job keeps its timers.
   */
  public synchronized void update(Collection<ScheduledJob> jobs) {
    if (closed) {
      throw new IllegalStateException("the schedule service is closed");
    }
    for (Slots.Change change : slots.update(jobs)) {
      ScheduledJob job = change.job();
      Optional<Slot> old = change.old();
      Slot slot = new Slot(job, status(job));
      if (old.isPresent()) {
        old.get().cancelTimers();
        slot.inherit(old.get());
      } else if (job.trigger() instanceof FileArrivalTrigger) {
        // min_time_between_triggers holds across a restart; the first listing is a baseline
        slot.files =
            new FileArrivalState(
                false,
                Set.of(),
                Map.of(),
                Optional.empty(),
                fires.lastFire(job.name(), TriggerType.FILE_ARRIVAL));
      }
      slots.put(slot);
      if (recovered.add(job.name())) {
        recover(slot);
      }
      arm(slot);
    }
  }

  /** Pauses {@code name}: it stops firing, now and after a restart, until resumed. */
  public synchronized void pause(String name) {
    setStatus(name, PauseStatus.PAUSED);
  }

  /** Resumes {@code name}: it fires again from its next time, the missed ones not caught up. */
  public synchronized void resume(String name) {
    setStatus(name, PauseStatus.UNPAUSED);
  }

  /** Run {@code runId} ended: a continuous job whose run it was starts its next run now. */
  public synchronized void runEnded(long runId) {
    for (Slot slot : slots.all()) {
      if (slot.continuousRun.equals(Optional.of(runId))) {
        slot.continuousRun = Optional.empty();
        arm(slot);
      }
    }
  }

  /** What last kept {@code name} from firing (a folder gone, a run that did not start), if any. */
  public synchronized Optional<String> problem(String name) {
    return slots.get(name).flatMap(s -> s.problem);
  }

  /** Stops firing: pending timers are canceled; the scheduler itself is left to its owner. */
  @Override
  public synchronized void close() {
    closed = true;
    slots.all().forEach(Slot::cancelTimers);
  }

  private PauseStatus status(ScheduledJob job) {
    PauseStatus file = job.trigger().pauseStatus();
    Optional<FireStore.PauseOverride> given = fires.pause(job.name());
    if (given.isPresent() && given.get().fileStatus() != file) {
      fires.clearPause(job.name()); // the job file changed its pause_status since: it wins
      return file;
    }
    return given.map(FireStore.PauseOverride::status).orElse(file);
  }

  private void setStatus(String name, PauseStatus status) {
    Slot slot = slots.require(name);
    fires.setPause(
        name,
        new FireStore.PauseOverride(status, slot.job.trigger().pauseStatus()),
        clock.instant());
    slot.status = status;
    arm(slot);
  }

  /** Starts or links the fires of {@code slot}'s job that a crash left without a run. */
  private void recover(Slot slot) {
    for (FireStore.Fire fire : fires.unlinked(slot.job.name())) {
      if (fire.runId().isPresent()) {
        fires.started(fire.jobName(), fire.trigger().time(), fire.runId().get());
      } else {
        startLater(slot, fire.trigger());
      }
    }
  }

  /** Replaces the slot's timer with the one its trigger needs now; none while paused. */
  private void arm(Slot slot) {
    slot.cancelTimers();
    if (closed || !slot.status.fires()) {
      return;
    }
    JobTrigger trigger = slot.effective();
    if (trigger instanceof CronSchedule || trigger instanceof PeriodicTrigger) {
      if (slot.armedAt.isEmpty()) {
        slot.armedAt = Optional.of(clock.instant());
      }
      plan(slot, fires.lastFire(slot.job.name(), TriggerType.PERIODIC));
    } else if (trigger instanceof FileArrivalTrigger files) {
      listFolder(slot, files);
    } else {
      checkContinuous(slot);
    }
  }

  /** Plans the next fire of a cron schedule or periodic trigger after {@code last}. */
  private void plan(Slot slot, Optional<Instant> last) {
    JobTrigger trigger = slot.effective();
    Optional<PlannedFire> next =
        trigger instanceof CronSchedule cron
            ? planner.next(cron, last)
            : planner.next((PeriodicTrigger) trigger, last, slot.armedAt.orElseThrow());
    next.map(PlannedFire::at)
        .ifPresent(
            at -> {
              at(slot, at, this::fireDue);
              slot.plannedFire = Optional.of(at);
            });
  }

  /**
   * Fires every cron schedule and periodic trigger due now, all their fires committed in one
   * transaction (a thousand jobs on the same cron cost one commit), then plans their next fires.
   */
  private void fireDue() {
    Instant now = clock.instant();
    Map<String, TriggerInfo> due = new LinkedHashMap<>();
    for (Slot slot : slots.all()) {
      slot.plannedFire
          .filter(at -> !at.isAfter(now))
          .ifPresent(at -> due.put(slot.job.name(), TriggerInfo.of(TriggerType.PERIODIC, at)));
    }
    Set<String> fresh = fires.commitAll(due, now);
    for (Map.Entry<String, TriggerInfo> fire : due.entrySet()) {
      Slot slot = slots.get(fire.getKey()).orElseThrow();
      slot.cancelTimers();
      if (fresh.contains(fire.getKey())) {
        startLater(slot, fire.getValue());
      }
      plan(slot, Optional.of(fire.getValue().time()));
    }
  }

  private void listFolder(Slot slot, FileArrivalTrigger trigger) {
    Instant now = clock.instant();
    Instant next = now.plus(poll);
    try {
      FileArrivalDecision decision =
          FileArrivalRule.decide(
              trigger, slot.files, new FolderLister(slot.job.folder()).list(trigger.url()), now);
      slot.files = decision.next();
      slot.problem = Optional.empty();
      if (decision instanceof FileArrivalDecision.Fire) {
        fire(slot, TriggerInfo.fileArrival(now, trigger.url()));
      } else if (decision instanceof FileArrivalDecision.Wait wait
          && wait.checkAt().isPresent()
          && wait.checkAt().get().isBefore(next)) {
        next = wait.checkAt().get();
      }
    } catch (RuntimeException e) {
      slot.problem = Optional.of("job " + slot.job.name() + ": " + e.getMessage());
    }
    at(slot, next, () -> listFolder(slot, trigger));
  }

  private void checkContinuous(Slot slot) {
    Instant now = clock.instant();
    Optional<Long> current = slot.continuousRun.or(() -> fires.lastRun(slot.job.name()));
    if (slot.starting > 0 || current.isPresent() && fires.inProgress(current.get())) {
      slot.continuousRun = current;
      at(slot, now.plus(poll), () -> checkContinuous(slot));
      return;
    }
    slot.continuousRun = Optional.empty();
    Optional<Instant> allowed =
        fires
            .lastFire(slot.job.name(), TriggerType.CONTINUOUS)
            .map(last -> last.plus(CONTINUOUS_MIN_GAP))
            .filter(t -> t.isAfter(now));
    if (allowed.isPresent()) {
      at(slot, allowed.get(), () -> checkContinuous(slot));
      return;
    }
    fire(slot, TriggerInfo.of(TriggerType.CONTINUOUS, now));
    at(slot, now.plus(poll), () -> checkContinuous(slot));
  }

  /** Commits a fire, then has its run started; nothing when it was committed before. */
  private void fire(Slot slot, TriggerInfo trigger) {
    if (fires.commit(slot.job.name(), trigger, clock.instant())) {
      startLater(slot, trigger);
    }
  }

  /**
   * Has the run of a committed fire started on the scheduler, outside the lock, so that many runs
   * due at once start side by side (as many as the scheduler has threads).
   */
  private void startLater(Slot slot, TriggerInfo trigger) {
    slot.starting++;
    scheduler.execute(() -> start(slot, trigger));
  }

  private void start(Slot slot, TriggerInfo trigger) {
    String name = slot.job.name();
    Optional<Long> runId = Optional.empty();
    Optional<String> problem = Optional.empty();
    try {
      runId = Optional.of(starter.start(name, trigger));
    } catch (RuntimeException e) {
      problem =
          Optional.of(
              "job "
                  + name
                  + ": the "
                  + trigger.type()
                  + " fire of "
                  + trigger.time()
                  + " started no run: "
                  + e.getMessage());
    }
    synchronized (this) {
      Slot current = slots.current(slot); // the job may have been changed meanwhile
      current.starting = Math.max(0, current.starting - 1);
      current.problem = problem;
      if (runId.isPresent()) {
        if (trigger.type() == TriggerType.CONTINUOUS) {
          current.continuousRun = runId;
        }
        try {
          fires.started(name, trigger.time(), runId.get());
        } catch (RuntimeException e) {
          // the run is recorded with its trigger time: the next start links it
          current.problem =
              Optional.of(
                  "job "
                      + name
                      + ": run "
                      + runId.get()
                      + " started, and"
                      + " could not be linked to its fire yet: "
                      + e.getMessage());
        }
      }
    }
  }

  /** Runs {@code action} at {@code when} (by the clock), unless the slot is re-armed first. */
  private void at(Slot slot, Instant when, Runnable action) {
    long generation = slot.generation;
    long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
    slot.pending =
        Optional.of(
            scheduler.schedule(
                () -> due(slot, generation, when, action), delay, TimeUnit.MILLISECONDS));
  }

  private synchronized void due(Slot slot, long generation, Instant when, Runnable action) {
    if (closed || slot.generation != generation || !slots.holds(slot)) {
      return;
    }
    if (clock.instant().isBefore(when)) {
      at(slot, when, action); // the timer's clock ran ahead of the wall clock: wait the rest
      return;
    }
    try {
      action.run();
    } catch (RuntimeException e) {
      // the store failed: keep the job armed, and say why it did not fire
      slot.problem = Optional.of("job " + slot.job.name() + ": " + e.getMessage());
      at(slot, clock.instant().plus(poll), () -> arm(slot));
    }
  }
}
