package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.PayloadType;
import io.andon.store.Store;
import io.andon.tdg.task.TdgTaskPayload;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YamlReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TdgTaskTest {
  @TempDir Path tmp;

  /** The context the engine gives a task attempt, reduced to what a tdg_task uses. */
  final class Context implements TaskContext {
    final Map<String, JsonNode> values = new HashMap<>();
    final ByteArrayOutputStream log = new ByteArrayOutputStream();
    final Path base;

    Context(Path base) {
      this.base = base;
    }

    @Override
    public long runId() {
      return 1;
    }

    @Override
    public String jobName() {
      return "grade";
    }

    @Override
    public String taskKey() {
      return "tdg";
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public Path baseDir() {
      return base;
    }

    @Override
    public Path home() {
      return tmp.resolve("home");
    }

    @Override
    public Store store() {
      throw new UnsupportedOperationException("tdg_task does not use the store");
    }

    @Override
    public String resolve(String template) {
      return template.replace("{{job.parameters.project}}", "calc");
    }

    @Override
    public Map<String, Map<String, JsonNode>> taskValues() {
      return Map.of();
    }

    @Override
    public void putValue(String name, JsonNode value) {
      values.put(name, value);
    }

    @Override
    public PrintStream log() {
      return new PrintStream(log, true, StandardCharsets.UTF_8);
    }

    @Override
    public boolean cancelled() {
      return false;
    }
  }

  private static PayloadType type() {
    return ServiceLoader.load(PayloadType.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(t -> t.key().equals("tdg_task"))
        .findFirst()
        .orElseThrow();
  }

  private static PayloadRunner runner() {
    return ServiceLoader.load(PayloadRunner.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(t -> t.key().equals("tdg_task"))
        .findFirst()
        .orElseThrow();
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
    Context ctx = new Context(tmp);
    TaskOutcome outcome = runner().run(p, ctx);
    assertThat(outcome.success()).isTrue();
    assertThat(outcome.message()).isEqualTo("TDG C 79.8/100");
    assertThat(ctx.values.get("score").asDouble()).isEqualTo(79.8);
    assertThat(ctx.values.get("grade").asText()).isEqualTo("C");
    assertThat(ctx.values.get("components").path("security").path("status").asText())
        .isEqualTo("NOT_MEASURED");
    assertThat(ctx.values.get("not_measured").toString()).isEqualTo("[\"coverage\",\"security\"]");
    JsonNode worst = ctx.values.get("worst_files");
    assertThat(worst.size()).isBetween(1, 10);
    assertThat(worst.get(0).path("score").asDouble())
        .isLessThanOrEqualTo(worst.get(worst.size() - 1).path("score").asDouble());
    assertThat(worst.get(0).path("path").asText()).isNotEmpty();
    assertThat(Files.readString(tmp.resolve("out/tdg.json"))).contains("\"grade\" : \"C\"");
    assertThat(ctx.log.toString(StandardCharsets.UTF_8)).contains("TDG C");
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
    TaskOutcome outcome = runner().run(p, new Context(tmp));
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
