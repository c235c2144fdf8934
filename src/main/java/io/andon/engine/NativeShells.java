package io.andon.engine;

import io.andon.job.ResultState;
import io.andon.job.ShellTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Shell attempts started and reaped by a {@link Launcher} thread with the native launcher. The
 * scheduling thread prepares each attempt (its references read other tasks' state) and hands it
 * over, to start at once or, with every slot taken, on stand-by in the slot of the next shell
 * attempt that ends; it hears of each start and end afterwards, through the loop's events.
 */
final class NativeShells implements ShellLauncher {
  private final LoopActions loop;
  private final AttemptEnv env;
  private final Launcher launcher;
  private final int maxParallel;

  /** Shell attempts handed to the launcher whose start it has not reported yet. */
  private final Set<Unit> handedOver = new HashSet<>();

  private NativeShells(
      LoopActions loop,
      AttemptEnv env,
      NativeSpawn.Reaper reaper,
      Consumer<LoopEvent> post,
      String name,
      int maxParallel) {
    this.loop = loop;
    this.env = env;
    this.maxParallel = maxParallel;
    this.launcher =
        new Launcher(
            env,
            loop::now,
            reaper,
            new Launcher.Sink() {
              @Override
              public void started(Unit u, long startMillis, String error) {
                post.accept(new LoopEvent.ShellStarted(u, startMillis, error));
              }

              @Override
              public void exited(
                  Unit u, Integer exit, long endMillis, Unit next, String nextError) {
                post.accept(new LoopEvent.ShellExited(u, exit, endMillis, next, nextError));
              }

              @Override
              public void failed(Throwable t) {
                post.accept(new LoopEvent.LauncherFailed(t));
              }
            },
            name,
            maxParallel);
  }

  /** Native shells for a run, where the native launcher was built. */
  static Optional<ShellLauncher> open(
      LoopActions loop, AttemptEnv env, Consumer<LoopEvent> post, String name, int maxParallel) {
    return NativeSpawn.reaper().map(r -> new NativeShells(loop, env, r, post, name, maxParallel));
  }

  @Override
  public boolean commitsFirst() {
    return false;
  }

  @Override
  public Optional<Unit> takeStandby() {
    return Optional.ofNullable(launcher.takeStandby()).map(Launcher.Start::unit);
  }

  @Override
  public void start(Unit u) {
    Launcher.Start st =
        u.preparedShell().isPresent()
            ? new Launcher.Start(u, u.preparedShell().get())
            : prepare(u, (ShellTask) u.spec().payload(), true);
    if (st != null) {
      handedOver.add(u);
      launcher.startNow(st);
    }
  }

  /**
   * How many shell attempts stand by: enough for every slot to start a few while the launcher holds
   * its reports ({@link Launcher#HOLD_MILLIS}).
   */
  private static int standbyDepth(int maxParallel) {
    return Math.min(Math.max(2 * maxParallel, 16), 256);
  }

  @Override
  public void standBy(PriorityQueue<Unit> ready) {
    if (loop.stopping().isPresent()) {
      return;
    }
    while (loop.running() >= maxParallel
        && launcher.standing() < standbyDepth(maxParallel)
        && !ready.isEmpty()) {
      Unit u = ready.peek();
      if (!u.finished() && !(u.spec().payload() instanceof ShellTask)) {
        return; // keeps the order: a task of another kind goes first, in a slot of its own
      }
      ready.poll();
      if (u.finished()) {
        continue;
      }
      loop.beginAttempt(u);
      Launcher.Start st = prepare(u, (ShellTask) u.spec().payload(), false);
      if (st != null) {
        handedOver.add(u);
        launcher.standBy(st);
      }
    }
  }

  /**
   * Prepares a shell attempt on this thread: the start to hand to the launcher, or null when the
   * attempt failed before it could start, which has then been ended.
   */
  private Launcher.Start prepare(Unit u, ShellTask s, boolean slotCounted) {
    AttemptResult failed;
    try {
      ShellAttempts.Prepared p = ShellAttempts.prepare(env, env.view(u), s, loop.resolver(u));
      if (p instanceof ShellAttempts.ShellStart st) {
        u.shellPrepared(st);
        return new Launcher.Start(u, st);
      }
      failed = ((ShellAttempts.Failed) p).result();
    } catch (java.io.IOException | RuntimeException e) {
      failed = AttemptResult.of(ResultState.FAILED, "andon could not run the task: " + e);
    }
    if (!slotCounted) {
      loop.slots(1);
    }
    loop.attemptRunning(u, loop.now());
    loop.attemptDone(u, failed, loop.now());
    return null;
  }

  @Override
  public boolean handle(LoopEvent e) {
    if (e instanceof LoopEvent.ShellStarted st) {
      started(st.unit(), st.startTime(), st.error());
    } else if (e instanceof LoopEvent.ShellExited x) {
      ended(x.unit(), x.exit(), x.endTime());
      if (x.next() != null) {
        loop.slots(1); // the slot it ended in
        started(x.next(), x.endTime(), x.nextError());
      }
    } else if (e instanceof LoopEvent.LauncherFailed f) {
      throw new IllegalStateException(
          "andon's task launching thread failed: " + f.error(), f.error());
    } else {
      return false;
    }
    return true;
  }

  /**
   * A shell attempt the launcher took has started (or could not), in a slot counted already: it is
   * RUNNING from then (a cancel that came meanwhile has had it killed).
   */
  private void started(Unit u, long startTime, String error) {
    handedOver.remove(u);
    loop.attemptRunning(u, startTime);
    if (error != null) {
      loop.attemptDone(u, AttemptResult.of(ResultState.FAILED, error), startTime);
    }
  }

  /** The end of a shell attempt the launcher reaped. */
  private void ended(Unit u, Integer exit, long endTime) {
    AttemptResult r;
    try {
      r = ShellAttempts.finish(u.preparedShell().orElseThrow(), exit);
    } catch (RuntimeException e) {
      r = AttemptResult.of(ResultState.FAILED, "andon could not run the task: " + e);
    }
    u.shellEnded();
    loop.attemptDone(u, r, endTime);
  }

  @Override
  public void cancel(ResultState as, String why) {
    List<Launcher.Start> fromNow = new ArrayList<>();
    for (Launcher.Start s : launcher.withdraw(fromNow)) {
      withdrawn(s.unit(), why);
    }
    for (Launcher.Start s : fromNow) {
      loop.slots(-1);
      withdrawn(s.unit(), why);
    }
    for (Unit u : handedOver) { // taken by the launcher: killed as soon as it has started
      u.live().requestKill(as);
    }
  }

  /** A prepared attempt of {@code u} that never started: the task ends canceled. */
  private void withdrawn(Unit u, String why) {
    handedOver.remove(u);
    u.withdrawAttempt();
    loop.end(u, io.andon.job.LifeCycleState.TERMINATED, ResultState.CANCELED, why);
  }

  @Override
  public void stop() {
    launcher.stop();
  }
}
