package io.andon.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Task values of a job run as metrics: {@code train.accuracy} is the value {@code accuracy} that
 * task {@code train} published; a JSON value is entered further with a path ({@code
 * train.metrics.f1}, {@code train.folds[0]}).
 */
public final class TaskValueMetrics implements MetricSource {
  private final ObjectNode root;
  private final String describe;

  /**
   * @param values per task_key, the task's values by name
   * @param describe e.g. "task values of this run", "run 12 of job 'train'"
   */
  public TaskValueMetrics(Map<String, Map<String, JsonNode>> values, String describe) {
    Objects.requireNonNull(values, "values");
    this.describe = Objects.requireNonNull(describe, "describe");
    this.root = Json.object();
    values.forEach(
        (task, byName) -> {
          ObjectNode t = root.putObject(task);
          byName.forEach(t::set);
        });
  }

  @Override
  public Optional<Measurement> find(String metric) {
    JsonPath path;
    try {
      path = JsonPath.parse(metric);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (path.tokens().size() < 2) {
      return Optional.empty();
    }
    return path.find(root).map(n -> Measurement.fromJson(n, describe + ": " + metric));
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public List<String> names() {
    return JsonPath.leaves(root, 500);
  }

  /** True when no task published a value. */
  public boolean isEmpty() {
    for (JsonNode t : root) {
      if (t.size() > 0) {
        return false;
      }
    }
    return true;
  }
}
