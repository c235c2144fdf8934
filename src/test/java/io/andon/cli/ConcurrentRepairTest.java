package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two andon processes repairing one run at once: one repairs, the other is told why not. */
class ConcurrentRepairTest {
  @TempDir Path tmp;

  @Test
  void aSecondRepairStartedAtTheSameMomentIsRefusedWithRunIsBeingRepaired() throws Exception {
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: flaky
        tasks:
          - task_key: t
            shell_task: {command: 'sleep 3; exit 1'}
        """);
    String home = tmp.resolve("home").toString();
    Cli first = Cli.run("run", "--home", home, tmp.resolve("job.yml").toString());
    assertThat(first.exit).as(first.toString()).isEqualTo(1);
    int trials = 3;
    for (int trial = 0; trial < trials; trial++) {
      Process a = AndonProcess.start(tmp, "a", "repair", "--home", home, "1", "--rerun-all-failed");
      Process b = AndonProcess.start(tmp, "b", "repair", "--home", home, "1", "--rerun-all-failed");
      assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String errA = Files.readString(tmp.resolve("a.err"));
      String errB = Files.readString(tmp.resolve("b.err"));
      String refused = a.exitValue() == 2 ? errA : errB;
      assertThat(a.exitValue() + b.exitValue())
          .as("trial %d: %s / %s", trial, errA, errB)
          .isEqualTo(3); // the repair's run FAILED (1), the refusal is a user error (2)
      assertThat(refused).contains("run 1 is being repaired").doesNotContain("SQLITE");
    }
    JsonNode run = Json.read(Cli.run("runs", "show", "--home", home, "--json", "1").out);
    assertThat(run.get("repair_count").asInt()).isEqualTo(trials);
  }
}
