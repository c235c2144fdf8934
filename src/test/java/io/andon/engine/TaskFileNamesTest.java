package io.andon.engine;

import static io.andon.engine.JobHarness.result;
import static io.andon.engine.JobHarness.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.andon.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFileNamesTest {
  @TempDir Path tmp;
  JobHarness h;

  @BeforeEach
  void open() {
    h = new JobHarness(tmp);
  }

  @AfterEach
  void close() {
    h.close();
  }

  @Test
  void taskKeysTooLongForAFileNameRunAndKeepTheirLogsAndValuesApart() throws Exception {
    String a = "k".repeat(249) + "a";
    String b = "k".repeat(249) + "b";
    RunRecord r =
        h.run(
            "name: long-keys\ntasks:\n"
                + "  - task_key: "
                + a
                + "\n"
                + "    shell_task: {command: 'echo from-a; echo v=1 > \"$ANDON_TASK_VALUES\"'}\n"
                + "  - task_key: "
                + b
                + "\n"
                + "    shell_task: {command: 'echo from-b; echo v=2 > \"$ANDON_TASK_VALUES\"'}\n"
                + "  - task_key: sum\n"
                + "    depends_on: [{task_key: "
                + a
                + "}, {task_key: "
                + b
                + "}]\n"
                + "    shell_task: {command: 'test {{tasks."
                + a
                + ".values.v}}{{tasks."
                + b
                + ".values.v}} = 12'}\n");
    assertThat(result(r, a)).isEqualTo("SUCCESS");
    assertThat(result(r, b)).isEqualTo("SUCCESS");
    assertThat(result(r, "sum")).isEqualTo("SUCCESS");
    assertThat(task(r, a).values().get("v").asInt()).isEqualTo(1);
    Path logs = AttemptLogs.runLogDir(h.store.home(), r.runId());
    try (Stream<Path> files = Files.list(logs)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".log")))
          .hasSize(2)
          .allSatisfy(n -> assertThat(n.length()).isLessThan(130));
    }
    assertThat(Files.readString(logs.resolve(AttemptLogs.fileStem(a) + ".attempt-1.log")))
        .isEqualTo("from-a\n");
    assertThat(Files.readString(logs.resolve(AttemptLogs.fileStem(b) + ".attempt-1.log")))
        .isEqualTo("from-b\n");
  }

  @Test
  void keysUpToDatabricksLimitAreFileNamesAsTheyAre() {
    String longest = "x".repeat(AttemptLogs.KEY_IN_FILE_NAME);
    assertThat(AttemptLogs.fileStem(longest)).isEqualTo(longest);
    assertThat(AttemptLogs.fileStem(longest + "y")).hasSize(97).startsWith("x".repeat(80) + "~");
  }
}
