package io.andon.cli;

import io.andon.error.AndonException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code andon} command: one subcommand per verb. */
@Command(
    name = "andon",
    mixinStandardHelpOptions = true,
    versionProvider = AndonCli.Version.class,
    description = "Stop the line when an ML pipeline goes wrong.",
    subcommands = {
      ValidateCommand.class,
      RunCommand.class,
      RunsCommand.class,
      RepairCommand.class,
      CommandLine.HelpCommand.class,
      GateCommand.class,
      AlertsCommand.class,
      NotificationsCommand.class,
      TdgCommand.class,
      DriftCommand.class,
      MonitorCommand.class,
    })
public final class AndonCli implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Builds the command line with andon's error handling; tests call this and execute(). */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new AndonCli());
    cl.setExecutionExceptionHandler(AndonCli::handle);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = Arrays.asList(parsed.originalArgs().toArray(new String[0])).contains("--debug");
    if (e instanceof AndonException ae) {
      err.println("andon: " + ae.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return ae.exitCode();
    }
    err.println("andon: internal error: " + e
        + (debug ? "" : "\n(rerun with --debug to see the stack trace, and report it)"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return 3;
  }

  /** Reads the version from the jar manifest when packaged. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = AndonCli.class.getPackage().getImplementationVersion();
      return new String[] {"andon " + (v == null ? "(development build)" : v)};
    }
  }
}
