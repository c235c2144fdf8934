package io.andon.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.andon.error.InvalidInputException;
import io.andon.job.LifeCycleState;
import io.andon.store.AttemptRecord;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon runs logs RUN_ID TASK_KEY}: a task's output, streamed, optionally followed. */
@Command(
    name = "logs",
    description =
        "The output of every attempt of a task; -f follows a task" + " that is still running.")
final class RunsLogsCommand implements Callable<Integer> {
  /** How often a followed log is looked at again. */
  static final long FOLLOW_POLL_MS = 200;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(index = "0", paramLabel = "RUN_ID", converter = RunId.class)
  long runId;

  @Parameters(index = "1", paramLabel = "TASK_KEY")
  String taskKey;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing what the task writes until it ends.")
  boolean follow;

  @Option(names = "--attempt", paramLabel = "N", description = "Only attempt N (1 is the first).")
  Integer attempt;

  @Option(names = "--json", description = "Print the attempts as JSON, each with its output.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (follow && json) {
      throw new InvalidInputException(
          "-f follows text as it is written; --json prints attempts"
              + " that have ended. Use one of them.");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (Store store =
        JobCommands.readStore(common).orElseThrow(() -> JobCommands.noHistory(common, runId))) {
      RunStore runs = new RunStore(store);
      RunHistory history = new RunHistory(store);
      RunRecord r = JobCommands.find(store, runId);
      TaskRecord task =
          r.task(taskKey)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "run "
                              + runId
                              + " has no task '"
                              + taskKey
                              + "'."
                              + io.andon.util.Strings.didYouMean(
                                  taskKey, r.tasks().stream().map(TaskRecord::taskKey).toList())
                              + " Its tasks: "
                              + String.join(
                                  ", ", r.tasks().stream().map(TaskRecord::taskKey).toList())
                              + "."));
      List<AttemptRecord> attempts = chosen(history.attempts(runId, taskKey));
      if (json) {
        json(out, attempts);
        return 0;
      }
      if (attempts.isEmpty() && !follow) {
        out.println(
            "task "
                + taskKey
                + " of run "
                + runId
                + " "
                + (attempt == null
                    ? "never ran (" + task.resultState().orElse(task.state()) + ")."
                    : "has no attempt " + attempt + "."));
      }
      Map<Path, LogTail> tails = new LinkedHashMap<>();
      try {
        print(out, attempts, tails);
        while (follow && !ended(store, runs)) {
          Thread.sleep(FOLLOW_POLL_MS);
          print(out, chosen(history.attempts(runId, taskKey)), tails);
        }
        if (follow) {
          print(out, chosen(history.attempts(runId, taskKey)), tails);
        }
        for (LogTail t : tails.values()) {
          t.finish(out);
        }
      } finally {
        for (LogTail t : tails.values()) {
          t.close();
        }
      }
      out.flush();
      return 0;
    }
  }

  private List<AttemptRecord> chosen(List<AttemptRecord> all) {
    return attempt == null ? all : all.stream().filter(a -> a.attempt() == attempt).toList();
  }

  /** Whether the task (or its whole run) has reached a final state. */
  private boolean ended(Store store, RunStore runs) {
    RunRecord r = runs.find(runId).orElseThrow();
    if (LifeCycleState.valueOf(r.state()).isFinal()) {
      return true;
    }
    return r.task(taskKey).map(t -> LifeCycleState.valueOf(t.state()).isFinal()).orElse(false);
  }

  /** Prints what is new in each attempt's log, with a header the first time. */
  private static void print(PrintWriter out, List<AttemptRecord> attempts, Map<Path, LogTail> tails)
      throws IOException {
    for (AttemptRecord a : attempts) {
      if (a.logPath().isEmpty()) {
        continue;
      }
      Path p = Path.of(a.logPath().get());
      LogTail tail = tails.get(p);
      if (tail == null) {
        for (LogTail earlier : tails.values()) {
          earlier.finish(out);
        }
        out.println("==> " + p.getFileName() + " <==");
        tail = new LogTail(p);
        tails.put(p, tail);
        if (!Files.exists(p) && a.endTime().isPresent()) {
          out.println(
              p.getParent() != null && Files.isDirectory(p.getParent())
                  ? "(no output)" // an attempt that printed nothing leaves no file
                  : "(log file " + p + " is gone)");
        }
      }
      tail.copyNew(out);
    }
    out.flush();
  }

  private void json(PrintWriter out, List<AttemptRecord> attempts) throws IOException {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (AttemptRecord a : attempts) {
        g.writeStartObject();
        g.writeNumberField("run_id", runId);
        g.writeStringField("task_key", a.taskKey());
        if (a.iteration() >= 0) {
          g.writeNumberField("iteration", a.iteration());
        }
        g.writeNumberField("attempt", a.attempt());
        g.writeNumberField("repair_id", a.repairId());
        g.writeStringField("start_time", RunJson.iso(java.util.Optional.of(a.startTime())));
        g.writeStringField("end_time", RunJson.iso(a.endTime()));
        if (a.exitCode().isPresent()) {
          g.writeNumberField("exit_code", a.exitCode().get());
        } else {
          g.writeNullField("exit_code");
        }
        g.writeStringField("result_state", a.resultState().orElse(null));
        g.writeStringField("log_path", a.logPath().orElse(null));
        g.writeFieldName("output");
        Path p = a.logPath().map(Path::of).orElse(null);
        if (p != null && Files.isRegularFile(p)) {
          // streamed: a log of any size costs a buffer, not its size
          try (Reader in = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
            g.writeString(in, -1);
          }
        } else {
          g.writeString("");
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    out.println();
    out.flush();
  }
}
