package io.andon.engine;

import io.andon.job.Dag;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.job.ShellTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scheduling of one run (or one repair of it). A single thread owns every {@link Unit}; the
 * shell launcher and workers run attempts and report back through an event queue. Each turn of the
 * loop decides what can start, commits the state changes of the last 10 ms in one transaction
 * ({@link RunJournal}; at once before a worker starts a task), launches, and applies the next
 * events.
 */
final class RunLoop implements LoopActions {
  /**
   * How long state changes may wait to be committed together, at most. A task of a kind that runs
   * on a worker is committed RUNNING before it starts; a shell task the native launcher starts
   * starts first, in the slot of the one before, and is committed with it.
   */
  private static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final RunFacts facts;
  private final RunServices services;
  private final Listeners listeners;
  private final Unit[] units;
  private final Dag dag;
  private final Upstreams upstreams;

  /** The finished top-level tasks, as attempts read them. */
  private final TaskViews views;

  private final RunJournal journal;
  private final ForEachTasks forEach;
  private final Decisions decisions;
  private final BlockingQueue<LoopEvent> events = new LinkedBlockingQueue<>();
  private final PriorityQueue<Unit> ready =
      new PriorityQueue<>(Comparator.comparingInt(Unit::index).thenComparingInt(Unit::iteration));
  private final List<Unit> launches = new ArrayList<>();
  private final Path logDir;
  private AttemptEnv attemptEnv;
  private WorkerAttempts workers;
  private ShellLauncher shells;

  /** When the last commit was made (System.nanoTime). */
  private long lastFlush;

  private int unfinished;
  private int running;
  private Optional<LoopEvent.Cancel> stopping = Optional.empty();
  private Optional<Timers.Timer> jobTimeout = Optional.empty();

  RunLoop(RunFacts facts, Unit[] units, RunServices services) {
    this.facts = facts;
    this.services = services;
    this.units = units;
    this.listeners = new Listeners(services.listeners(), facts.info());
    this.dag = facts.job().dag();
    this.upstreams = new Upstreams(dag, units);
    this.views = new TaskViews(dag);
    this.logDir = AttemptLogs.runLogDir(facts.home(), facts.runId());
    this.journal =
        new RunJournal(
            services.store(),
            services.runs(),
            facts.runId(),
            facts.repairId(),
            () -> post(new LoopEvent.FlushDue()));
    this.forEach = new ForEachTasks(this, facts.repairId());
    this.decisions = new Decisions(this, units, dag, forEach);
  }

  /** Queues {@code e} for the scheduling thread and wakes it: from any thread. */
  private void post(LoopEvent e) {
    events.add(e);
  }

  /** Asks the loop to stop: from any thread. */
  void cancel(ResultState as, String why) {
    post(new LoopEvent.Cancel(as, why));
  }

  /** Runs the loop on this thread, the scheduling thread, until every task has ended. */
  Executor.Outcome execute() {
    boolean newLogDir = AttemptLogs.createRunLogDir(facts.home(), logDir);
    attemptEnv =
        new AttemptEnv(
            facts,
            services.store(),
            services.timers(),
            services.runners(),
            services.children(),
            journal::processStarted,
            newLogDir);
    workers = new WorkerAttempts(attemptEnv, this::post, this::now);
    shells =
        NativeShells.open(
                this,
                attemptEnv,
                this::post,
                "andon-launch-" + THREADS.incrementAndGet(),
                services.maxParallel())
            .orElseGet(() -> new WorkerShells(this::onWorker));
    try {
      return loop();
    } finally {
      shells.stop(); // kills what still runs only when the loop failed
      workers.stop();
      jobTimeout.ifPresent(Timers.Timer::cancel);
    }
  }

  private Executor.Outcome loop() {
    for (Unit u : units) {
      if (!u.finished()) {
        unfinished++;
        journal.markDirty(u);
      } else {
        views.publish(u.index(), u.result().orElseThrow(), u.values());
      }
    }
    journal.flush(); // tasks PENDING before anything runs
    listeners.runStarted();
    long timeout = facts.job().timeoutSeconds();
    if (timeout > 0) {
      jobTimeout =
          Optional.of(
              services
                  .timers()
                  .schedule(
                      facts.startTime() + timeout * 1000 - now(),
                      () ->
                          cancel(
                              ResultState.TIMEDOUT,
                              "the job exceeded its timeout of " + timeout + " s")));
    }
    for (int i = 0; i < units.length; i++) {
      if (!units[i].finished() && upstreams.free(i)) {
        decisions.decide(units[i]);
      }
    }
    lastFlush = System.nanoTime();
    while (unfinished > 0) {
      turn();
    }
    return finish();
  }

  /**
   * One turn of the loop: start what can start, commit when due, then apply the next events. A
   * method of its own so that the JIT compiles it early (a loop runs interpreted until it has
   * turned tens of thousands of times).
   */
  private void turn() {
    dispatch();
    long sinceFlush = System.nanoTime() - lastFlush;
    if (sinceFlush >= COMMIT_NANOS || startsOnWorker()) {
      journal.flush();
      lastFlush = System.nanoTime();
      sinceFlush = 0;
    }
    launch();
    shells.standBy(ready);
    if (unfinished == 0) {
      return;
    }
    LoopEvent e = events.poll();
    if (e == null) {
      try {
        e =
            journal.pending()
                ? events.poll(COMMIT_NANOS - sinceFlush, TimeUnit.NANOSECONDS)
                : events.take();
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        e = new LoopEvent.Cancel(ResultState.CANCELED, "the run was interrupted");
      }
      if (e == null) {
        return; // time to commit
      }
    }
    handle(e);
    LoopEvent more;
    while ((more = events.poll()) != null) {
      handle(more);
    }
  }

