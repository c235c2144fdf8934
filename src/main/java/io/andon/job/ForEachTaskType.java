package io.andon.job;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YamlJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Reads a {@code for_each_task}: its inputs, its concurrency and the task it runs per input. */
final class ForEachTaskType implements PayloadType {
  /** Reads the nested task (which may not be a for_each_task itself). */
  private final Function<YMap, Optional<TaskSpec>> nested;

  ForEachTaskType(Function<YMap, Optional<TaskSpec>> nested) {
    this.nested = nested;
  }

  @Override
  public String key() {
    return ForEachTask.KEY;
  }

  @Override
  public Optional<Payload> parse(YMap b, Problems p, Path baseDir) {
    return parse(b, b, b, p, baseDir);
  }

  @Override
  public Optional<Payload> parse(YMap b, YMap task, YMap job, Problems p, Path baseDir) {
    String k = TaskReader.keyOf(task);
    p.unknownKeys(b, Set.of("inputs", "concurrency", "task"), "for_each_task");
    Optional<String> inputs = inputs(b, k, p);
    long conc = p.integer(b, "concurrency").orElse(1);
    if (conc < 1 || conc > 100) {
      p.add(b.keyLoc("concurrency"), "task '" + k + "': concurrency must be from 1 to 100.");
      conc = 1;
    }
    Optional<YMap> tm = p.map(b, "task");
    if (tm.isEmpty()) {
      if (!b.has("task")) {
        p.add(b.loc(), "task '" + k + "': for_each_task needs a nested 'task'.");
      }
      return Optional.empty();
    }
    Optional<TaskSpec> inner = nested.apply(tm.get());
    if (inner.isEmpty() || inputs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ForEachTask(inputs.get(), (int) conc, inner.get()));
  }

  /** The inputs as JSON text or a reference; empty when missing or not a JSON array. */
  private static Optional<String> inputs(YMap b, String k, Problems p) {
    Optional<YNode> in = b.get("inputs");
    if (in.isEmpty()) {
      p.add(
          b.loc(),
          "task '"
              + k
              + "': for_each_task needs 'inputs' (a JSON array or a"
              + " reference to one).");
      return Optional.empty();
    }
    if (in.get() instanceof YList l) {
      return Optional.of(Json.write(YamlJson.of(l)));
    }
    Optional<String> inputs = p.scalarText(in.get(), "inputs");
    if (inputs.isPresent() && Reference.findAll(inputs.get()).isEmpty()) {
      try {
        JsonNode j = Json.read(inputs.get());
        if (!j.isArray()) {
          p.add(
              in.get().loc(),
              "task '" + k + "': inputs must be a JSON array, not " + inputs.get() + ".");
        }
      } catch (IOException e) {
        p.add(in.get().loc(), "task '" + k + "': inputs is not JSON (" + firstLine(e) + ").");
      }
    }
    return inputs;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
