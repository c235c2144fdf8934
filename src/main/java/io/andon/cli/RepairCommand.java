package io.andon.cli;

import io.andon.engine.Executor;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.store.RunRecord;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon repair RUN_ID}: re-runs failed or named tasks inside the same run. */
@Command(name = "repair", description = "Re-run failed or chosen tasks of a finished run, in place.")
public final class RepairCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN_ID", converter = RunId.class, description = "The run to repair.")
  long runId;

  static final class What {
    @Option(names = "--rerun-all-failed", required = true, description = "Re-run every task that did not succeed.")
    boolean allFailed;

    @Option(names = "--task", paramLabel = "KEY", required = true, description = "Re-run this task (repeatable).")
    List<String> tasks = new ArrayList<>();
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  What what;

  @Option(names = "--rerun-dependents", description = "Also re-run every task downstream of those, even succeeded ones.")
  boolean dependents;

  @Option(names = "--max-parallel", paramLabel = "N", description = "Tasks running at once (default: number of cores).")
  Integer maxParallel;

  @Option(names = "--json", description = "Print the repaired run as JSON on stdout.")
  boolean json;

  @Override
  public Integer call() {
    int parallel = JobCommands.maxParallel(maxParallel);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    try (Store store = JobCommands.openStore(common)) {
      RunRecord before = JobCommands.find(store, runId);
      JobSpec job = new JobLoader().loadSource(java.nio.file.Path.of(before.jobFile()),
          before.jobKey(), before.definition(),
          io.andon.job.BundleSettings.fromJson(before.bundle()));
      JobCommands.Listeners listeners =
          JobCommands.listeners(progress, before.tasks().size(), job, store);
      Executor ex = new Executor(store, Executor.Options.defaults().withMaxParallel(parallel),
          listeners.all());
      Executor.RepairRequest req = new Executor.RepairRequest(
          what.allFailed ? List.of() : what.tasks, what.allFailed, dependents);
      Executor.Outcome outcome;
      try {
        outcome = JobCommands.withSignals(ex, () -> ex.repair(runId, req, new JobLoader()));
      } finally {
        listeners.finish();
      }
      JobCommands.print(out, JobCommands.find(store, runId), json);
      return JobCommands.exitCode(outcome.result());
    }
  }
}
