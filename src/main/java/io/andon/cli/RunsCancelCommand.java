package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.job.LifeCycleState;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code andon runs cancel RUN_ID}: asks the andon process running a run, through the store, to
 * cancel it (it looks every 200 ms), then waits for the run to end.
 */
@Command(
    name = "cancel",
    description =
        "Cancel a run in progress, also one started in another"
            + " terminal: running tasks are killed and end CANCELED; run_if: ALL_DONE tasks still run.")
final class RunsCancelCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RUN_ID", converter = RunId.class)
  long runId;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How long to wait for the run to end (default: ${DEFAULT-VALUE}; 0: do not wait).")
  int waitSeconds;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    try (Store store =
        JobCommands.readStore(common).orElseThrow(() -> JobCommands.noHistory(common, runId))) {
      RunRecord r = JobCommands.find(store, runId);
      if (LifeCycleState.valueOf(r.state()).isFinal()) {
        throw new InvalidInputException(
            "run "
                + runId
                + " has already ended ("
                + r.resultState().orElse(r.state())
                + "); there is nothing to cancel. `andon runs"
                + " show "
                + runId
                + "` shows it.");
      }
      if (!new RunHistory(store).requestCancel(runId, System.currentTimeMillis())) {
        throw new InvalidInputException(
            "run "
                + runId
                + " ended while being canceled; `andon"
                + " runs show "
                + runId
                + "` shows how.");
      }
      out.println(
          "asked andon (pid "
              + r.ownerPid().map(String::valueOf).orElse("?")
              + ") to cancel run "
              + runId
              + ".");
      out.flush();
      RunStore runs = new RunStore(store);
      long deadline = System.currentTimeMillis() + waitSeconds * 1000L;
      while (System.currentTimeMillis() < deadline) {
        RunRecord now = runs.find(runId, java.util.List.of()).orElseThrow();
        if (LifeCycleState.valueOf(now.state()).isFinal()) {
          out.println(
              "run "
                  + runId
                  + " ended "
                  + now.resultState().orElse(now.state())
                  + "; `andon runs show "
                  + runId
                  + "` shows its tasks.");
          out.flush();
          return 0;
        }
        Thread.sleep(100);
      }
      if (waitSeconds > 0) {
        out.println(
            "run "
                + runId
                + " is still stopping (clean-up tasks may be running);"
                + " `andon runs show "
                + runId
                + "` shows when it ends.");
      }
      out.flush();
      return 0;
    }
  }
}
