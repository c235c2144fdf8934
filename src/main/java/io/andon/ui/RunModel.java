package io.andon.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.job.ConditionTask;
import io.andon.job.Dag;
import io.andon.job.Dependency;
import io.andon.job.ForEachTask;
import io.andon.job.JobSpec;
import io.andon.job.TaskSpec;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Run page shows of a run: its DAG (nodes with states, edges with condition outcomes,
 * for_each iterations), the critical path with each task's share, the timeline of attempts, the
 * parameters, the trigger and the repair history. A run of more than {@value #DRAWN} tasks is shown
 * as collapsed layers (tasks counted by state per depth) instead of a drawn graph.
 */
public final class RunModel {
  /** The most tasks drawn as a graph; beyond, layers. */
  static final int DRAWN = 1500;

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final Set<String> NEEDS_REPAIR = Set.of("failed", "upstream", "canceled");

  /** A parameter of the run with its value. */
  public record Param(String name, String value) {}

  /** A task the repair form offers, checked when it failed. */
  public record Choice(String key, StateMark state, boolean checked) {}

  /** A depth of a collapsed DAG: how many tasks of each state it has. */
  public record Layer(int depth, int tasks, String states) {}

  /** An entry of the repair history. */
  public record Repair(String what, StateMark state, String when, int tasks) {}

  /** The page's model. */
  public record Model(
      long runId,
      long jobId,
      String jobName,
      StateMark state,
      String message,
      String trigger,
      String started,
      String took,
      List<Param> parameters,
      boolean active,
      boolean repairable,
      List<Choice> choices,
      List<CriticalPath.Step> critical,
      Timeline.View timeline,
      List<Repair> repairs,
      boolean collapsed,
      List<Layer> layers,
      String graphJson) {}

  private RunModel() {}

  static Model build(WebUi.Setup setup, long runId, JsonNode api) {
    RunRecord run =
        new RunStore(setup.store())
            .find(runId)
            .orElseThrow(() -> UiException.notFound("run " + runId + " does not exist."));
    JobSpec spec = setup.catalog().specFor(run);
    StateMark state = RunText.state(api);
    long now = setup.clock().millis();
    long runMs = run.endTime().orElse(now) - run.startTime();
    Map<String, TaskRecord> records = new LinkedHashMap<>();
    run.tasks().forEach(t -> records.put(t.taskKey(), t));
    Map<String, CriticalPath.Timed> timed = new HashMap<>();
    for (TaskSpec t : spec.tasks()) {
      TaskRecord rec = records.get(t.taskKey());
      timed.put(
          t.taskKey(),
          new CriticalPath.Timed(
              t.taskKey(),
              rec == null ? Optional.empty() : rec.startTime(),
              rec == null ? Optional.empty() : rec.endTime(),
              t.dependsOn().stream().map(Dependency::taskKey).toList()));
    }
    List<CriticalPath.Step> critical = CriticalPath.of(timed, runMs);
    Map<String, Double> share = new HashMap<>();
    critical.forEach(s -> share.put(s.key(), s.share()));
    boolean collapsed = spec.tasks().size() > DRAWN;
    List<Choice> choices = new ArrayList<>();
    for (TaskSpec t : spec.tasks()) {
      TaskRecord rec = records.get(t.taskKey());
      StateMark s = mark(rec);
      if (!collapsed || NEEDS_REPAIR.contains(s.kind())) {
        choices.add(new Choice(t.taskKey(), s, NEEDS_REPAIR.contains(s.kind())));
      }
    }
    List<Param> params = new ArrayList<>();
    run.parameters().forEach((k, v) -> params.add(new Param(k, v)));
    boolean active = state.active();
    return new Model(
        runId,
        api.path("job_id").asLong(),
        run.jobName(),
        state,
        api.path("state").path("state_message").asText(""),
        api.path("trigger").asText("ONE_TIME"),
        WHEN.format(Instant.ofEpochMilli(run.startTime())),
        RunText.duration(runMs) + (run.endTime().isPresent() ? "" : " so far"),
        params,
        active,
        !active && !state.kind().equals("success"),
        choices,
        critical,
        Timeline.read(setup.store(), runId, run.startTime(), run.endTime().orElse(now)),
        repairs(api),
        collapsed,
        collapsed ? layers(spec, records) : List.of(),
        collapsed ? "{}" : graph(spec, records, share));
  }

  private static StateMark mark(TaskRecord rec) {
    return rec == null
        ? StateMark.of("PENDING", Optional.empty())
        : StateMark.of(rec.state(), rec.resultState());
  }

  /** The DAG as JSON for the page's script: nodes with their state and detail, edges. */
  static String graph(JobSpec spec, Map<String, TaskRecord> records, Map<String, Double> share) {
    ObjectNode g = Json.object();
    ArrayNode nodes = g.putArray("nodes");
    ArrayNode edges = g.putArray("edges");
    for (TaskSpec t : spec.tasks()) {
      TaskRecord rec = records.get(t.taskKey());
      StateMark s = mark(rec);
      ObjectNode n = nodes.addObject();
      n.put("id", t.taskKey());
      n.put("kind", s.kind());
      n.put("icon", s.icon());
      n.put("label", s.label());
      n.put("type", t.payload().type());
      n.put("detail", detail(t, rec));
      if (rec != null && rec.startTime().isPresent() && rec.endTime().isPresent()) {
        n.put("took", RunText.duration(rec.endTime().get() - rec.startTime().get()));
      }
      if (share.containsKey(t.taskKey())) {
        n.put("share", Math.round(share.get(t.taskKey()) * 100));
      }
      for (Dependency d : t.dependsOn()) {
        ObjectNode e = edges.addObject();
        e.put("from", d.taskKey());
        e.put("to", t.taskKey());
        d.outcome().ifPresent(o -> e.put("label", o));
      }
    }
    return Json.write(g);
  }

  private static String detail(TaskSpec t, TaskRecord rec) {
    if (t.payload() instanceof ForEachTask) {
      if (rec == null || rec.iterations().isEmpty()) {
        return "for each";
      }
      long ok =
          rec.iterations().stream()
              .filter(i -> i.resultState().map("SUCCESS"::equals).orElse(false))
              .count();
      return "for each: " + ok + " of " + rec.iterations().size() + " iterations succeeded";
    }
    if (t.payload() instanceof ConditionTask) {
      return rec == null ? "condition" : "condition: " + rec.outcome().orElse("not evaluated");
    }
    return "";
  }

  private static List<Layer> layers(JobSpec spec, Map<String, TaskRecord> records) {
    Dag dag = new Dag(spec.tasks());
    int[] depth = new int[dag.size()];
    for (int i : dag.order()) {
      for (int up : dag.upstream(i)) {
        depth[i] = Math.max(depth[i], depth[up] + 1);
      }
    }
    Map<Integer, Map<String, Integer>> counts = new java.util.TreeMap<>();
    for (int i = 0; i < dag.size(); i++) {
      StateMark s = mark(records.get(dag.key(i)));
      counts
          .computeIfAbsent(depth[i], k -> new LinkedHashMap<>())
          .merge(s.icon() + " " + s.label(), 1, Integer::sum);
    }
    List<Layer> out = new ArrayList<>();
    counts.forEach(
        (d, byState) -> {
          int n = byState.values().stream().mapToInt(Integer::intValue).sum();
          StringBuilder sb = new StringBuilder();
          byState.forEach(
              (k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(v).append(" ").append(k));
          out.add(new Layer(d, n, sb.toString()));
        });
    return out;
  }

  private static List<Repair> repairs(JsonNode api) {
    List<Repair> out = new ArrayList<>();
    for (JsonNode h : api.path("repair_history")) {
      boolean original = h.path("type").asText().equals("ORIGINAL");
      StateMark s = original ? RunText.state(api) : RunText.state(h);
      out.add(
          new Repair(
              original ? "Original run" : "Repair " + h.path("id").asLong(),
              s,
              WHEN.format(Instant.ofEpochMilli(h.path("start_time").asLong())),
              h.path("task_run_ids").size()));
    }
    return out;
  }
}
