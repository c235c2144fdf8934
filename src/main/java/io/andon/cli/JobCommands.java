package io.andon.cli;

import io.andon.alert.NotificationListener;
import io.andon.engine.Executor;
import io.andon.engine.Recovery;
import io.andon.engine.RunListener;
import io.andon.error.InvalidInputException;
import io.andon.job.JobSpec;
import io.andon.job.ResultState;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the job commands share: opening the store, running with signals, printing results. */
final class JobCommands {
  private JobCommands() {}

  /** Opens the store and closes runs that a crashed andon left open. */
  static Store openStore(CommonOptions common) {
    Store store = Store.open(common.home());
    Recovery.recover(store);
    return store;
  }

  /** Exit code for a run's result: see docs/jobs.md. */
  static int exitCode(ResultState r) {
    return switch (r) {
      case SUCCESS, SUCCESS_WITH_FAILURES -> 0;
      case CANCELED, UPSTREAM_CANCELED -> 130;
      default -> 1;
    };
  }

  static int maxParallel(Integer flag) {
    int n = flag == null ? Runtime.getRuntime().availableProcessors() : flag;
    if (n < 1) {
      throw new InvalidInputException("--max-parallel must be at least 1, not " + n + ".");
    }
    return n;
  }

  /** The listeners of one run: progress, and the job's notifications when it has any. */
  record Listeners(List<RunListener> all, NotificationListener notifier) {
    /** Tries delivery before andon exits; what still fails stays in the outbox. */
    void finish() {
      if (notifier != null) {
        notifier.finish(Duration.ofSeconds(10));
      }
    }
  }

  /** Listeners for a run: progress on {@code progressOut}, notifications of {@code job}. */
  static Listeners listeners(PrintWriter progressOut, int tasks, JobSpec job, Store store) {
    List<RunListener> out = new ArrayList<>();
    out.add(new Progress(progressOut, System.console() != null, tasks));
    NotificationListener notifier = job == null ? null : NotificationListener.forJob(job, store);
    if (notifier != null) {
      out.add(notifier);
    }
    return new Listeners(out, notifier);
  }

  /** Runs {@code work} with Ctrl-C and SIGTERM cancelling the executor; a second Ctrl-C exits. */
  static Executor.Outcome withSignals(Executor ex, java.util.function.Supplier<Executor.Outcome> work) {
    int[] count = new int[1];
    Runnable handler = () -> {
      if (++count[0] > 1) {
        System.err.println("\nandon: second interrupt, stopping now");
        Runtime.getRuntime().halt(130);
      }
      System.err.println("\nandon: canceling the run (interrupt again to stop at once)...");
      ex.cancel();
    };
    Signals signals = Signals.install(handler, "INT", "TERM");
    try {
      return work.get();
    } finally {
      signals.close();
    }
  }

  /** Prints the run as a table people can read, or as JSON. */
  static void print(PrintWriter out, RunRecord r, boolean json) {
    if (json) {
      out.println(Json.pretty(RunJson.render(r)));
      out.flush();
      return;
    }
    out.println();
    out.printf("run %d  job %s  %s%s%s%n", r.runId(), r.jobName(),
        r.resultState().orElse(r.state()),
        r.repairCount() > 0 ? "  (repairs: " + r.repairCount() + ")" : "",
        io.andon.job.BundleSettings.fromJson(r.bundle()).target().map(t -> "  target " + t)
            .orElse(""));
    int w = 8;
    for (TaskRecord t : r.tasks()) {
      w = Math.max(w, t.taskKey().length());
    }
    // one buffer for the table: a formatted, flushed line per task costs seconds at 10,000 tasks
    StringBuilder table = new StringBuilder(128 * (r.tasks().size() + 1));
    row(table, w, "TASK", "RESULT", "ATTEMPTS", "DURATION", "DETAIL");
    for (TaskRecord t : r.tasks()) {
      String dur = t.startTime().isPresent() && t.endTime().isPresent()
          ? human(Duration.ofMillis(t.endTime().get() - t.startTime().get())) : "-";
      StringBuilder detail = new StringBuilder(t.message().orElse(""));
      if (!t.values().isEmpty() && !"EXCLUDED".equals(t.resultState().orElse(""))) {
        if (detail.length() > 0) {
          detail.append("; ");
        }
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> shown =
            new java.util.LinkedHashMap<>(t.values());
        shown.remove("report");
        detail.append("values ").append(Json.write(shown));
      }
      String d = detail.toString();
      if (d.length() > 100) {
        d = d.substring(0, 97) + "...";
      }
      row(table, w, t.taskKey(), t.resultState().orElse(t.state()),
          Integer.toString(t.attempts()), dur, d);
    }
    out.print(table);
    r.message().filter(m -> !m.isEmpty()).ifPresent(m -> out.println("  " + m));
    for (TaskRecord t : r.tasks()) {
      com.fasterxml.jackson.databind.JsonNode report = t.values().get("report");
      if (report != null && report.isTextual()) {
        out.println();
        out.print(report.asText().endsWith("\n") ? report.asText() : report.asText() + "\n");
      }
    }
    out.flush();
  }

  /** {@code "  %-Ws  %-22s %8s %9s  %s%n"}, without a Formatter. */
  private static void row(StringBuilder b, int w, String key, String result, String attempts,
      String duration, String detail) {
    b.append("  ");
    pad(b, key, w, false);
    b.append("  ");
    pad(b, result, 22, false);
    b.append(' ');
    pad(b, attempts, 8, true);
    b.append(' ');
    pad(b, duration, 9, true);
    b.append("  ").append(detail).append(System.lineSeparator());
  }

  private static void pad(StringBuilder b, String s, int width, boolean right) {
    if (right) {
      b.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
    } else {
      b.append(s).append(" ".repeat(Math.max(0, width - s.length())));
    }
  }

  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    if (ms < 60_000) {
      return String.format("%.1fs", ms / 1000.0);
    }
    return (ms / 60_000) + "m" + (ms % 60_000) / 1000 + "s";
  }

  static RunRecord find(Store store, long runId) {
    return find(store, runId, Optional.empty());
  }

  /** The run, with {@code tasks} when the run that just ended knows them. */
  static RunRecord find(Store store, long runId,
      Optional<java.util.List<io.andon.store.TaskRecord>> tasks) {
    Optional<RunRecord> r = tasks.isPresent() ? new RunStore(store).find(runId, tasks.get())
        : new RunStore(store).find(runId);
    return r.orElseThrow(() -> new InvalidInputException("there is no run " + runId + " in "
        + store.home() + "; `andon runs list` shows the runs."));
  }
}
