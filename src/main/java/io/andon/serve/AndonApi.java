package io.andon.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.AttemptRecord;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.List;
import java.util.Set;

/**
 * What andon adds beside the Jobs API: {@code /healthz}, {@code /metrics}, {@code
 * /api/openapi.json}, and under {@code /api/andon/} task logs, task values, gate results and the
 * problems of job files whose last change did not validate.
 */
final class AndonApi {
  private static final String BASE = "/api/andon/";

  private final Store store;
  private final JobCatalog catalog;
  private final Runs runs;
  private final Metrics metrics;

  AndonApi(Store store, JobCatalog catalog, Runs runs, Metrics metrics) {
    this.store = store;
    this.catalog = catalog;
    this.runs = runs;
    this.metrics = metrics;
  }

  void routes(Router router) {
    router
        .get("/healthz", r -> health())
        .get(
            "/metrics",
            r -> Response.text("text/plain; version=0.0.4; charset=utf-8", metrics.scrape()))
        .get("/api/openapi.json", r -> Response.json(OpenApi.document(router)))
        .get(BASE + "problems", r -> problems())
        .get(BASE + "runs/logs", this::logs)
        .get(BASE + "runs/values", this::values)
        .get(BASE + "runs/gates", this::gates);
  }

  private Response health() {
    ObjectNode o = Json.object();
    o.put("status", "ok");
    o.put("jobs", catalog.jobs().size());
    o.put("active_runs", runs.activeCount());
    o.put("problems", catalog.problems().size());
    return Response.json(o);
  }

  private Response problems() {
    ObjectNode o = Json.object();
    ArrayNode list = o.putArray("problems");
    catalog
        .problems()
        .forEach((f, p) -> list.addObject().put("file", f.toString()).put("message", p));
    return Response.json(o);
  }

  /** The task a task run id names: its run and record. */
  private record TaskRun(RunRecord run, TaskRecord task) {}

  private TaskRun task(Request r) {
    long id = r.requiredLong("run_id");
    long[] at =
        RunView.taskOf(id)
            .orElseThrow(
                () ->
                    ApiException.invalid(
                        "run_id "
                            + id
                            + " is a job run; give a task's run_id (tasks[].run_id of jobs/runs/get)."));
    RunRecord run =
        new RunStore(store)
            .find(at[0])
            .orElseThrow(() -> ApiException.notFound("run " + at[0] + " does not exist."));
    if (at[1] >= run.tasks().size()) {
      throw ApiException.notFound("run " + at[0] + " has no task number " + (at[1] + 1) + ".");
    }
    return new TaskRun(run, run.tasks().get((int) at[1]));
  }

  private Response logs(Request r) {
    r.onlyFields(Set.of("run_id", "attempt"));
    TaskRun t = task(r);
    List<AttemptRecord> attempts =
        new RunHistory(store).attempts(t.run().runId(), t.task().taskKey());
    if (attempts.isEmpty()) {
      throw ApiException.notFound("task " + t.task().taskKey() + " has no attempt yet.");
    }
    long n = r.optionalLong("attempt").orElse((long) attempts.size());
    if (n < 1 || n > attempts.size()) {
      throw ApiException.invalid("attempt must be between 1 and " + attempts.size() + ".");
    }
    String text =
        attempts
            .get((int) n - 1)
            .logPath()
            .map(
                p -> {
                  try {
                    return Files.readString(Path.of(p));
                  } catch (IOException e) {
                    return "";
                  }
                })
            .orElse("");
    return Response.text("text/plain; charset=utf-8", text);
  }

  private Response values(Request r) {
    r.onlyFields(Set.of("run_id"));
    TaskRun t = task(r);
    ObjectNode o = Json.object();
    ObjectNode values = o.putObject("values");
    t.task().values().forEach(values::set);
    return Response.json(o);
  }

  private Response gates(Request r) {
    r.onlyFields(Set.of("run_id"));
    long runId = r.requiredLong("run_id");
    ObjectNode o = Json.object();
    ArrayNode list = o.putArray("evaluations");
    store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT evaluation_id, gate, gates_file,"
                      + " passed, evaluated_at, task_key FROM gate_evaluations WHERE run_id = ?"
                      + " ORDER BY evaluation_id")) {
            ps.setLong(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                ObjectNode e = row(rs);
                e.set("checks", checks(c, rs.getLong("evaluation_id")));
                list.add(e);
              }
            }
          }
          return null;
        });
    return Response.json(o);
  }

  private static ArrayNode checks(java.sql.Connection c, long evaluation)
      throws java.sql.SQLException {
    ArrayNode out = Json.mapper().createArrayNode();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT check_name, metric, comparator,"
                + " threshold, value, value_text, status, blocking, message FROM gate_checks"
                + " WHERE evaluation_id = ?")) {
      ps.setLong(1, evaluation);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
    }
    return out;
  }

  private static ObjectNode row(ResultSet rs) throws java.sql.SQLException {
    ObjectNode o = Json.object();
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      Object v = rs.getObject(i);
      o.set(md.getColumnLabel(i), Json.mapper().valueToTree(v));
    }
    return o;
  }
}
