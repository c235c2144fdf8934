package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's command table names exactly the commands andon has. */
class ReadmeCommandsTest {
  /** Commands that only group others and do nothing themselves. */
  private static boolean groupOnly(CommandLine cl) {
    return !cl.getSubcommands().isEmpty()
        && cl.getCommandSpec().positionalParameters().isEmpty()
        && cl.getCommandSpec().options().stream().allMatch(o -> o.usageHelp() || o.versionHelp());
  }

  private static void commands(CommandLine cl, String path, Set<String> out) {
    if (!path.isEmpty() && !groupOnly(cl)) {
      out.add(path);
    }
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                commands(sub, (path + " " + name).strip(), out);
              }
            });
  }

  @Test
  void theReadmeCommandTableMatchesTheCommandsExactly() throws Exception {
    Set<String> known = new TreeSet<>();
    commands(AndonCli.commandLine(), "", known);
    Set<String> table = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("README.md"))) {
      if (line.startsWith("| `andon ")) {
        StringBuilder cmd = new StringBuilder();
        for (String word : line.substring("| `andon ".length()).split("[ `]")) {
          if (!word.matches("[a-z]+")) {
            break;
          }
          cmd.append(cmd.length() == 0 ? "" : " ").append(word);
        }
        table.add(cmd.toString());
      }
    }
    assertThat(table).isEqualTo(known);
  }
}
