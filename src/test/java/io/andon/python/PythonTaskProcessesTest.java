package io.andon.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Python task's processes end with it, as a shell task's do. */
class PythonTaskProcessesTest {
  @TempDir Path tmp;

  @Test
  void aProcessAPythonTaskLeftInTheBackgroundEndsWithTheTask() throws Exception {
    Files.writeString(
        tmp.resolve("spawn.py"),
        """
        import pathlib, subprocess
        child = subprocess.Popen(["sleep", "60"])
        pathlib.Path("child.pid").write_text(str(child.pid))
        """);
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: background
        tasks:
          - task_key: spawn
            spark_python_task: {python_file: spawn.py}
        """);
    AndonProcess.Result r =
        AndonProcess.run(
            Map.of(),
            "run",
            "--home",
            tmp.resolve("home").toString(),
            tmp.resolve("job.yml").toString());
    assertThat(r.exit()).as(r.out()).isZero();
    long pid = Long.parseLong(Files.readString(tmp.resolve("child.pid")).strip());
    try {
      boolean alive = true;
      for (int i = 0; i < 100 && alive; i++) {
        alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        Thread.sleep(20);
      }
      assertThat(alive).as("the task's background process " + pid + " is still running").isFalse();
    } finally {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
    }
  }
}
