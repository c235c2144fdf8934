package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a new user meets first: help, version, completion, and one-line usage errors. */
class CommandLineUsageTest {
  @TempDir Path tmp;

  private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(path);
    for (var e : cl.getSubcommands().entrySet()) {
      List<String> sub = new ArrayList<>(path);
      sub.add(e.getKey());
      walk(e.getValue(), sub, out);
    }
  }

  @Test
  void everyCommandPicocliKnowsAnswersHelpAndDashHWithExitZero() {
    List<List<String>> commands = new ArrayList<>();
    walk(AndonCli.commandLine(), List.of(), commands);
    assertThat(commands).hasSizeGreaterThan(15);
    for (List<String> path : commands) {
      for (String flag : new String[] {"--help", "-h"}) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        Cli c = Cli.run(args.toArray(new String[0]));
        assertThat(c.exit).as(args + "\n" + c).isZero();
        assertThat(c.out).as(args.toString()).contains("Usage: andon");
      }
    }
  }

  @Test
  void topLevelHelpShowsEachCommandsWholeFirstSentence() {
    Cli c = Cli.run("--help");
    assertThat(c.exit).isZero();
    String flat = c.out.replaceAll("\\s+", " ");
    for (CommandLine sub : AndonCli.commandLine().getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) {
        continue; // picocli's own
      }
      String first = sub.getCommandSpec().usageMessage().description()[0];
      assertThat(first).as(sub.getCommandName()).endsWith(".");
      assertThat(flat)
          .as(sub.getCommandName())
          .contains(first.replaceAll("\\s+", " ").replace("%%", "%"));
    }
  }

  @Test
  void versionIsPrintedByTheFlagAndTheWordVersionPointsToIt() {
    Cli v = Cli.run("--version");
    assertThat(v.exit).isZero();
    assertThat(v.out).startsWith("andon ");
    Cli word = Cli.run("version");
    assertThat(word.exit).isEqualTo(2);
    assertThat(word.err)
        .contains("'version' is not a command", "`andon --version`")
        .doesNotContain("Did you mean");
  }

  @Test
  void usageErrorsAreOneLinePlusAPointerToHelp() {
    Cli missing = Cli.run("run");
    assertThat(missing.exit).isEqualTo(2);
    assertThat(missing.err.lines()).hasSize(2);
    assertThat(missing.err)
        .contains("FILE")
        .contains("Run `andon run --help` for its usage.")
        .doesNotContain("Usage:");
    Cli unknownOption = Cli.run("runs", "list", "--jsno");
    assertThat(unknownOption.err.lines()).hasSize(2);
    assertThat(unknownOption.err).contains("unknown option '--jsno'", "Did you mean '--json'?");
    Cli unknownVerb = Cli.run("rnu", "job.yml");
    assertThat(unknownVerb.exit).isEqualTo(2);
    assertThat(unknownVerb.err)
        .contains("'rnu' is not a command of andon. Did you mean 'run' or 'runs'?")
        .doesNotContain("Usage:");
  }

  @Test
  void commonMistakesSayWhatToTypeInstead() throws Exception {
    Cli runId = Cli.run("runs", "show", "abc", "--home", tmp.resolve("h").toString());
    assertThat(runId.exit).isEqualTo(2);
    assertThat(runId.err)
        .contains("'abc' is not a run id", "andon runs list")
        .doesNotContain("not a long");
    Cli drift = Cli.run("drift", "a.csv", "b.csv");
    assertThat(drift.exit).isEqualTo(2);
    assertThat(drift.err.lines()).hasSize(2);
    assertThat(drift.err).contains("`andon drift --baseline a.csv --current b.csv`");
    Path file = Files.writeString(tmp.resolve("train.py"), "print(1)\n");
    Cli tdg = Cli.run("tdg", file.toString());
    assertThat(tdg.exit).isEqualTo(2);
    assertThat(tdg.err)
        .contains("train.py is a file", "`andon tdg " + tmp + "`")
        .doesNotContain("no such folder");
  }

  @Test
  void completionScriptsCompleteCommandsInARealBash() throws Exception {
    for (String shell : new String[] {"bash", "zsh"}) {
      Cli c = Cli.run("completion", shell);
      assertThat(c.exit).as(c.toString()).isZero();
      assertThat(c.out).contains("complete -F _complete_andon");
    }
    Path script = Files.writeString(tmp.resolve("andon.bash"), Cli.run("completion", "bash").out);
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "source "
                    + script
                    + "; COMP_WORDS=(andon ru);"
                    + " COMP_CWORD=1; COMP_LINE='andon ru'; COMP_POINT=8; _complete_andon andon ru andon;"
                    + " echo \"${COMPREPLY[@]}\"")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(out.strip().split("\\s+")).as(out).containsExactlyInAnyOrder("run", "runs");
  }
}
