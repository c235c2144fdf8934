package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.RecordingContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.PayloadType;
import io.andon.tdg.task.TdgTaskPayload;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdgTaskTest {
  @TempDir Path tmp;

  /** The context the engine gives a tdg_task attempt, {@code {{job.parameters.project}}} calc. */
  private RecordingContext context() {
    return new RecordingContext(
        1,
        "grade",
        "tdg",
        tmp,
        tmp.resolve("home"),
        Optional.empty(),
        Map.of("{{job.parameters.project}}", "calc"));
  }

  private static PayloadType type() {
    return RecordingContext.type("tdg_task");
  }

  private static PayloadRunner runner() {
    return RecordingContext.runner("tdg_task");
  }

  private TdgTaskPayload parse(String yaml, Problems problems) {
    YMap body = (YMap) YamlReader.parse("job.yml", yaml.getBytes(StandardCharsets.UTF_8));
    return (TdgTaskPayload) type().parse(body, problems, tmp).orElse(null);
  }

  @Test
  void aTdgTaskGradesTheProjectAndPublishesTaskValues() throws Exception {
    TdgGradingTest.project(Files.createDirectories(tmp.resolve("calc")));
    Problems problems = new Problems();
    TdgTaskPayload p =
        parse(
            "path: '{{job.parameters.project}}'\nmin_grade: C\n" + "output: out/tdg.json\n",
            problems);
    assertThat(problems.isEmpty()).isTrue();
    assertThat(p.templates()).contains("{{job.parameters.project}}");
    RecordingContext ctx = context();
    TaskOutcome outcome = runner().run(p, ctx);
    assertThat(outcome.success()).isTrue();
    assertThat(outcome.message()).isEqualTo("TDG C 79.8/100");
    assertThat(ctx.values().get("score").asDouble()).isEqualTo(79.8);
    assertThat(ctx.values().get("grade").asText()).isEqualTo("C");
    assertThat(ctx.values().get("components").path("security").path("status").asText())
        .isEqualTo("NOT_MEASURED");
    assertThat(ctx.values().get("not_measured").toString())
        .isEqualTo("[\"coverage\",\"security\"]");
    JsonNode worst = ctx.values().get("worst_files");
    assertThat(worst.size()).isBetween(1, 10);
    assertThat(worst.get(0).path("score").asDouble())
        .isLessThanOrEqualTo(worst.get(worst.size() - 1).path("score").asDouble());
    assertThat(worst.get(0).path("path").asText()).isNotEmpty();
    assertThat(Files.readString(tmp.resolve("out/tdg.json"))).contains("\"grade\" : \"C\"");
    assertThat(ctx.logged()).contains("TDG C");
  }

  @Test
  void aTdgTaskRunsInsideAJobAndLaterTasksReadItsValues() throws IOException {
    TdgGradingTest.project(Files.createDirectories(tmp.resolve("calc")));
    Path job =
        Files.writeString(
            tmp.resolve("job.yml"),
            """
        resources:
          jobs:
            grade:
              name: grade
              tasks:
                - task_key: grade
                  tdg_task:
                    path: calc
                    min_grade: C
                - task_key: show
                  depends_on: [{task_key: grade}]
                  shell_task:
                    command: echo "grade={{tasks.grade.values.grade}}"
        """);
    java.io.StringWriter out = new java.io.StringWriter();
    picocli.CommandLine cl = io.andon.cli.AndonCli.commandLine();
    cl.setOut(new java.io.PrintWriter(out));
    cl.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    int code = cl.execute("run", job.toString(), "--home", tmp.resolve("home").toString());
    assertThat(code).as(out.toString()).isZero();
    assertThat(out.toString()).contains("TDG C 79.8/100");
    java.io.StringWriter logs = new java.io.StringWriter();
    picocli.CommandLine cl2 = io.andon.cli.AndonCli.commandLine();
    cl2.setOut(new java.io.PrintWriter(logs));
    cl2.execute("runs", "logs", "1", "show", "--home", tmp.resolve("home").toString());
    assertThat(logs.toString()).contains("grade=C");
  }

  @Test
  void aTdgTaskFailsBelowItsMinimumGrade() throws Exception {
    TdgGradingTest.project(Files.createDirectories(tmp.resolve("calc")));
    TdgTaskPayload p = parse("path: calc\nmin_grade: A\nrequire_measured: true\n", new Problems());
    TaskOutcome outcome = runner().run(p, context());
    assertThat(outcome.success()).isFalse();
    assertThat(outcome.message())
        .contains("below the minimum A")
        .contains("not measured: coverage, security");
  }

  @Test
  void mistakesInATdgTaskAreReportedWithTheirPosition() throws IOException {
    Problems problems = new Problems();
    TdgTaskPayload p =
        parse("path: calc\nmin_grad: B\nmin_grade: Q\nmax_score_drop: -1\n", problems);
    assertThat(p).isNull();
    assertThat(problems.list())
        .extracting(Object::toString)
        .contains(
            "job.yml:2:1: unknown key 'min_grad' in tdg_task. Did you mean 'min_grade'?",
            "job.yml:4:1: max_score_drop must be 0 or more.",
            "job.yml:4:1: max_score_drop needs 'baseline'.");
    assertThat(problems.list())
        .anyMatch(
            x ->
                x.toString().startsWith("job.yml:3:1")
                    && x.message().contains("'Q' is not a grade"));
  }
}
