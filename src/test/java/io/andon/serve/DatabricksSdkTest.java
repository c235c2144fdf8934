package io.andon.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksError;
import com.databricks.sdk.service.jobs.BaseJob;
import com.databricks.sdk.service.jobs.ListJobsRequest;
import com.databricks.sdk.service.jobs.ListRunsRequest;
import com.databricks.sdk.service.jobs.RepairRun;
import com.databricks.sdk.service.jobs.Run;
import com.databricks.sdk.service.jobs.RunLifeCycleState;
import com.databricks.sdk.service.jobs.RunNow;
import com.databricks.sdk.service.jobs.RunOutput;
import com.databricks.sdk.service.jobs.RunResultState;
import com.databricks.sdk.service.jobs.RunTask;
import com.databricks.sdk.service.jobs.TriggerType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Databricks SDK for Java, a client no one here wrote, drives a real service as it drives a
 * workspace: PAT auth with the service's URL and token, its own waiters.
 */
class DatabricksSdkTest {
  @TempDir Path tmp;

  private static WorkspaceClient client(Served s) {
    return new WorkspaceClient(
        new DatabricksConfig().setHost(s.service.url()).setToken(Served.TOKEN).setAuthType("pat"));
  }

  private long jobId(WorkspaceClient w, String name) {
    for (BaseJob j : w.jobs().list(new ListJobsRequest().setName(name))) {
      return j.getJobId();
    }
    throw new AssertionError("no job " + name);
  }

  @Test
  void theSdkListsJobsRunsOneWithParametersWaitsForItAndReadsItsOutput() throws Exception {
    Served.job(
        tmp,
        "greet.yml",
        Served.shellJob(
            "greet",
            "parameters: [{name: greeting, default: hi}]\n",
            """
          - task_key: say
            shell_task: {command: "echo said {{job.parameters.greeting}}"}
          - task_key: after
            depends_on: [{task_key: say}]
            shell_task: {command: "true"}
        """));
    Served.job(
        tmp,
        "other.yml",
        Served.shellJob(
            "other",
            "",
            """
          - task_key: t
            shell_task: {command: "true"}
        """));
    try (Served s = Served.of(tmp, "greet.yml", "other.yml")) {
      WorkspaceClient w = client(s);
      List<String> names = new ArrayList<>();
      w.jobs()
          .list(new ListJobsRequest().setLimit(1L))
          .forEach(j -> names.add(j.getSettings().getName()));
      assertThat(names).containsExactlyInAnyOrder("greet", "other"); // two pages of one

      Run run =
          w.jobs()
              .runNow(
                  new RunNow()
                      .setJobId(jobId(w, "greet"))
                      .setJobParameters(Map.of("greeting", "hello")))
              .get(Duration.ofMinutes(2));

      assertThat(run.getState().getLifeCycleState()).isEqualTo(RunLifeCycleState.TERMINATED);
      assertThat(run.getState().getResultState()).isEqualTo(RunResultState.SUCCESS);
      assertThat(run.getTrigger()).isEqualTo(TriggerType.ONE_TIME);
      assertThat(run.getJobParameters().iterator().next().getValue()).isEqualTo("hello");
      RunTask say = run.getTasks().iterator().next();
      assertThat(say.getTaskKey()).isEqualTo("say");
      assertThat(say.getEndTime()).isGreaterThanOrEqualTo(say.getStartTime());
      RunOutput output = w.jobs().getRunOutput(say.getRunId());
      assertThat(output.getLogs()).contains("said hello");
      assertThat(output.getMetadata().getRunId()).isEqualTo(say.getRunId());
      assertThat(w.jobs().listRuns(new ListRunsRequest().setJobId(run.getJobId())))
          .extracting(com.databricks.sdk.service.jobs.BaseRun::getRunId)
          .containsExactly(run.getRunId());
    }
  }

  @Test
  void theSdkCancelsARunAndRepairsAFailedOne() throws Exception {
    Served.job(
        tmp,
        "slow.yml",
        Served.shellJob(
            "slow",
            "",
            """
          - task_key: wait
            shell_task: {command: "sleep 60"}
        """));
    Served.job(
        tmp,
        "flaky.yml",
        Served.shellJob(
            "flaky",
            "",
            """
          - task_key: check
            shell_task: {command: "test -f fixed"}
        """));
    try (Served s = Served.of(tmp, "slow.yml", "flaky.yml")) {
      WorkspaceClient w = client(s);
      long slow = w.jobs().runNow(new RunNow().setJobId(jobId(w, "slow"))).getResponse().getRunId();
      Run canceled = w.jobs().cancelRun(slow).get(Duration.ofMinutes(1));
      assertThat(canceled.getState().getResultState()).isEqualTo(RunResultState.CANCELED);

      Run failed =
          w.jobs().runNow(new RunNow().setJobId(jobId(w, "flaky"))).get(Duration.ofMinutes(1));
      assertThat(failed.getState().getResultState()).isEqualTo(RunResultState.FAILED);
      Files.writeString(tmp.resolve("fixed"), "");
      Run repaired =
          w.jobs()
              .repairRun(new RepairRun().setRunId(failed.getRunId()).setRerunAllFailedTasks(true))
              .get(Duration.ofMinutes(1));
      assertThat(repaired.getState().getResultState()).isEqualTo(RunResultState.SUCCESS);
      assertThat(repaired.getRepairHistory()).hasSize(2);

      assertThatThrownBy(() -> w.jobs().get(404L))
          .isInstanceOf(DatabricksError.class)
          .satisfies(
              e ->
                  assertThat(((DatabricksError) e).getErrorCode())
                      .isEqualTo("RESOURCE_DOES_NOT_EXIST"));
    }
  }

  @Test
  void theSdkWithAWrongTokenIsTurnedAway() throws Exception {
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
    try (Served s = Served.of(tmp, "job.yml")) {
      WorkspaceClient w =
          new WorkspaceClient(
              new DatabricksConfig()
                  .setHost(s.service.url())
                  .setToken("not-the-token")
                  .setAuthType("pat"));
      assertThatThrownBy(() -> w.jobs().runNow(new RunNow().setJobId(1L)))
          .isInstanceOf(DatabricksError.class)
          .satisfies(e -> assertThat(((DatabricksError) e).getStatusCode()).isEqualTo(401));
    }
  }
}
