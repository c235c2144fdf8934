package io.andon.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** Runs and task runs of the Jobs API in words: their state and how long they took. */
public final class RunText {
  private RunText() {}

  /** The state mark of a Jobs API run or task run. */
  public static StateMark state(JsonNode run) {
    JsonNode state = run.path("state");
    Optional<String> result =
        state.hasNonNull("result_state")
            ? Optional.of(state.get("result_state").asText())
            : Optional.empty();
    return StateMark.of(state.path("life_cycle_state").asText("PENDING"), result);
  }

  /** ", took 3.2 s" for a run with a duration, else nothing. */
  public static String took(JsonNode run) {
    long ms = run.path("run_duration").asLong(0);
    return ms > 0 ? ", took " + duration(ms) : "";
  }

  /** A duration in milliseconds, short: 850 ms, 3.2 s, 4 min 05 s, 2 h 03 min. */
  public static String duration(long ms) {
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = ms / 1000;
    if (s < 3600) {
      return String.format(java.util.Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(java.util.Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
  }
}
