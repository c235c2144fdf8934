package io.andon.cli;

import io.andon.engine.Executor;
import io.andon.error.InvalidInputException;
import io.andon.job.BundleSettings;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.store.RepairRecord;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon repair RUN_ID}: re-runs failed or named tasks inside the same run. */
@Command(
    name = "repair",
    description = {
      "Re-run failed or chosen tasks of a finished run, in"
          + " place, with the job file as it is now.",
      "Says in one line what changed in the job file since the run; --stored-definition repairs"
          + " with the definition the run stored instead."
    })
public final class RepairCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN_ID", converter = RunId.class, description = "The run to repair.")
  long runId;

  static final class What {
    @Option(
        names = "--rerun-all-failed",
        required = true,
        description = "Re-run every task that did not succeed.")
    boolean allFailed;

    @Option(
        names = "--task",
        paramLabel = "KEY",
        required = true,
        description = "Re-run this task (repeatable).")
    List<String> tasks = new ArrayList<>();
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Option(
      names = "--rerun-dependents",
      description = "Also re-run every task downstream of those, even succeeded ones.")
  boolean dependents;

  @Option(
      names = "--max-parallel",
      paramLabel = "N",
      description = "Tasks running at once (default: number of cores).")
  Integer maxParallel;

  @Option(names = "--json", description = "Print the repaired run as JSON on stdout.")
  boolean json;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Override a job parameter for this repair (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--stored-definition",
      description =
          "Repair with the job definition the run"
              + " last ran with, stored in the history, instead of the job file as it is now.")
  boolean storedDefinition;

  @Override
  public Integer call() {
    int parallel = JobCommands.maxParallel(maxParallel);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    try (Store store = JobCommands.openStore(common)) {
      RunRecord before = JobCommands.find(store, runId);
      JobSpec stored =
          new JobLoader()
              .loadSource(
                  Path.of(before.jobFile()),
                  before.jobKey(),
                  lastDefinition(store, before),
                  BundleSettings.fromJson(before.bundle()));
      JobSpec job = storedDefinition ? stored : current(before);
      if (!storedDefinition) {
        DefinitionChange.between(stored, job)
            .line(before.jobFile(), runId)
            .ifPresent(progress::println);
      }
      JobCommands.Listeners listeners =
          JobCommands.listeners(progress, before.tasks().size(), job, store);
      Executor ex = listeners.executor(store, parallel);
      Executor.RepairRequest req =
          new Executor.RepairRequest(
              what.allFailed ? List.of() : what.tasks, what.allFailed, dependents);
      Executor.Outcome outcome;
      try {
        outcome = JobCommands.withSignals(ex, () -> ex.repair(runId, req, job, params));
      } finally {
        listeners.finish();
      }
      JobCommands.print(out, store, JobCommands.find(store, runId), json);
      return JobCommands.exitCode(outcome.result());
    }
  }

  /** The definition the run last ran with: its last repair's, else its own. */
  private static String lastDefinition(Store store, RunRecord run) {
    List<RepairRecord> repairs = new RunHistory(store).repairs(run.runId());
    for (int i = repairs.size() - 1; i >= 0; i--) {
      if (repairs.get(i).definition().isPresent()) {
        return repairs.get(i).definition().get();
      }
    }
    return run.definition();
  }

  /** The job file as it is now. */
  private static JobSpec current(RunRecord run) {
    Path file = Path.of(run.jobFile());
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(
          "run "
              + run.runId()
              + " was read from "
              + file
              + ", which"
              + " is gone; repair it with --stored-definition (the definition the run stored), or"
              + " put the job file back.");
    }
    return new JobLoader().load(file, run.jobKey(), BundleSettings.fromJson(run.bundle()));
  }
}
