package io.andon.engine;

import static io.andon.engine.JobHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.andon.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a shell task leaves running in its process group ends with it, unless it says so. */
class BackgroundProcessesTest {
  @TempDir Path tmp;
  JobHarness h;

  @BeforeEach
  void open() {
    h = new JobHarness(tmp);
  }

  @AfterEach
  void close() throws Exception {
    h.close();
    if (Files.exists(tmp.resolve("bg.pid"))) {
      ProcessHandle.of(pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  private long pid() throws Exception {
    return Long.parseLong(Files.readString(tmp.resolve("bg.pid")).strip());
  }

  /**
   * A killed process whose parent is gone stays a zombie until the machine's init reaps it, which a
   * busy one may take seconds to do: it runs no more, so it counts as ended.
   */
  private static boolean zombie(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private boolean alive(long pid) throws Exception {
    for (int i = 0; i < 40; i++) { // a killed process may take a moment to go
      if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) || zombie(pid)) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  @Test
  void aBackgroundGrandchildOfASuccessfulTaskIsKilledWhenTheTaskEnds() throws Exception {
    RunRecord r =
        h.run(
            """
        name: bg
        tasks:
          - task_key: t
            shell_task: {command: 'sleep 41 & echo $! > bg.pid; echo started'}
        """);
    assertThat(result(r, "t")).isEqualTo("SUCCESS");
    assertThat(alive(pid())).as("background sleep after the run").isFalse();
  }

  @Test
  void keepBackgroundProcessesLeavesThemRunning() throws Exception {
    RunRecord r =
        h.run(
            """
        name: bg
        tasks:
          - task_key: t
            shell_task:
              command: 'sleep 41 & echo $! > bg.pid; echo started'
              keep_background_processes: true
        """);
    assertThat(result(r, "t")).isEqualTo("SUCCESS");
    assertThat(ProcessHandle.of(pid()).map(ProcessHandle::isAlive)).contains(true);
  }
}
