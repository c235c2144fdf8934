package io.andon.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.RepairRecord;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON of a run, shared by {@code run --json}, {@code runs show --json} and repair. */
final class RunJson {
  private RunJson() {}

  /** The run with its tags, durations and repairs from {@code history}. */
  static ObjectNode render(RunRecord r, RunHistory history) {
    ObjectNode o = render(r);
    ObjectNode tags = Json.object();
    history.tags(r.runId()).forEach(tags::put);
    o.set("tags", tags);
    List<RepairRecord> repairs = r.repairCount() > 0 ? history.repairs(r.runId()) : List.of();
    Durations d = Durations.of(r, repairs);
    o.put("duration_ms", d.total().map(Duration::toMillis).orElse(null));
    o.put("first_attempt_duration_ms", d.firstAttempt().map(Duration::toMillis).orElse(null));
    ArrayNode rn = o.putArray("repairs");
    for (RepairRecord rep : repairs) {
      ObjectNode x = rn.addObject();
      x.put("repair_id", rep.repairId());
      x.put("start_time", iso(Optional.of(rep.startTime())));
      x.put("end_time", iso(rep.endTime()));
      x.put("duration_ms", rep.durationMillis().orElse(null));
      x.put("result_state", rep.resultState().orElse(null));
      rep.rerunTasks().forEach(x.putArray("rerun_tasks")::add);
      rep.parameters().ifPresent(p -> p.forEach(x.putObject("parameters")::put));
    }
    return o;
  }

  static ObjectNode render(RunRecord r) {
    ObjectNode o = Json.object();
    o.put("run_id", r.runId());
    o.put("job_name", r.jobName());
    o.put("state", r.state());
    o.put("result_state", r.resultState().orElse(null));
    o.put("message", r.message().orElse(null));
    o.put("start_time", iso(Optional.of(r.startTime())));
    o.put("end_time", iso(r.endTime()));
    o.put("repair_count", r.repairCount());
    o.put("trigger", r.trigger().type().name());
    o.put("trigger_time", iso(Optional.of(r.trigger().time().toEpochMilli())));
    r.trigger().fileArrivalLocation().ifPresent(l -> o.put("trigger_location", l));
    o.put("job_file", r.jobFile());
    io.andon.job.BundleSettings b = io.andon.job.BundleSettings.fromJson(r.bundle());
    if (!b.givesNothing()) {
      ObjectNode bn = o.putObject("bundle");
      b.target().ifPresent(t -> bn.put("target", t));
      ObjectNode vars = bn.putObject("variables");
      b.vars().forEach(vars::put);
    }
    r.parentRunId().ifPresent(p -> o.put("parent_run_id", p));
    ObjectNode params = o.putObject("parameters");
    r.parameters().forEach(params::put);
    ArrayNode tasks = o.putArray("tasks");
    for (TaskRecord t : r.tasks()) {
      ObjectNode tn = task(t);
      if (!t.iterations().isEmpty()) {
        ArrayNode its = tn.putArray("iterations");
        for (TaskRecord it : t.iterations()) {
          ObjectNode in = task(it);
          in.put("iteration", it.iteration());
          in.set("input", it.input().map(RunJson::parse).orElse(null));
          in.remove("task_key");
          its.add(in);
        }
      }
      tasks.add(tn);
    }
    return o;
  }

  private static ObjectNode task(TaskRecord t) {
    ObjectNode tn = Json.object();
    tn.put("task_key", t.taskKey());
    tn.put("state", t.state());
    tn.put("result_state", t.resultState().orElse(null));
    tn.put("attempts", t.attempts());
    tn.put("start_time", iso(t.startTime()));
    tn.put("end_time", iso(t.endTime()));
    t.outcome().ifPresent(x -> tn.put("outcome", x));
    tn.put("message", t.message().orElse(null));
    ObjectNode values = tn.putObject("values");
    t.values().forEach(values::set);
    return tn;
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String s) {
    try {
      return Json.read(s);
    } catch (java.io.IOException e) {
      return Json.mapper().getNodeFactory().textNode(s);
    }
  }

  static String iso(Optional<Long> millis) {
    return millis.map(m -> Instant.ofEpochMilli(m).toString()).orElse(null);
  }
}
