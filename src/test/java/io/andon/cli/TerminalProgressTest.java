package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** andon on a real terminal (a pseudo-terminal made by script(1)). */
class TerminalProgressTest {
  @TempDir Path tmp;

  @Test
  void theStatusLineEndsWithTheFinalCountWhenTasksWereSkipped() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) is not installed");
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: seven
        tasks:
          - {task_key: a, shell_task: {command: 'true'}}
          - {task_key: b, depends_on: [{task_key: a}], shell_task: {command: 'exit 1'}}
          - {task_key: c, depends_on: [{task_key: b}], shell_task: {command: 'true'}}
          - {task_key: d, depends_on: [{task_key: c}], shell_task: {command: 'true'}}
          - {task_key: e, shell_task: {command: 'true'}}
          - {task_key: f, depends_on: [{task_key: e}], shell_task: {command: 'true'}}
          - {task_key: g, depends_on: [{task_key: d}], shell_task: {command: 'true'}}
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cmd =
        java
            + " -cp "
            + System.getProperty("java.class.path")
            + " io.andon.cli.AndonCli run --home "
            + tmp.resolve("home")
            + " "
            + job;
    Process p =
        new ProcessBuilder("/usr/bin/script", "-qec", cmd, "/dev/null")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    int last = out.lastIndexOf("\033[K[");
    assertThat(last).as(out).isPositive();
    assertThat(out.substring(last + 3)).as(out).startsWith("[7/7]");
  }
}
