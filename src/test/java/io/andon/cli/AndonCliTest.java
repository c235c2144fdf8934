package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AndonCliTest {
  @Test
  void aCommandBuildsOnlyItsOwnSubcommand() {
    assertThat(AndonCli.commandLine("validate", "job.yml").getSubcommands())
        .containsOnlyKeys("validate");
    assertThat(AndonCli.commandLine("runs", "list").getSubcommands()).containsOnlyKeys("runs");
  }

  @Test
  void helpAndUnknownCommandsSeeEveryCommand() {
    assertThat(AndonCli.commandLine().getSubcommands())
        .containsKeys(
            "validate",
            "run",
            "runs",
            "repair",
            "gate",
            "tdg",
            "drift",
            "monitor",
            "alerts",
            "notifications",
            "help");
    Cli usage = Cli.run();
    assertThat(usage.out).contains("validate", "repair", "drift", "monitor");
    Cli help = Cli.run("help", "run");
    assertThat(help.exit).isZero();
    assertThat(help.out).contains("Usage: andon run");
    Cli unknown = Cli.run("rnu", "job.yml");
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err).contains("'rnu' is not a command of andon", "Commands:");
  }
}
