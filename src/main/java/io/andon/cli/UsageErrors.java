package io.andon.cli;

import io.andon.util.Strings;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line mistakes: one line saying what is wrong and what to do, then a pointer to the
 * command's {@code --help}, never the whole help. Exit code 2.
 */
final class UsageErrors {
  /** Words people try that are not commands, and what to type instead. */
  private static final Map<String, String> NOT_COMMANDS =
      Map.of(
          "version", "`andon --version` prints the version.",
          "list", "`andon runs list` lists the runs.",
          "show", "`andon runs show RUN_ID` shows a run.",
          "logs", "`andon runs logs RUN_ID TASK_KEY` prints a task's output.",
          "cancel", "`andon runs cancel RUN_ID` cancels a run in progress.",
          "check",
              "`andon validate FILE` checks a job file; `andon alerts check FILE` evaluates alerts.");

  private UsageErrors() {}

  static int handle(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println("andon: " + message(e, List.of(args)));
    err.println("Run `" + cl.getCommandSpec().qualifiedName() + " --help` for its usage.");
    err.flush();
    return 2;
  }

  static String message(ParameterException e, List<String> args) {
    CommandLine cl = e.getCommandLine();
    String name = cl.getCommandSpec().name();
    if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      String first = u.getUnmatched().get(0);
      boolean isCommandPosition =
          cl.getCommandSpec().parent() == null || !cl.getSubcommands().isEmpty();
      if (isCommandPosition && !first.startsWith("-") && !cl.getSubcommands().isEmpty()) {
        return unknownCommand(cl, first);
      }
      if (name.equals("drift") && !first.startsWith("-")) {
        return "drift names its two tables with options: `andon drift --baseline "
            + first
            + (u.getUnmatched().size() > 1
                ? " --current " + u.getUnmatched().get(1)
                : " --current FILE")
            + "`.";
      }
      if (first.startsWith("-")) {
        List<String> names =
            cl.getCommandSpec().optionsMap().keySet().stream()
                .filter(o -> o.startsWith("--"))
                .toList();
        return "unknown option '"
            + first
            + "' for "
            + cl.getCommandSpec().qualifiedName()
            + "."
            + Strings.didYouMean(first, names);
      }
      return "unexpected argument"
          + (u.getUnmatched().size() > 1 ? "s " : " ")
          + String.join(" ", u.getUnmatched().stream().map(a -> "'" + a + "'").toList())
          + " for "
          + cl.getCommandSpec().qualifiedName()
          + ".";
    }
    if (e instanceof CommandLine.MissingParameterException && name.equals("drift")) {
      List<String> bare =
          positionals(cl.getCommandSpec(), args.subList(args.indexOf("drift") + 1, args.size()));
      return "drift needs both tables as options: `andon drift --baseline "
          + (bare.size() > 0 ? bare.get(0) : "FILE")
          + " --current "
          + (bare.size() > 1 ? bare.get(1) : "FILE")
          + "` ("
          + e.getMessage()
              .replace("Missing required options: ", "missing ")
              .replace("Missing" + " required option: ", "missing ")
          + ").";
    }
    return e.getMessage();
  }

  /** The arguments that are neither options nor an option's value. */
  private static List<String> positionals(CommandLine.Model.CommandSpec spec, List<String> args) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("-")) {
        CommandLine.Model.OptionSpec o = spec.findOption(a);
        if (!a.contains("=") && o != null && o.arity().max() > 0) {
          i++;
        }
      } else {
        out.add(a);
      }
    }
    return out;
  }

  private static String unknownCommand(CommandLine cl, String word) {
    String where = cl.getCommandSpec().qualifiedName();
    List<String> names = cl.getSubcommands().keySet().stream().sorted().toList();
    String hint =
        Optional.ofNullable(cl.getCommandSpec().parent() == null ? NOT_COMMANDS.get(word) : null)
            .map(h -> " " + h)
            .orElseGet(() -> Strings.didYouMean(word, names));
    return "'"
        + word
        + "' is not a command of "
        + where
        + "."
        + hint
        + " Commands: "
        + String.join(", ", names)
        + ".";
  }
}
