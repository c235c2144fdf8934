package io.andon.cli;

import io.andon.engine.Executor;
import io.andon.engine.RunRequest;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.schedule.TriggerText;
import io.andon.serve.ServiceClient;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon run FILE}: runs a job; exit 0 on SUCCESS, 1 on FAILED, 2 on bad input. */
@Command(name = "run", description = "Run a job and record it in the run history.")
public final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "A job file or an Asset Bundle file.")
  Path file;

  @Option(
      names = "--job",
      paramLabel = "KEY",
      description = "The job of a bundle (resources.jobs.KEY).")
  String job;

  @Mixin BundleOptions bundle;
  @Mixin NoticeOptions notices;

  @Option(
      names = "--param",
      paramLabel = "NAME=VALUE",
      description = "Override a job parameter (repeatable).")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--max-parallel",
      paramLabel = "N",
      description = "Tasks running at once (default: number of cores).")
  Integer maxParallel;

  @Option(
      names = "--json",
      description = "Print the finished run as JSON on stdout (progress goes to stderr).")
  boolean json;

  @Option(
      names = "--submit",
      description =
          "Run it on the andon serve of this home (or of"
              + " $ANDON_URL) and follow it there; without a service, run it here.")
  boolean submit;

  @Override
  public Integer call() throws InterruptedException {
    JobSpec jobSpec =
        new JobLoader()
            .workspace(bundle.workspace(common.home()))
            .load(file, Optional.ofNullable(job), bundle.settings());
    notices.print(spec.commandLine().getErr(), jobSpec.notices(), false);
    jobSpec
        .trigger()
        .ifPresent(
            t ->
                notices.line(
                    spec.commandLine().getErr(),
                    file
                        + ": the job's "
                        + TriggerText.key(t)
                        + " starts runs only under andon serve; andon run runs the job once,"
                        + " now."));
    int parallel = JobCommands.maxParallel(maxParallel);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    String url = System.getenv("ANDON_URL");
    if (submit || (url != null && !url.isBlank())) {
      Optional<ServiceClient> service = ServiceClient.find(common.home(), System.getenv());
      if (service.isPresent()) {
        return SubmittedRun.follow(service.get(), jobSpec.name(), params, out, progress, json);
      }
      spec.commandLine()
          .getErr()
          .println(
              "andon: no andon serve answers for "
                  + (url != null && !url.isBlank() ? url : common.home())
                  + "; running the job here.");
    }
    try (Store store = JobCommands.openStore(common)) {
      JobCommands.Listeners listeners =
          JobCommands.listeners(progress, jobSpec.tasks().size(), jobSpec, store);
      Executor ex = listeners.executor(store, parallel);
      Executor.Outcome outcome;
      try {
        outcome = JobCommands.withSignals(ex, () -> ex.run(RunRequest.of(jobSpec, params)));
      } finally {
        listeners.finish();
      }
      JobCommands.print(
          out, store, JobCommands.find(store, outcome.runId(), outcome.tasks()), json);
      if (!json) {
        out.println("  logs: andon runs logs " + outcome.runId() + " TASK_KEY");
        out.flush();
      }
      return JobCommands.exitCode(outcome.result());
    }
  }
}
