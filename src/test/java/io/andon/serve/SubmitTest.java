package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code andon run FILE --submit} and {@code ANDON_URL}: the run goes to the service. */
class SubmitTest {
  @TempDir Path tmp;

  private int run(String name, Map<String, String> env, String... args) throws Exception {
    Process p = ServeProcess.start(tmp, name, List.of(), env, args);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private String out(String name) throws Exception {
    return Files.readString(tmp.resolve(name + ".out"))
        + Files.readString(tmp.resolve(name + ".err"));
  }

  @Test
  void submitRunsTheJobOnTheServiceOfTheHomeAndFollowsItToItsResult() throws Exception {
    Served.job(
        tmp,
        "greet.yml",
        Served.shellJob(
            "greet",
            "parameters: [{name: greeting, default: hi}]\n",
            """
          - task_key: say
            shell_task: {command: "echo {{job.parameters.greeting}}; test {{job.parameters.greeting}} != no"}
        """));
    try (Served s = Served.of(tmp, "greet.yml")) {
      int exit =
          run(
              "ok",
              Map.of(),
              "run",
              "greet.yml",
              "--submit",
              "--home",
              s.home.toString(),
              "--param",
              "greeting=hello");
      assertThat(exit).as(out("ok")).isZero();
      assertThat(out("ok"))
          .contains("submitted to " + s.service.url() + ": run 1")
          .contains("say")
          .contains("run 1  job greet  SUCCESS");
      assertThat(
              s.get("/api/2.2/jobs/runs/get?run_id=1")
                  .body()
                  .at("/job_parameters/0/value")
                  .asText())
          .isEqualTo("hello");

      int failed =
          run(
              "no",
              Map.of("ANDON_URL", s.service.url()),
              "run",
              "greet.yml",
              "--home",
              tmp.resolve("elsewhere").toString(),
              "--param",
              "greeting=no");
      assertThat(failed).as(out("no")).isEqualTo(1);
      assertThat(out("no")).contains("run 2  job greet  FAILED");
      assertThat(s.get("/api/2.2/jobs/runs/list").body().get("runs")).hasSize(2);
      assertThat(Files.exists(tmp.resolve("elsewhere"))).isFalse();
    }
  }

  @Test
  void withoutAServiceSubmitRunsTheJobHereAsBefore() throws Exception {
    Served.job(
        tmp,
        "job.yml",
        Served.shellJob(
            "job",
            "",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
    int exit =
        run(
            "here",
            Map.of(),
            "run",
            "job.yml",
            "--submit",
            "--home",
            tmp.resolve("home").toString());
    assertThat(exit).as(out("here")).isZero();
    assertThat(out("here"))
        .contains("no andon serve answers for")
        .contains("running the job" + " here")
        .contains("run 1  job job  SUCCESS");
  }
}
