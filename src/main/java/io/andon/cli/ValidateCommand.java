package io.andon.cli;

import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon validate FILE}: 0 when valid, 2 with every problem listed. */
@Command(name = "validate", description = "Check a job file and list every problem at once.")
public final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "FILE", description = "A job file or an Asset Bundle file.")
  Path file;

  @Option(names = "--job", paramLabel = "KEY", description = "The job of a bundle (resources.jobs.KEY).")
  String job;

  @Mixin BundleOptions bundle;
  @Mixin NoticeOptions notices;

  @Override
  public Integer call() {
    JobSpec spec0 = new JobLoader().workspace(bundle.workspace(common.home()))
        .load(file, Optional.ofNullable(job), bundle.settings());
    notices.print(spec.commandLine().getErr(), spec0.notices(), true);
    spec.commandLine().getOut().printf("%s: job %s is valid (%d tasks%s)%n", file, spec0.name(),
        spec0.tasks().size(), spec0.bundle().target().map(t -> ", target " + t).orElse(""));
    return 0;
  }
}
