package io.andon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.ResultState;
import io.andon.serve.ServiceClient;
import io.andon.util.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code andon run --submit}: starts the run on a service and follows it until it ends, printing
 * each task as it ends; Ctrl-C asks the service to cancel it.
 */
final class SubmittedRun {
  private static final Set<String> ENDED = Set.of("TERMINATED", "SKIPPED", "INTERNAL_ERROR");

  private SubmittedRun() {}

  /** Submits job {@code jobName} and follows its run; the exit code of its result. */
  static int follow(
      ServiceClient client,
      String jobName,
      Map<String, String> params,
      PrintWriter out,
      PrintWriter progress,
      boolean json)
      throws InterruptedException {
    long runId = client.runNow(client.jobId(jobName), params);
    progress.println("submitted to " + client.url() + ": run " + runId + " of job " + jobName);
    progress.flush();
    Signals signals =
        Signals.install(
            () -> {
              System.err.println("\nandon: asking the service to cancel run " + runId);
              client.cancel(runId);
            },
            "INT",
            "TERM");
    JsonNode run;
    Set<String> shown = new HashSet<>();
    try {
      while (true) {
        run = client.run(runId);
        for (JsonNode t : run.path("tasks")) {
          if (ENDED.contains(t.at("/state/life_cycle_state").asText())
              && shown.add(t.get("task_key").asText())) {
            progress.printf(
                "  %-24s %s%n", t.get("task_key").asText(), t.at("/state/result_state").asText());
            progress.flush();
          }
        }
        if (ENDED.contains(run.at("/state/life_cycle_state").asText())) {
          break;
        }
        Thread.sleep(200);
      }
    } finally {
      signals.close();
    }
    String result = run.at("/state/result_state").asText("FAILED");
    if (json) {
      out.println(Json.pretty(run));
    } else {
      long took = run.path("end_time").asLong() - run.path("start_time").asLong();
      out.println(
          "run "
              + runId
              + "  job "
              + jobName
              + "  "
              + result
              + "  took "
              + JobCommands.human(Duration.ofMillis(Math.max(0, took)))
              + "  (on "
              + client.url()
              + ")");
      String message = run.at("/state/state_message").asText();
      if (!message.isEmpty()) {
        out.println("  " + message);
      }
    }
    out.flush();
    return JobCommands.exitCode(ResultState.valueOf(result));
  }
}
