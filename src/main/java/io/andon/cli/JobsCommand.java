package io.andon.cli;

import io.andon.error.InvalidInputException;
import io.andon.serve.ServiceClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code andon jobs pause|resume NAME}: asks the running service to pause or resume a job. */
@Command(
    name = "jobs",
    description = "Pause or resume a served job's schedule or trigger.",
    subcommands = {JobsCommand.Pause.class, JobsCommand.Resume.class})
public final class JobsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** What pause and resume share. */
  abstract static class Change implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin CommonOptions common;

    @Parameters(paramLabel = "NAME", description = "The job's name.")
    String name;

    abstract boolean paused();

    @Override
    public Integer call() {
      ServiceClient client =
          ServiceClient.find(common.home(), System.getenv())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "no andon serve answers for "
                              + common.home()
                              + " (nor at $ANDON_URL); pausing is the service's: start `andon serve` on this"
                              + " home, or set ANDON_URL to the service."));
      client.setPaused(name, paused());
      spec.commandLine()
          .getOut()
          .println((paused() ? "paused" : "resumed") + " job " + name + " on " + client.url());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "pause", description = "Stop firing a served job's schedule or trigger.")
  static final class Pause extends Change {
    @Override
    boolean paused() {
      return true;
    }
  }

  @Command(name = "resume", description = "Fire a served job's schedule or trigger again.")
  static final class Resume extends Change {
    @Override
    boolean paused() {
      return false;
    }
  }
}
