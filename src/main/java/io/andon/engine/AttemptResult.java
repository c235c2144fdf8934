package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.ResultState;
import java.util.Map;

/** How one attempt ended. */
record AttemptResult(
    ResultState result, Integer exitCode, String message, Map<String, JsonNode> values) {
  static AttemptResult of(ResultState r, String message) {
    return new AttemptResult(r, null, message, Map.of());
  }
}
