package io.andon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon runs list|show|logs}: the run history. */
@Command(
    name = "runs",
    description = "The run history: list, show, logs, cancel.",
    subcommands = {
      RunsCommand.List.class,
      RunsCommand.Show.class,
      RunsLogsCommand.class,
      RunsCancelCommand.class
    })
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
      Home home = common.located();
      Optional<Store> opened = JobCommands.readStore(common);
      try (Store store = opened.orElse(null)) {
        java.util.List<RunRecord> runs =
            store == null
                ? java.util.List.of()
                : new RunStore(store).list(Math.max(1, limit), Optional.ofNullable(jobName));
        if (json) {
          ArrayNode a = Json.mapper().createArrayNode();
          for (RunRecord r : runs) {
            var o = RunJson.render(r, new RunHistory(store));
            o.remove("tasks");
            a.add(o);
          }
          out.println(Json.pretty(a));
          out.flush();
          return 0;
        }
        out.println("history: " + home.path() + " (" + home.why() + ")");
        if (runs.isEmpty()) {
          out.println("no runs yet; start one with `andon run FILE`.");
        } else {
          out.printf(
              "%-7s %-24s %-22s %-20s %9s %s%n",
              "RUN_ID", "JOB", "RESULT", "STARTED", "DURATION", "REPAIRS");
          RunHistory history = new RunHistory(store);
          for (RunRecord r : runs) {
            Durations d =
                Durations.of(
                    r, r.repairCount() > 0 ? history.repairs(r.runId()) : java.util.List.of());
            out.printf(
                "%-7d %-24s %-22s %-20s %9s %s%n",
                r.runId(),
                r.jobName(),
                r.resultState().orElse(r.state()),
                RunJson.iso(Optional.of(r.startTime())).substring(0, 19).replace('T', ' '),
                d.total().map(JobCommands::human).orElse("-"),
                Durations.repairs(r.repairCount()));
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
      try (Store store =
          JobCommands.readStore(common).orElseThrow(() -> JobCommands.noHistory(common, runId))) {
        JobCommands.print(spec.commandLine().getOut(), store, JobCommands.find(store, runId), json);
        return 0;
      }
    }
  }
}
