package io.andon.engine;

import io.andon.job.ResultState;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * How the scheduling thread starts shell attempts: the one launch path of the loop, with two
 * implementations. {@link NativeShells} starts and reaps them on a launching thread with the native
 * launcher, and starts the next one in the slot of one that ends at once; {@link WorkerShells} runs
 * each on a worker with {@link ProcessBuilder}, like any other kind of task. Called on the
 * scheduling thread only.
 */
interface ShellLauncher {
  /**
   * Whether an attempt is committed RUNNING before it starts (on a worker), rather than once the
   * launcher has started it.
   */
  boolean commitsFirst();

  /** An attempt on stand-by, taken back for a slot that a task of another kind freed. */
  Optional<Unit> takeStandby();

  /** Starts the attempt of {@code u}, begun already and in a slot counted already. */
  void start(Unit u);

  /**
   * With every slot taken, hands over the next ready shell attempts, to start in the slots of those
   * that end.
   */
  void standBy(PriorityQueue<Unit> ready);

  /** Handles an event of the launcher's own thread: false when {@code e} is not one. */
  boolean handle(LoopEvent e);

  /**
   * The run is being stopped: attempts handed over and not started end canceled, those the launcher
   * took are killed as soon as they have started.
   */
  void cancel(ResultState as, String why);

  /** Stops the launcher; what still runs is killed only when the loop failed. */
  void stop();
}
