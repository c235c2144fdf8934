package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's problems are all reported at once, whatever kind the first one is. */
class EveryProblemAtOnceTest {
  @TempDir Path tmp;

  @Test
  void anUnquotedComparatorIsReportedWithTheOtherProblemsOfTheGatesFile() throws Exception {
    Path gates =
        Files.writeString(
            tmp.resolve("gates.yml"),
            """
        gates:
          - name: g
            checks:
              - name: a
                metric: accuracy
                comparator: >=
                threshold: 0.9
              - name: b
                metric: latency
                comparater: "<="
                threshold: 100
        """);
    Cli c =
        Cli.run(
            "gate",
            gates.toString(),
            "--home",
            tmp.resolve("h").toString(),
            "--metric",
            "accuracy=1");
    assertThat(c.exit).isEqualTo(2);
    assertThat(c.err)
        .contains(
            "(3 problems)",
            "gates.yml:6:21: comparator >= must be quoted",
            "gates.yml:10:9: unknown key 'comparater'");
  }

  @Test
  void aCycleIsReportedTogetherWithTheOtherProblemsOfTheJob() throws Exception {
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        name: cyc
        tasks:
          - {task_key: a, depends_on: [{task_key: b}], shell_task: {command: 'true'}}
          - {task_key: b, depends_on: [{task_key: a}], shell_task: {command: 'true'}}
          - {task_key: c, depends_on: [{task_key: nope}], shell_task: {command: 'true'}}
        """);
    Cli c = Cli.run("validate", job.toString());
    assertThat(c.exit).isEqualTo(2);
    assertThat(c.err).contains("the tasks form a cycle: a -> b -> a", "task 'c' depends on 'nope'");
  }
}
