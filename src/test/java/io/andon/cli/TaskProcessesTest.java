package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a task starts never outlives what andon promises: its own end, or a killed andon. */
class TaskProcessesTest {
  @TempDir Path tmp;

  private String homeMark() {
    return "ANDON_HOME=" + tmp.resolve("home").toAbsolutePath();
  }

  @AfterEach
  void killLeftovers() {
    AndonProcess.withEnvironment(homeMark())
        .forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void andonKilledJustAfterTasksStartLeavesNoTaskProcessBehindOnceRecovered() throws Exception {
    StringBuilder job = new StringBuilder("name: burst\ntasks:\n");
    for (int i = 0; i < 8; i++) {
      job.append("  - task_key: t")
          .append(i)
          .append(
              "\n    shell_task: {command: 'sleep 60 &"
                  + " touch started-$ANDON_TASK_KEY; sleep 60'}\n");
    }
    Files.writeString(tmp.resolve("job.yml"), job);
    String home = tmp.resolve("home").toString();
    Process p =
        AndonProcess.start(tmp, "andon", "run", "--home", home, "--max-parallel", "8", "job.yml");
    for (int i = 0; i < 6000 && !started(); i++) {
      Thread.sleep(5);
    }
    assertThat(started()).as("a task started").isTrue();
    p.destroyForcibly(); // SIGKILL right after the first task started, before any pid is stored
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(300); // tasks that were being spawned are running now
    assertThat(AndonProcess.withEnvironment(homeMark()))
        .as("tasks outlive the killed andon")
        .isNotEmpty();

    assertRecoveryLeavesNoTaskProcess(home);
  }

  @Test
  void aPythonTaskOfAKilledAndonIsKilledByRecovery() throws Exception {
    Files.writeString(
        tmp.resolve("work.py"),
        """
        import pathlib, time
        pathlib.Path("started-py").touch()
        time.sleep(60)
        """);
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: python-burst
        tasks:
          - task_key: py
            spark_python_task: {python_file: work.py}
        """);
    String home = tmp.resolve("home").toString();
    Process p = AndonProcess.start(tmp, "andon", "run", "--home", home, "job.yml");
    for (int i = 0; i < 6000 && !started(); i++) {
      Thread.sleep(5);
    }
    assertThat(started())
        .as("the Python task started: " + Files.readString(tmp.resolve("andon.err")))
        .isTrue();
    p.destroyForcibly();
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(AndonProcess.withEnvironment(homeMark()))
        .as("the task outlives the killed andon")
        .isNotEmpty();

    assertRecoveryLeavesNoTaskProcess(home);
  }

  @Test
  void tasksDoNotSeeTheVariablesThatHoldNotificationSecrets() throws Exception {
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: secrets
        destinations:
          ops: {type: webhook, url_env: OPS_URL, secret_env: OPS_SECRET}
        tasks:
          - task_key: t
            shell_task: {command: 'echo "${OPS_SECRET:-unset} ${OPS_URL:-unset} $OTHER" > seen.txt'}
        """);
    Process p =
        AndonProcess.start(
            tmp,
            "andon",
            java.util.Map.of(
                "OPS_SECRET",
                "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3",
                "OPS_URL",
                "http://127.0.0.1:9/hook",
                "OTHER",
                "kept"),
            "run",
            "--home",
            tmp.resolve("home").toString(),
            "job.yml");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("andon.err"))).isZero();
    assertThat(Files.readString(tmp.resolve("seen.txt")).strip()).isEqualTo("unset unset kept");
  }

  /** The next command on {@code home} recovers the killed run and kills what it left. */
  private void assertRecoveryLeavesNoTaskProcess(String home) throws Exception {
    Cli shown = Cli.run("runs", "show", "--home", home, "1");
    assertThat(shown.exit).as(shown.toString()).isZero();
    List<Long> left = AndonProcess.withEnvironment(homeMark());
    for (int i = 0; i < 100 && !left.isEmpty(); i++) {
      Thread.sleep(50);
      left = AndonProcess.withEnvironment(homeMark());
    }
    assertThat(left).as("task processes left after recovery").isEmpty();
  }

  private boolean started() throws Exception {
    try (var names = Files.list(tmp)) {
      return names.anyMatch(n -> n.getFileName().toString().startsWith("started-"));
    }
  }
}
