package io.andon.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code andon alerts}: alert rules over the stored metrics and run history. */
@Command(
    name = "alerts",
    description = "Evaluate alert rules over andon's stored metrics and run history.",
    subcommands = {AlertsCheckCommand.class})
public final class AlertsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
