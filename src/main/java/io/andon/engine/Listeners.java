package io.andon.engine;

import java.util.List;

/**
 * The {@link RunListener}s of one run, told of its events on the scheduling thread; a listener that
 * throws is reported on stderr and the run goes on.
 */
final class Listeners {
  private final List<RunListener> all;
  private final RunListener.RunInfo run;

  Listeners(List<RunListener> all, RunListener.RunInfo run) {
    this.all = List.copyOf(all);
    this.run = run;
  }

  void runStarted() {
    all.forEach(l -> safe(() -> l.runStarted(run)));
  }

  void taskStarted(String label, int attempt) {
    all.forEach(l -> safe(() -> l.taskStarted(run, label, attempt)));
  }

  void taskFinished(String label, String result, int attempt, boolean willRetry, String message) {
    all.forEach(l -> safe(() -> l.taskFinished(run, label, result, attempt, willRetry, message)));
  }

  void runFinished(String result, String message) {
    all.forEach(l -> safe(() -> l.runFinished(run, result, message)));
  }

  private static void safe(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      System.err.println("andon: a run listener failed: " + e);
    }
  }
}
