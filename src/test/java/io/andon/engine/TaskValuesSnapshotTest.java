package io.andon.engine;

import static io.andon.engine.JobHarness.result;
import static io.andon.engine.JobHarness.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.andon.job.PayloadType;
import io.andon.store.RunRecord;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A payload running on a worker reads the task values of its run as they were at its start. The
 * payload, {@link ValuesProbe}, is found as a plugin would be, through a class loader that lists it
 * in its {@code META-INF/services} for this test only.
 */
class TaskValuesSnapshotTest {
  @TempDir Path tmp;
  JobHarness h;
  ClassLoader before;
  URLClassLoader plugins;

  @BeforeEach
  void open() throws Exception {
    Path services = tmp.resolve("plugin/META-INF/services");
    Files.createDirectories(services);
    for (Class<?> c : List.of(PayloadType.class, PayloadRunner.class)) {
      Files.writeString(services.resolve(c.getName()), ValuesProbe.class.getName() + "\n");
    }
    before = Thread.currentThread().getContextClassLoader();
    plugins = new URLClassLoader(new URL[] {tmp.resolve("plugin").toUri().toURL()}, before);
    Thread.currentThread().setContextClassLoader(plugins);
    h = new JobHarness(tmp);
  }

  @AfterEach
  void close() throws Exception {
    Thread.currentThread().setContextClassLoader(before);
    plugins.close();
    h.close();
  }

  @Test
  void aPayloadSeesTheValuesOfTheTasksThatHadFinishedWhenItStartedAndNoLaterOnes() {
    RunRecord r =
        h.run(
            """
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
    StringBuilder yaml =
        new StringBuilder(
            """
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
    yaml.append(
        """
            shell_task: {command: 'true'}
        """);
    for (int i = 0; i < 150; i++) {
      yaml.append("  - task_key: t")
          .append(i)
          .append('\n')
          .append("    depends_on: [{task_key: a}]\n")
          .append("    shell_task: {command: 'echo v=")
          .append(i)
          .append(" > \"$ANDON_TASK_VALUES\"'}\n");
    }
    RunRecord r = h.run(yaml.toString());
    assertThat(result(r, "probe")).isEqualTo("SUCCESS");
    assertThat(result(r, "last")).isEqualTo("SUCCESS");
    assertThat(task(r, "probe").values().get("views").asInt()).isEqualTo(1);
    assertThat(task(r, "probe").values().get("last").toString()).isEqualTo("[\"a\"]");
  }
}
