package io.andon.cli;

import io.andon.error.AndonException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
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
    footer = {"", "`andon COMMAND --help` shows a command's options; docs: README.md and docs/."})
public final class AndonCli implements Callable<Integer> {
  /** Commands that open the store. */
  private static final java.util.Set<String> STORE_COMMANDS =
      java.util.Set.of(
          "run", "runs", "repair", "gate", "alerts", "notifications", "monitor", "serve");

  /** The subcommands, in the order help lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
          ValidateCommand.class,
          RunCommand.class,
          RunsCommand.class,
          RepairCommand.class,
          ServeCommand.class,
          JobsCommand.class,
          CommandLine.HelpCommand.class,
          GateCommand.class,
          AlertsCommand.class,
          NotificationsCommand.class,
          TdgCommand.class,
          DriftCommand.class,
          MonitorCommand.class,
          InitCommand.class,
          CompletionCommand.class);

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Builds the command line with every subcommand and andon's error handling. */
  public static CommandLine commandLine() {
    return commandLine(SUBCOMMANDS);
  }

  /**
   * The command line for {@code args}: when they start with a subcommand's name, only that
   * subcommand is built (picocli reads every option of every command it is given, which cost a
   * third of a second before any work); otherwise all of them, for help and did-you-mean.
   */
  public static CommandLine commandLine(String... args) {
    if (args.length > 0 && !args[0].equals("help")) {
      for (Class<?> c : SUBCOMMANDS) {
        if (c.getAnnotation(Command.class).name().equals(args[0])) {
          return commandLine(List.of(c));
        }
      }
    }
    return commandLine();
  }

  private static CommandLine commandLine(List<Class<?>> subcommands) {
    CommandLine cl = new CommandLine(new AndonCli());
    for (Class<?> c : subcommands) {
      cl.addSubcommand(c);
    }
    withHelpOptions(cl);
    cl.setExecutionExceptionHandler(AndonCli::handle);
    cl.setParameterExceptionHandler(UsageErrors::handle);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * Gives every command and subcommand {@code -h}/{@code --help} (and {@code -V}/{@code
   * --version}).
   */
  private static void withHelpOptions(CommandLine cl) {
    if (!cl.getCommandSpec().optionsMap().containsKey("--help")) {
      cl.getCommandSpec().mixinStandardHelpOptions(true);
    }
    if (cl.getCommandSpec().version().length == 0) {
      cl.getCommandSpec().versionProvider(new Version());
    }
    for (CommandLine sub : cl.getSubcommands().values()) {
      withHelpOptions(sub);
    }
  }

  public static void main(String[] args) {
    // start-up work that does not depend on the command line, on the second core
    if (args.length > 0 && STORE_COMMANDS.contains(args[0])) {
      io.andon.store.Store.preload();
    }
    if (args.length > 0 && args[0].equals("tdg")) {
      io.andon.tdg.source.JavaSourceAnalyzer.preload();
    }
    if (args.length > 1 && (args[0].equals("run") || args[0].equals("validate"))) {
      for (int i = 1; i < args.length; i++) {
        if ((args[i].endsWith(".yml") || args[i].endsWith(".yaml"))
            && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[i]))) {
          io.andon.yaml.YamlReader.readAhead(java.nio.file.Path.of(args[i]));
          break;
        }
      }
    }
    System.exit(commandLine(args).execute(args));
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
    err.println(
        "andon: internal error: "
            + e
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
