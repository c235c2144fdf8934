package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An andon home on a small file system of its own, filled up by a task mid-run. */
class NoSpaceTest {
  @TempDir Path tmp;
  Path disk;
  boolean mounted;

  private static int sh(String command) throws Exception {
    Process p =
        new ProcessBuilder("/bin/sh", "-c", command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
  }

  @BeforeEach
  void mount() throws Exception {
    disk = Files.createDirectories(tmp.resolve("disk"));
    mounted = sh("mount -t tmpfs -o size=4m andon-test " + disk) == 0;
    assumeTrue(
        mounted,
        "cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN); the full-disk"
            + " test is skipped");
  }

  @AfterEach
  void unmount() throws Exception {
    if (mounted) {
      sh("umount -l " + disk);
    }
  }

  @Test
  void aFullDiskIsNamedAndTheRunStillRecordsWhatReallyHappened() throws Exception {
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: full
        tasks:
          - task_key: fill
            shell_task: {command: 'cat /dev/zero > "$FILL" 2>/dev/null; true'}
          - task_key: fails
            depends_on: [{task_key: fill}]
            shell_task: {command: 'sleep 1; exit 1'}
          - task_key: cleanup
            depends_on: [{task_key: fails}]
            run_if: ALL_DONE
            shell_task: {command: 'sleep 1; rm -f "$FILL"'}
        """);
    String home = disk.resolve("home").toString();
    Process p =
        AndonProcess.start(
            tmp,
            "andon",
            Map.of("FILL", disk.resolve("filler").toString()),
            "run",
            "--home",
            home,
            "job.yml");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("andon ended").isTrue();
    String err = Files.readString(tmp.resolve("andon.err"));
    assertThat(err).contains("no space left on " + disk).doesNotContain("no transaction is active");
    assertThat(p.exitValue()).as(err).isZero(); // the leaf, cleanup, succeeded

    Cli shown = Cli.run("runs", "show", "--home", home, "--json", "1");
    JsonNode run = Json.read(shown.out);
    assertThat(run.get("state").asText()).isEqualTo("TERMINATED");
    assertThat(run.get("result_state").asText()).isEqualTo("SUCCESS_WITH_FAILURES");
    JsonNode tasks = run.get("tasks");
    assertThat(tasks.get(0).get("result_state").asText()).isEqualTo("SUCCESS");
    assertThat(tasks.get(1).get("result_state").asText()).isEqualTo("FAILED");
    assertThat(tasks.get(1).get("message").asText()).startsWith("exit code 1");
    assertThat(tasks.get(2).get("result_state").asText()).isEqualTo("SUCCESS");
  }
}
