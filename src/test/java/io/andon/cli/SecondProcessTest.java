package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run in one andon process, reached from another: cancel, follow, and a huge log. */
class SecondProcessTest {
  @TempDir Path tmp;

  private Process andon(List<String> jvm, String out, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(jvm);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.andon.cli.AndonCli"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd)
        .directory(tmp.toFile())
        .redirectOutput(tmp.resolve(out).toFile())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .start();
  }

  private static void waitFor(Path p) throws InterruptedException {
    for (int i = 0; i < 600 && !Files.exists(p); i++) {
      Thread.sleep(50);
    }
    assertThat(p).exists();
  }

  @Test
  void runsCancelStopsARunOfAnotherProcessWithinASecondAndCleanUpStillRuns() throws Exception {
    String home = tmp.resolve("home").toString();
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: long
        tasks:
          - {task_key: slow, shell_task: {command: 'touch started; sleep 60'}}
          - {task_key: after, depends_on: [{task_key: slow}], shell_task: {command: 'true'}}
          - task_key: cleanup
            depends_on: [{task_key: slow}]
            run_if: ALL_DONE
            shell_task: {command: 'touch cleaned'}
        """);
    Process run = andon(List.of(), "run.out", "run", "--home", home, "job.yml");
    waitFor(tmp.resolve("started"));
    long asked = System.nanoTime();
    Cli cancel = Cli.run("runs", "cancel", "1", "--home", home);
    long tookMs = (System.nanoTime() - asked) / 1_000_000;
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(cancel.exit).as(cancel.toString()).isZero();
    assertThat(cancel.out)
        .contains("asked andon (pid " + run.pid() + ") to cancel run 1", "run 1 ended CANCELED");
    assertThat(tookMs).as("cancel to the run's end, ms").isLessThan(5000);
    assertThat(run.exitValue()).as(Files.readString(tmp.resolve("run.out"))).isEqualTo(130);
    assertThat(tmp.resolve("cleaned")).exists();
    JsonNode r = Json.read(Cli.run("runs", "show", "1", "--json", "--home", home).out);
    assertThat(r.at("/tasks/0/result_state").asText()).isEqualTo("CANCELED");
    assertThat(r.at("/tasks/2/result_state").asText()).isEqualTo("SUCCESS");
    Cli again = Cli.run("runs", "cancel", "1", "--home", home);
    assertThat(again.exit).isEqualTo(2);
    assertThat(again.err).contains("has already ended (CANCELED)");
  }

  @Test
  void logsFollowPrintsWhatARunningTaskWritesUntilItEnds() throws Exception {
    String home = tmp.resolve("home").toString();
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: talk
        tasks:
          - {task_key: t, shell_task: {command: 'echo one; touch started; sleep 1; echo two; sleep 1; echo three'}}
        """);
    Process run = andon(List.of(), "run.out", "run", "--home", home, "job.yml");
    waitFor(tmp.resolve("started"));
    Cli follow = Cli.run("runs", "logs", "1", "t", "-f", "--home", home);
    assertThat(follow.exit).as(follow.toString()).isZero();
    assertThat(follow.out).contains("one\ntwo\nthree\n");
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aLogBiggerThanTheHeapIsStreamed() throws Exception {
    String home = tmp.resolve("home").toString();
    long size = 64L * 1024 * 1024;
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: loud
        tasks:
          - {task_key: t, shell_task: {command: 'yes 0123456789abcdefghijklmnopqrstu | head -c %d'}}
        """
            .formatted(size));
    assertThat(Cli.run("run", "--home", home, tmp.resolve("job.yml").toString()).exit).isZero();
    Process logs = andon(List.of("-Xmx24m"), "logs.out", "runs", "logs", "1", "t", "--home", home);
    assertThat(logs.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(logs.exitValue()).isZero();
    long header = "==> t.attempt-1.log <==\n".length();
    assertThat(Files.size(tmp.resolve("logs.out"))).isEqualTo(size + header);
  }
}
