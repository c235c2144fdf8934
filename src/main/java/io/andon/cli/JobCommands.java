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

  /**
   * Opens the history for a command that only reads it: empty when there is none at the home yet
   * (nothing is created); runs a crashed andon left open are closed when the home is writable.
   */
  static Optional<Store> readStore(CommonOptions common) {
    Optional<Store> store = Store.openForReading(common.home());
    store.filter(Store::writable).ifPresent(Recovery::recover);
    return store;
  }

  /** The error for a run asked of a home that has no history yet. */
  static InvalidInputException noHistory(CommonOptions common, long runId) {
    Home home = common.located();
    return new InvalidInputException(
        "there is no run "
            + runId
            + ": there is no run history at "
            + home.path()
            + " ("
            + home.why()
            + ") yet. Pass --home DIR for another history;"
            + " `andon run FILE` starts one.");
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

  /** The listeners of one run: progress, the run's watch, and the job's notifications. */
  record Listeners(List<RunListener> all, RunWatch watch, NotificationListener notifier) {
    /** Tries delivery before andon exits; what still fails stays in the outbox. */
    void finish() {
      watch.stop();
      if (notifier != null) {
        notifier.finish(Duration.ofSeconds(10));
      }
    }

    /** An executor made with these listeners, that a cancel request reaches. */
    Executor executor(Store store, int parallel) {
      Executor ex = new Executor(store, Executor.Options.defaults().withMaxParallel(parallel), all);
      watch.attach(ex);
      return ex;
    }
  }

  /** Listeners for a run: progress on {@code progressOut}, notifications of {@code job}. */
  static Listeners listeners(PrintWriter progressOut, int tasks, JobSpec job, Store store) {
    List<RunListener> out = new ArrayList<>();
    out.add(new Progress(progressOut, System.console() != null, tasks));
    RunWatch watch =
        new RunWatch(new io.andon.store.RunHistory(store), job.tags(), System.currentTimeMillis());
    out.add(watch);
    NotificationListener notifier = NotificationListener.forJob(job, store);
    if (notifier != null) {
      out.add(notifier);
    }
    return new Listeners(out, watch, notifier);
  }

  /** Runs {@code work} with Ctrl-C and SIGTERM cancelling the executor; a second Ctrl-C exits. */
  static Executor.Outcome withSignals(
      Executor ex, java.util.function.Supplier<Executor.Outcome> work) {
    int[] count = new int[1];
    Runnable handler =
        () -> {
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
  static void print(PrintWriter out, Store store, RunRecord r, boolean json) {
    io.andon.store.RunHistory history = new io.andon.store.RunHistory(store);
    if (json) {
      out.println(Json.pretty(RunJson.render(r, history)));
      out.flush();
      return;
    }
    out.println();
    java.util.List<io.andon.store.RepairRecord> repairs =
        r.repairCount() > 0 ? history.repairs(r.runId()) : java.util.List.of();
    Durations took = Durations.of(r, repairs);
    out.printf(
        "run %d  job %s  %s%s%s%s%n",
        r.runId(),
        r.jobName(),
        r.resultState().orElse(r.state()),
        r.repairCount() > 0 ? "  (" + Durations.repairs(r.repairCount()) + ")" : "",
        io.andon.job.BundleSettings.fromJson(r.bundle())
            .target()
            .map(t -> "  target " + t)
            .orElse(""),
        took.total().map(t -> "  took " + human(t)).orElse(""));
    if (r.trigger().type() != io.andon.job.TriggerType.ONE_TIME) {
      out.println(
          "  started by "
              + r.trigger().type()
              + " at "
              + RunJson.iso(Optional.of(r.trigger().time().toEpochMilli()))
              + r.trigger().fileArrivalLocation().map(l -> " for " + l).orElse(""));
    }
    if (!repairs.isEmpty()) {
      StringBuilder parts =
          new StringBuilder("  first attempt ")
              .append(took.firstAttempt().map(JobCommands::human).orElse("?"));
      for (int i = 0; i < repairs.size(); i++) {
        parts
            .append(", repair ")
            .append(repairs.get(i).repairId())
            .append(' ')
            .append(took.repairs().get(i).map(JobCommands::human).orElse("running"))
            .append(" (")
            .append(String.join(" ", repairs.get(i).rerunTasks()))
            .append(')');
      }
      out.println(parts);
    }
    java.util.Map<String, String> tags = history.tags(r.runId());
    if (!tags.isEmpty()) {
      out.println(
          "  tags "
              + String.join(
                  ", ",
                  tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }
    int w = 8;
    for (TaskRecord t : r.tasks()) {
      w = Math.max(w, t.taskKey().length());
    }
    // one buffer for the table: a formatted, flushed line per task costs seconds at 10,000 tasks
    StringBuilder table = new StringBuilder(128 * (r.tasks().size() + 1));
    row(table, w, "TASK", "RESULT", "ATTEMPTS", "DURATION", "DETAIL");
    for (TaskRecord t : r.tasks()) {
      String dur =
          t.startTime().isPresent() && t.endTime().isPresent()
              ? human(Duration.ofMillis(t.endTime().get() - t.startTime().get()))
              : "-";
      StringBuilder detail = new StringBuilder(t.message().orElse(""));
      if (!t.values().isEmpty() && !"EXCLUDED".equals(t.resultState().orElse(""))) {
        if (detail.length() > 0) {
          detail.append("; ");
        }
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> shown =
            new java.util.LinkedHashMap<>(t.values());
        shown.remove("report");
        detail.append("values ").append(readable(shown));
      }
      String d = cut(detail.toString(), 100);
      row(
          table,
          w,
          t.taskKey(),
          t.resultState().orElse(t.state()),
          Integer.toString(t.attempts()),
          dur,
          d);
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

  /** Task values for the table: numbers with four significant digits (the JSON has them all). */
  static String readable(java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> values) {
    StringBuilder b = new StringBuilder("{");
    for (var e : values.entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append(Json.write(e.getKey())).append(':');
      com.fasterxml.jackson.databind.JsonNode v = e.getValue();
      b.append(
          v.isFloatingPointNumber() ? io.andon.gate.Numbers.shown(v.asDouble()) : Json.write(v));
    }
    return b.append('}').toString();
  }

  /**
   * {@code text} cut to at most {@code max} characters with "...", at the end of a value (a comma
   * or a space), never in the middle of a number or a word.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 3;
    int at = Math.max(text.lastIndexOf(',', end - 1), text.lastIndexOf(' ', end - 1));
    return (at > max / 2 ? text.substring(0, at + 1) : text.substring(0, end)) + "...";
  }

  /** {@code " %-Ws %-22s %8s %9s %s%n"}, without a Formatter. */
  private static void row(
      StringBuilder b,
      int w,
      String key,
      String result,
      String attempts,
      String duration,
      String detail) {
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
  static RunRecord find(
      Store store, long runId, Optional<java.util.List<io.andon.store.TaskRecord>> tasks) {
    RunStore runs = new RunStore(store);
    Optional<RunRecord> r = tasks.isPresent() ? runs.find(runId, tasks.get()) : runs.find(runId);
    return r.orElseThrow(() -> runs.noSuchRun(runId));
  }
}