  // ---------------------------------------------------------------- launching

  private void dispatch() {
    int max = services.maxParallel();
    while (running < max) {
      Optional<Unit> taken = shells.takeStandby();
      if (taken.isPresent()) { // prepared already, for a slot another kind of task freed
        running++;
        launches.add(taken.get());
        continue;
      }
      if (ready.isEmpty()) {
        return;
      }
      Unit u = ready.poll();
      if (u.finished()) {
        continue;
      }
      running++;
      beginAttempt(u);
      if (commitsFirst(u)) {
        running(u, now()); // committed before it starts; a native shell attempt once started
      }
      launches.add(u);
    }
  }

  private boolean commitsFirst(Unit u) {
    return !(u.spec().payload() instanceof ShellTask) || shells.commitsFirst();
  }

  /** Does an attempt about to be launched start on a worker (after its commit)? */
  private boolean startsOnWorker() {
    for (Unit u : launches) {
      if (commitsFirst(u)) {
        return true;
      }
    }
    return false;
  }

  private void launch() {
    for (Unit u : launches) {
      if (u.spec().payload() instanceof ShellTask) {
        shells.start(u);
      } else {
        onWorker(u);
      }
    }
    launches.clear();
  }

  /** Runs the attempt of {@code u}, committed RUNNING already, on a worker. */
  private void onWorker(Unit u) {
    started(u);
    TaskViews.Snapshot seen = views.snapshot(); // what the attempt reads of the tasks finished now
    workers.start(u, seen, new Resolver(facts, seen, u));
  }

  @Override
  public void beginAttempt(Unit u) {
    u.beginAttempt(logDir);
  }

  /** The attempt of {@code u} runs since {@code start}: written by the next flush. */
  private void running(Unit u, long start) {
    u.running(start);
    journal.markDirty(u);
    journal.attemptStarted(u, start);
  }

  /** Tells the listeners that the attempt of {@code u} started. */
  private void started(Unit u) {
    listeners.taskStarted(u.label(), u.attempts());
  }

  // ---------------------------------------------------------------- events

  private void handle(LoopEvent e) {
    if (e instanceof LoopEvent.Done d) {
      attemptDone(d.unit(), d.result(), d.endTime());
    } else if (e instanceof LoopEvent.RetryDue r) {
      if (r.unit().finished()) {
        return;
      }
      if (stopping.isPresent()) {
        end(r.unit(), LifeCycleState.TERMINATED, ResultState.CANCELED, stopping.get().why());
      } else {
        ready.add(r.unit());
      }
    } else if (e instanceof LoopEvent.Cancel c && stopping.isEmpty()) {
      stopping = Optional.of(c);
      shells.cancel(c.as(), c.why());
      Cancellation.cancel(units, ready, c, this);
    } else if (e instanceof LoopEvent.Cancel) {
      return; // stopping already
    } else if (e instanceof LoopEvent.FlushDue) {
      journal.pidsDue();
    } else if (!shells.handle(e)) {
      throw new IllegalStateException("no handler for " + e);
    }
  }

  @Override
  public void attemptDone(Unit u, AttemptResult r, long endTime) {
    running--;
    journal.attemptEnded(u, u.attemptStart(), endTime, r);
    boolean retryable =
        (r.result() == ResultState.FAILED
                || r.result() == ResultState.TIMEDOUT && u.spec().retryOnTimeout())
            && stopping.isEmpty()
            && u.spec().mayRetryAfter(u.attemptsThisRepair());
    listeners.taskFinished(u.label(), r.result().name(), u.attempts(), retryable, r.message());
    if (retryable) {
      u.waitForRetry(r.message());
      journal.markDirty(u);
      services.timers().schedule(u.retryAt() - now(), () -> post(new LoopEvent.RetryDue(u)));
      return;
    }
    u.publishedByAttempt(r.values());
    ResultState res = r.result();
    if (stopping.isPresent() && res == ResultState.FAILED && u.live().killRequested()) {
      res = u.live().killedAs();
    }
    end(u, LifeCycleState.TERMINATED, res, r.message());
  }

  // ---------------------------------------------------------------- endings

  @Override
  public void end(Unit u, LifeCycleState state, ResultState result, String message) {
    u.end(state, result, message, now());
    journal.markDirty(u);
    if (u.parent().isPresent()) {
      forEach.iterationEnded(u);
      return;
    }
    unfinished--;
    views.publish(u.index(), result, u.values());
    for (int d : upstreams.ended(u.index())) {
      if (!units[d].finished()) {
        decisions.decide(units[d]);
      }
    }
  }

  private Executor.Outcome finish() {
    RunEnd.Ending ending = RunEnd.of(units, dag, stopping);
    long end = now();
    journal.flushAll();
    return RunEnd.commit(facts, services, units, ending, end, listeners);
  }

  // ---------------------------------------------------------------- for the loop's parts

  @Override
  public long now() {
    return services.timers().clock().millis();
  }

  @Override
  public int running() {
    return running;
  }

  @Override
  public void slots(int delta) {
    running += delta;
  }

  @Override
  public void attemptRunning(Unit u, long start) {
    running(u, start);
    started(u);
  }

  @Override
  public void ready(Unit u) {
    ready.add(u);
  }

  @Override
  public Resolver resolver(Unit u) {
    return new Resolver(facts, views.snapshot(), u);
  }

  @Override
  public void markDirty(Unit u) {
    journal.markDirty(u);
  }

  @Override
  public Optional<LoopEvent.Cancel> stopping() {
    return stopping;
  }
}
