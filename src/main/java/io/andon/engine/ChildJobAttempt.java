package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.JobSpec;
import io.andon.job.ResultState;
import io.andon.job.RunJobTask;
import io.andon.job.TriggerInfo;
import io.andon.job.TriggerType;
import io.andon.util.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** An attempt of a run_job_task: the child job runs as a run of its own, on this worker. */
final class ChildJobAttempt {
  private ChildJobAttempt() {}

  static AttemptResult run(AttemptEnv env, AttemptView a, RunJobTask rj, Resolver r)
      throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    try {
      rj.jobParameters().forEach((k, v) -> params.put(k, r.resolve(v)));
    } catch (IllegalStateException e) {
      return AttemptResult.of(ResultState.FAILED, e.getMessage());
    }
    Executor child = env.child();
    a.live().childStarted(child);
    JobSpec job = rj.job();
    Executor.Outcome out =
        child.run(
            RunRequest.of(job, params)
                .triggeredBy(
                    TriggerInfo.of(TriggerType.RUN_JOB_TASK, env.timers.clock().instant())));
    a.live().childEnded();
    String m =
        "child run "
            + out.runId()
            + " of job "
            + job.name()
            + " ended "
            + out.result()
            + (out.message().isEmpty() ? "" : " (" + out.message() + ")");
    AttemptLogs.write(a.log(), m + "\n");
    Map<String, JsonNode> values = new LinkedHashMap<>();
    values.put("run_id", Json.mapper().getNodeFactory().numberNode(out.runId()));
    values.put("result_state", Json.mapper().getNodeFactory().textNode(out.result().name()));
    if (out.result().countsAsSuccess()) {
      return new AttemptResult(ResultState.SUCCESS, null, m, values);
    }
    ResultState res =
        out.result() == ResultState.CANCELED
            ? ResultState.CANCELED
            : out.result() == ResultState.TIMEDOUT ? ResultState.TIMEDOUT : ResultState.FAILED;
    return new AttemptResult(res, null, m, values);
  }
}
