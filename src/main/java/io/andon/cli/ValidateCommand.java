package io.andon.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.schedule.JobTrigger;
import io.andon.schedule.TriggerJson;
import io.andon.schedule.TriggerText;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code andon validate FILE}: 0 when valid, 2 with every problem listed. A valid job's schedule or
 * trigger is shown in words, with the next time a cron schedule fires.
 */
@Command(name = "validate", description = "Check a job file and list every problem at once.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "A job file or an Asset Bundle file.")
  Path file;

  @Option(
      names = "--job",
      paramLabel = "KEY",
      description = "The job of a bundle (resources.jobs.KEY).")
  String job;

  @Option(names = "--json", description = "Print the valid job's summary as JSON on stdout.")
  boolean json;

  @Mixin BundleOptions bundle;
  @Mixin NoticeOptions notices;

  /** The clock the next fire of a schedule is computed with. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    JobSpec spec0 =
        new JobLoader()
            .workspace(bundle.workspace(common.home()))
            .load(file, Optional.ofNullable(job), bundle.settings());
    notices.print(spec.commandLine().getErr(), spec0.notices(), true);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(Json.pretty(summary(spec0)));
      return 0;
    }
    out.printf(
        "%s: job %s is valid (%d tasks%s)%n",
        file,
        spec0.name(),
        spec0.tasks().size(),
        spec0.bundle().target().map(t -> ", target " + t).orElse(""));
    spec0
        .trigger()
        .ifPresent(
            t ->
                out.println(
                    "  "
                        + TriggerText.describe(t)
                        + TriggerText.nextFire(t, clock.instant())
                            .map(n -> "; next fire " + n)
                            .orElse("")));
    return 0;
  }

  private ObjectNode summary(JobSpec job) {
    ObjectNode o = Json.object();
    o.put("file", file.toString());
    o.put("job", job.name());
    job.jobKey().ifPresent(k -> o.put("job_key", k));
    job.bundle().target().ifPresent(t -> o.put("target", t));
    o.put("tasks", job.tasks().size());
    if (job.trigger().isPresent()) {
      JobTrigger t = job.trigger().get();
      o.setAll(TriggerJson.settings(t));
      o.put("trigger_text", TriggerText.describe(t));
      TriggerText.nextFire(t, clock.instant()).ifPresent(n -> o.put("next_fire", n));
    }
    return o;
  }
}
