package io.andon.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobLoaderTest {
  static final Path FIXTURES = Path.of("src/test/resources/jobs");

  static Stream<Path> valid() throws IOException {
    return list("valid");
  }

  static Stream<Path> invalid() throws IOException {
    return list("invalid");
  }

  private static Stream<Path> list(String dir) throws IOException {
    try (Stream<Path> s = Files.list(FIXTURES.resolve(dir))) {
      return s.filter(p -> p.toString().endsWith(".yml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("valid")
  void validFixtureLoads(Path file) {
    JobSpec job = new JobLoader().load(file, Optional.empty());
    assertThat(job.tasks()).isNotEmpty();
  }

  /** Each invalid fixture names, in "# expect:" lines, the problems it must produce. */
  @ParameterizedTest
  @MethodSource("invalid")
  void invalidFixtureFailsWithTheNamedProblems(Path file) throws IOException {
    List<String> declared =
        Files.readAllLines(file).stream()
            .filter(l -> l.startsWith("# expect: "))
            .map(l -> l.substring(10))
            .toList();
    List<String> expected = declared.isEmpty() ? List.of("is empty") : declared;
    Path relative = Path.of("invalid").resolve(file.getFileName());
    assertThatThrownBy(() -> new JobLoader().load(relativeTo(file), Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              for (String x : expected) {
                assertThat(e.getMessage())
                    .contains(x.replace("invalid/", relative.getParent() + "/"));
              }
            });
  }

  private static Path relativeTo(Path file) {
    return file;
  }

  @Test
  void problemsCarryFileLineAndColumn() {
    Path f = FIXTURES.resolve("invalid/missing-dependency.yml");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              assertThat(e.problems().get(0).file()).isEqualTo(f.toString());
              assertThat(e.problems().get(0).line()).isEqualTo(6);
              assertThat(e.problems().get(0).column()).isEqualTo(5);
            });
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() {
    Path f = FIXTURES.resolve("invalid/unknown-references.yml");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.problems()).hasSize(6));
  }

  /**
   * A task with problems of its own still has a key and dependencies: tasks that depend on it or
   * read its values are not told it does not exist, and its own dependencies, like those of a task
   * whose key is taken, are checked with everything else.
   */
  @Test
  void aTaskWithProblemsStillCountsForTheChecksOfTheWholeJob() {
    Path f = FIXTURES.resolve("invalid/problems-in-several-tasks.yml");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(p -> p.line() + ": " + p.message())
                  .containsExactly(
                      "8: task 'ingest' has nothing to run; give it one of: condition_task, "
                          + "for_each_task, run_job_task, shell_task, alert_task, gate_task, "
                          + "monitor_task, notebook_task, python_wheel_task, spark_python_task, tdg_task.",
                      "9: unknown key 'shel_task' in a task. Did you mean 'shell_task'?",
                      "13: task 'report' depends on 'sumary', which is not a task of this job. Did you"
                          + " mean 'summary'?",
                      "15: task 'report': spark_jar_task runs only in a Databricks workspace, so andon"
                          + " cannot run it here. Replace it with a shell_task (for example `command:"
                          + " python my_notebook.py`), or put one beside it, which andon runs instead"
                          + " (in a bundle, a target of its own can add it).",
                      "18: task 'train' depends on 'featurs', which is not a task of this job. Did you"
                          + " mean 'features'?",
                      "18: task_key 'train' is used twice (first at line 10); task keys must be unique.");
            });
  }

  /** A shell_task beside a workspace payload is its local stand-in; two local ones are not. */
  @Test
  void healthRulesAreReadIntoTheJobAndItsTasksAsTypedRules(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("job.yml");
    Files.writeString(
        f,
        """
        name: timed
        health: {rules: [{metric: RUN_DURATION_SECONDS, op: GREATER_THAN, value: 1800}]}
        tasks:
          - task_key: train
            shell_task: {command: 'true'}
            health: {rules: [{metric: RUN_DURATION_SECONDS, op: GREATER_THAN, value: 60}]}
          - task_key: report
            shell_task: {command: 'true'}
        """);
    JobSpec job = new JobLoader().load(f, Optional.empty());
    assertThat(job.health().rules())
        .containsExactly(
            new HealthRules.Rule(
                HealthRules.Metric.RUN_DURATION_SECONDS, HealthRules.Op.GREATER_THAN, 1800));
    assertThat(job.task("train").orElseThrow().health().runDurationSeconds()).hasValue(60);
    assertThat(job.task("report").orElseThrow().health()).isEqualTo(HealthRules.NONE);
    assertThat(job.extras()).doesNotContainKey("health");
  }

  @Test
  void aLocalPayloadBesideAWorkspaceOneRunsInItsPlace(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("job.yml");
    Files.writeString(
        f,
        """
        name: standin
        tasks:
          - task_key: a
            notebook_task: {notebook_path: /Shared/a}
            spark_python_task: {python_file: a.py}
            shell_task: {command: echo a}
        """);
    JobSpec job = new JobLoader().load(f, Optional.empty());
    assertThat(((ShellTask) job.tasks().get(0).payload()).command()).isEqualTo("echo a");
    Files.writeString(
        f,
        Files.readString(f) + "    condition_task: {left: '1', op: EQUAL_TO," + " right: '1'}\n");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.empty()))
        .hasMessageContaining(
            "task 'a' has several payloads (notebook_task, spark_python_task,"
                + " shell_task, condition_task); a task has exactly one, or one that andon runs"
                + " beside ones that only a Databricks workspace runs.");
  }

  @Test
  void bundleWithSeveralJobsNeedsJobKey(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("bundle.yml");
    Files.writeString(
        f,
        """
        resources:
          jobs:
            first: {name: one, tasks: [{task_key: a, shell_task: {command: 'true'}}]}
            second: {name: two, tasks: [{task_key: b, shell_task: {command: 'true'}}]}
        """);
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.empty()))
        .hasMessageContaining("holds several jobs (first, second); pick one with --job KEY");
    assertThat(new JobLoader().load(f, Optional.of("second")).name()).isEqualTo("two");
    assertThat(new JobLoader().load(f, Optional.of("second")).jobKey()).contains("second");
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.of("secnd")))
        .hasMessageContaining("Did you mean 'second'?");
  }

  @Test
  void bareJobRefusesJobKey() {
    assertThatThrownBy(
            () -> new JobLoader().load(FIXTURES.resolve("valid/bare-job.yml"), Optional.of("x")))
        .hasMessageContaining("holds a single job, not a bundle");
  }

  @Test
  void missingBinaryAndDirectoryFilesAreRefusedClearly(@TempDir Path tmp) throws IOException {
    assertThatThrownBy(() -> new JobLoader().load(tmp.resolve("nope.yml"), Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
    Path bin = tmp.resolve("model.bin");
    Files.write(bin, new byte[] {1, 0, 2, 3});
    assertThatThrownBy(() -> new JobLoader().load(bin, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("binary file");
    assertThatThrownBy(() -> new JobLoader().load(tmp, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is a directory");
    Path latin1 = tmp.resolve("latin1.yml");
    Files.write(latin1, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xe9});
    assertThatThrownBy(() -> new JobLoader().load(latin1, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not UTF-8");
  }

  @Test
  void hugeFilesAreRefusedBeforeParsing(@TempDir Path tmp) throws IOException {
    Path big = tmp.resolve("big.yml");
    try (var ch =
        java.nio.channels.FileChannel.open(
            big, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap(new byte[] {'#'}), 65L * 1024 * 1024);
    }
    assertThatThrownBy(() -> new JobLoader().load(big, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("at most 64 MiB");
  }

  @Test
  void aLongTaskListReadOnTwoThreadsKeepsItsOrderAndEveryProblemInFileOrder(@TempDir Path tmp)
      throws IOException {
    int n = JobReader.PARALLEL_TASKS + 400;
    StringBuilder ok = new StringBuilder("name: long\ntasks:\n");
    for (int i = 0; i < n; i++) {
      ok.append("  - task_key: t").append(i).append('\n');
      if (i > 0) {
        ok.append("    depends_on: [{task_key: t").append(i - 1).append("}]\n");
      }
      ok.append("    shell_task: {command: 'true'}\n");
    }
    JobSpec job =
        new JobLoader().load(Files.writeString(tmp.resolve("ok.yml"), ok), Optional.empty());
    assertThat(job.tasks()).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(job.tasks().get(i).taskKey()).isEqualTo("t" + i);
    }
    assertThat(job.tasks().get(n - 1).dependsOn().get(0).taskKey()).isEqualTo("t" + (n - 2));

    // problems in both halves, and a task key of the first half used again in the second
    String bad =
        ok.toString()
            .replace("  - task_key: t10\n", "  - task_key: t10\n    bogus: 1\n")
            .replace(
                "  - task_key: t" + (n / 2 + 5) + "\n",
                "  - task_key: t" + (n / 2 + 5) + "\n    run_if: SOMETIMES\n")
            .replace("  - task_key: t" + (n - 3) + "\n", "  - task_key: t5\n")
            .replace("  - task_key: t12\n", "  - task_key: 't 12'\n");
    Path f = Files.writeString(tmp.resolve("bad.yml"), bad);
    List<String> lines = bad.lines().toList();
    int bogus = lines.indexOf("    bogus: 1") + 1;
    int runIf = lines.indexOf("    run_if: SOMETIMES") + 1;
    int dup = lines.lastIndexOf("  - task_key: t5") + 1;
    int space = lines.indexOf("  - task_key: 't 12'") + 1;
    assertThatThrownBy(() -> new JobLoader().load(f, Optional.empty()))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> {
              List<String> problems =
                  e.getMessage().lines().filter(l -> l.contains("bad.yml:")).toList();
              assertThat(problems).hasSize(6);
              assertThat(problems.get(0))
                  .contains(":" + bogus + ":")
                  .contains("unknown key 'bogus'");
              assertThat(problems.get(1)).contains(":" + space + ":").contains("may hold only");
              assertThat(problems.get(2)).contains("task 't13' depends on 't12'");
              assertThat(problems.get(3)).contains(":" + runIf + ":").contains("SOMETIMES");
              assertThat(problems.get(4)).contains(":" + dup + ":").contains("used twice");
              // the tasks after the renamed ones depended on them
              assertThat(problems.get(5)).contains("depends on 't" + (n - 3) + "'");
            });
  }

  @Test
  void tenThousandTaskJobLoads(@TempDir Path tmp) throws IOException {
    StringBuilder sb = new StringBuilder("name: big\ntasks:\n");
    for (int i = 0; i < 10_000; i++) {
      sb.append("  - task_key: t").append(i).append('\n');
      if (i >= 100) {
        int prev = i - 100 - i % 100;
        sb.append("    depends_on: [{task_key: t")
            .append(prev + i % 100)
            .append("}, {task_key: t")
            .append(prev + (i + 1) % 100)
            .append("}]\n");
      }
      sb.append("    shell_task: {command: 'true'}\n");
    }
    Path f = tmp.resolve("big.yml");
    Files.writeString(f, sb);
    assertThat(new JobLoader().load(f, Optional.empty()).tasks()).hasSize(10_000);
  }

  @Test
  void referencesAreFoundWithBackticksAndMalformedBracesStayLiteral() {
    List<Reference> refs =
        Reference.findAll(
            "a {{tasks.`my task`.values.x}} b {{ job.run_id }} {{ broken {{job.name}}");
    assertThat(refs)
        .extracting(Reference::path)
        .containsExactly(
            List.of("tasks", "my task", "values", "x"),
            List.of("job", "run_id"),
            List.of("job", "name"));
    assertThat(Reference.substitute("x {{job.name}} {{other.thing}} {{", r -> "N"))
        .isEqualTo("x N {{other.thing}} {{");
  }

  @Test
  void aScheduleIsReadIntoTheJobAndNotNoticedAsIgnored() {
    JobSpec job = new JobLoader().load(FIXTURES.resolve("valid/bare-job.yml"), Optional.empty());
    assertThat(job.trigger()).containsInstanceOf(io.andon.schedule.CronSchedule.class);
    io.andon.schedule.CronSchedule s = (io.andon.schedule.CronSchedule) job.trigger().get();
    assertThat(s.cron().text()).isEqualTo("0 0 2 * * ?");
    assertThat(s.pauseStatus()).isEqualTo(io.andon.schedule.PauseStatus.UNPAUSED);
    assertThat(job.notices()).noneMatch(n -> n.message().contains("schedule"));
  }

  @Test
  void aFileArrivalTriggerIsReadWithItsUrlTimesAndPauseStatus() {
    JobSpec job =
        new JobLoader().load(FIXTURES.resolve("valid/trigger-file-arrival.yml"), Optional.empty());
    assertThat(job.trigger())
        .contains(
            new io.andon.schedule.FileArrivalTrigger(
                "*.yml",
                java.time.Duration.ofSeconds(300),
                java.time.Duration.ofSeconds(60),
                io.andon.schedule.PauseStatus.PAUSED));
    JobSpec plain = new JobLoader().load(FIXTURES.resolve("valid/bundle.yml"), Optional.empty());
    assertThat(plain.trigger()).isEmpty();
  }
}
