package io.andon.engine;

import static io.andon.engine.JobHarness.result;
import static io.andon.engine.JobHarness.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.andon.store.RunRecord;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A payload running on a worker reads the task values of its run as they were at its start. */
class TaskValuesSnapshotTest {
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
  void aPayloadSeesTheValuesOfTheTasksThatHadFinishedWhenItStartedAndNoLaterOnes() {
    RunRecord r = h.run("""
        name: snapshot
        tasks:
          - task_key: a
            shell_task: {command: 'echo v=1 > "$ANDON_TASK_VALUES"'}
          - task_key: slow
            shell_task: {command: 'sleep 1; echo v=2 > "$ANDON_TASK_VALUES"'}
          - task_key: probe
            depends_on: [{task_key: a}]
            values_probe_task: {until_finished: slow}
        """);
    assertThat(result(r, "probe")).isEqualTo("SUCCESS");
    assertThat(result(r, "slow")).isEqualTo("SUCCESS");
    assertThat(task(r, "probe").values().get("first").toString()).isEqualTo("[\"a\"]");
    assertThat(task(r, "probe").values().get("last").toString()).isEqualTo("[\"a\"]");
    assertThat(task(r, "probe").values().get("views").asInt()).isEqualTo(1);
  }

  @Test
  void aPayloadReadingValuesWhileManyTasksFinishAlwaysSeesOneConsistentView() {
    StringBuilder yaml = new StringBuilder("""
        name: busy
        tasks:
          - task_key: a
            shell_task: {command: 'echo v=1 > "$ANDON_TASK_VALUES"'}
          - task_key: probe
            depends_on: [{task_key: a}]
            values_probe_task: {until_finished: last}
          - task_key: last
            depends_on:
        """);
    for (int i = 0; i < 150; i++) {
      yaml.append("      - {task_key: t").append(i).append("}\n");
    }
    yaml.append("""
            shell_task: {command: 'true'}
        """);
    for (int i = 0; i < 150; i++) {
      yaml.append("  - task_key: t").append(i).append('\n')
          .append("    depends_on: [{task_key: a}]\n")
          .append("    shell_task: {command: 'echo v=").append(i)
          .append(" > \"$ANDON_TASK_VALUES\"'}\n");
    }
    RunRecord r = h.run(yaml.toString());
    assertThat(result(r, "probe")).isEqualTo("SUCCESS");
    assertThat(result(r, "last")).isEqualTo("SUCCESS");
    assertThat(task(r, "probe").values().get("views").asInt()).isEqualTo(1);
    assertThat(task(r, "probe").values().get("last").toString()).isEqualTo("[\"a\"]");
  }
}
