package io.andon.engine;

import io.andon.job.ResultState;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * Shell attempts on workers, started with {@link ProcessBuilder}: where the native launcher is not
 * available. Each is committed RUNNING before it starts, like any other kind of task.
 */
final class WorkerShells implements ShellLauncher {
  private final Consumer<Unit> onWorker;

  /**
   * @param onWorker runs an attempt on a worker, as the loop does for every other kind
   */
  WorkerShells(Consumer<Unit> onWorker) {
    this.onWorker = onWorker;
  }

  @Override
  public boolean commitsFirst() {
    return true;
  }

  @Override
  public Optional<Unit> takeStandby() {
    return Optional.empty();
  }

  @Override
  public void start(Unit u) {
    onWorker.accept(u);
  }

  @Override
  public void standBy(PriorityQueue<Unit> ready) {
    // nothing stands by: a worker starts when a slot is free
  }

  @Override
  public boolean handle(LoopEvent e) {
    return false;
  }

  @Override
  public void cancel(ResultState as, String why) {
    // attempts on workers are killed with every other running unit
  }

  @Override
  public void stop() {
    // the loop stops its workers
  }
}
