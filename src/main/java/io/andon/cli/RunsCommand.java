package io.andon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.andon.error.InvalidInputException;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon runs list|show|logs}: the run history. */
@Command(name = "runs", description = "The run history: list, show, logs.",
    subcommands = {RunsCommand.List.class, RunsCommand.Show.class, RunsCommand.Logs.class})
public final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code andon runs list}. */
  @Command(name = "list", description = "The newest runs first.")
  static final class List implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", description = "How many runs (default 20).")
    int limit = 20;

    @Option(names = "--job-name", paramLabel = "NAME", description = "Only runs of this job.")
    String jobName;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = JobCommands.openStore(common)) {
        java.util.List<RunRecord> runs =
            new RunStore(store).list(Math.max(1, limit), Optional.ofNullable(jobName));
        if (json) {
          ArrayNode a = Json.mapper().createArrayNode();
          for (RunRecord r : runs) {
            var o = RunJson.render(r);
            o.remove("tasks");
            a.add(o);
          }
          out.println(Json.pretty(a));
        } else if (runs.isEmpty()) {
          out.println("no runs yet in " + store.home() + "; start one with `andon run FILE`.");
        } else {
          out.printf("%-7s %-24s %-22s %-20s %9s %s%n", "RUN_ID", "JOB", "RESULT", "STARTED",
              "DURATION", "REPAIRS");
          for (RunRecord r : runs) {
            String dur = r.endTime().map(e -> JobCommands.human(Duration.ofMillis(
                e - r.startTime()))).orElse("-");
            out.printf("%-7d %-24s %-22s %-20s %9s %d%n", r.runId(), r.jobName(),
                r.resultState().orElse(r.state()),
                RunJson.iso(Optional.of(r.startTime())).substring(0, 19).replace('T', ' '),
                dur, r.repairCount());
          }
        }
        out.flush();
        return 0;
      }
    }
  }

  /** {@code andon runs show RUN_ID}. */
  @Command(name = "show", description = "One run with its tasks.")
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "RUN_ID", converter = RunId.class)
    long runId;

    @Option(names = "--json", description = "Print JSON (the shape of `andon run --json`).")
    boolean json;

    @Override
    public Integer call() {
      try (Store store = JobCommands.openStore(common)) {
        JobCommands.print(spec.commandLine().getOut(), JobCommands.find(store, runId), json);
        return 0;
      }
    }
  }

  /** {@code andon runs logs RUN_ID TASK_KEY}. */
  @Command(name = "logs", description = "The output of every attempt of a task.")
  static final class Logs implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(index = "0", paramLabel = "RUN_ID", converter = RunId.class)
    long runId;

    @Parameters(index = "1", paramLabel = "TASK_KEY")
    String taskKey;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Store store = JobCommands.openStore(common)) {
        RunRecord r = JobCommands.find(store, runId);
        if (r.task(taskKey).isEmpty()) {
          throw new InvalidInputException("run " + runId + " has no task '" + taskKey + "'; its"
              + " tasks: " + String.join(", ", r.tasks().stream().map(t -> t.taskKey())
                  .toList()) + ".");
        }
        java.util.List<String> logs = new RunStore(store).attemptLogs(runId, taskKey);
        if (logs.isEmpty()) {
          out.println("task " + taskKey + " of run " + runId + " never ran ("
              + r.task(taskKey).get().resultState().orElse(r.task(taskKey).get().state()) + ").");
        }
        for (String l : logs) {
          Path p = Path.of(l);
          out.println("==> " + p.getFileName() + " <==");
          if (Files.exists(p)) {
            out.print(Files.readString(p));
          } else if (p.getParent() != null && Files.isDirectory(p.getParent())) {
            out.println("(no output)"); // an attempt that printed nothing leaves no file
          } else {
            out.println("(log file " + p + " is gone)");
          }
        }
        out.flush();
        return 0;
      }
    }
  }
}
