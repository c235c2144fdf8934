package io.andon.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code andon notifications}: the outbox of job and alert notifications. */
@Command(
    name = "notifications",
    description = "Show and re-drive the outbox of notifications (webhooks, Slack, e-mail, files).",
    subcommands = {NotificationsListCommand.class, NotificationsRetryCommand.class})
public final class NotificationsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
