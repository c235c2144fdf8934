package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Waiting for a run of a real service to end, for the tests of the service and of its web UI. */
public final class RunEnds {
  /** A GET of the service's API: the answer's JSON. */
  @FunctionalInterface
  public interface Get {
    JsonNode get(String pathAndQuery) throws Exception;
  }

  private RunEnds() {}

  /** Waits up to a minute until run {@code runId} has ended; its jobs/runs/get body. */
  public static JsonNode await(Get api, long runId) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode run = api.get("/api/2.2/jobs/runs/get?run_id=" + runId);
      String lc = run.path("state").path("life_cycle_state").asText();
      if (lc.equals("TERMINATED") || lc.equals("SKIPPED") || lc.equals("INTERNAL_ERROR")) {
        return run;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("run " + runId + " did not end in 60 s");
  }
}
