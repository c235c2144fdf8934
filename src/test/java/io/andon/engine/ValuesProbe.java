package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.store.RunStore;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A payload for tests only, {@code values_probe_task: {until_finished: KEY}}: reads the task values
 * it is given, over and over, until task KEY of its run has finished in the store, then publishes
 * what it saw first ({@code first}, the task keys), last ({@code last}) and how many different
 * views it saw ({@code views}).
 */
public final class ValuesProbe implements PayloadType, PayloadRunner {
  static final String KEY = "values_probe_task";

  record Probe(String untilFinished) implements Payload {
    @Override
    public String type() {
      return KEY;
    }
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Optional<Payload> parse(YMap body, Problems problems, Path baseDir) {
    return problems.requiredString(body, "until_finished", KEY).map(Probe::new);
  }

  @Override
  public TaskOutcome run(Payload payload, TaskContext context) throws Exception {
    String until = ((Probe) payload).untilFinished();
    RunStore runs = new RunStore(context.store());
    Map<String, Map<String, JsonNode>> first = context.taskValues();
    Map<String, Map<String, JsonNode>> last = first;
    Set<Map<String, Map<String, JsonNode>>> views = new HashSet<>();
    views.add(first);
    while (!finished(runs, context.runId(), until)) {
      for (int i = 0; i < 200; i++) {
        last = context.taskValues();
        views.add(last);
      }
      Thread.sleep(5);
    }
    last = context.taskValues();
    views.add(last);
    context.putValue("first", keys(first));
    context.putValue("last", keys(last));
    context.putValue("views", Json.mapper().getNodeFactory().numberNode(views.size()));
    return TaskOutcome.success("saw " + views.size() + " views");
  }

  private static boolean finished(RunStore runs, long runId, String key) {
    return runs.find(runId).flatMap(r -> r.task(key)).flatMap(t -> t.resultState()).isPresent();
  }

  private static ArrayNode keys(Map<String, Map<String, JsonNode>> values) {
    ArrayNode a = Json.mapper().createArrayNode();
    values.keySet().forEach(a::add);
    return a;
  }
}
