package io.andon.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.Map;

/** The OpenAPI 3 document of the service, made from its routes. */
final class OpenApi {
  private static final Map<String, String> SUMMARIES =
      Map.ofEntries(
          Map.entry("/api/2.2/jobs/list", "List the jobs served (limit <= 100, page_token, name)"),
          Map.entry("/api/2.2/jobs/get", "One job's settings (job_id)"),
          Map.entry(
              "/api/2.2/jobs/run-now", "Run a job (job_id, job_parameters, idempotency_token)"),
          Map.entry("/api/2.2/jobs/update", "Pause or resume a job (job_id, new_settings)"),
          Map.entry(
              "/api/2.2/jobs/runs/list",
              "List runs, newest first (job_id, active_only,"
                  + " completed_only, limit <= 25, page_token, expand_tasks)"),
          Map.entry("/api/2.2/jobs/runs/get", "One run with its tasks and repair history (run_id)"),
          Map.entry("/api/2.2/jobs/runs/get-output", "A task run's output and log tail (run_id)"),
          Map.entry("/api/2.2/jobs/runs/cancel", "Cancel a run (run_id)"),
          Map.entry("/api/2.2/jobs/runs/cancel-all", "Cancel every run of a job (job_id)"),
          Map.entry(
              "/api/2.2/jobs/runs/repair",
              "Re-run tasks of a finished run (run_id,"
                  + " rerun_tasks | rerun_all_failed_tasks, rerun_dependent_tasks, job_parameters)"),
          Map.entry("/api/andon/problems", "Job files whose last change did not validate"),
          Map.entry(
              "/api/andon/runs/logs",
              "A task attempt's whole log (run_id of the task," + " attempt)"),
          Map.entry("/api/andon/runs/values", "A task's values (run_id of the task)"),
          Map.entry("/api/andon/runs/gates", "Quality gate results of a run (run_id)"),
          Map.entry("/api/openapi.json", "This document"),
          Map.entry("/healthz", "Liveness: always open"),
          Map.entry("/metrics", "Prometheus metrics"));

  private OpenApi() {}

  static ObjectNode document(Router router) {
    ObjectNode doc = Json.object();
    doc.put("openapi", "3.0.3");
    doc.putObject("info").put("title", "andon serve").put("version", "2.2");
    doc.putArray("security").addObject().putArray("bearer");
    doc.putObject("components")
        .putObject("securitySchemes")
        .putObject("bearer")
        .put("type", "http")
        .put("scheme", "bearer");
    ObjectNode paths = doc.putObject("paths");
    for (Router.Route r : router.routes()) {
      ObjectNode path =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      ObjectNode op = path.putObject(r.method().toLowerCase());
      op.put("summary", SUMMARIES.getOrDefault(r.path(), r.path()));
      ObjectNode responses = op.putObject("responses");
      responses.putObject("200").put("description", "OK");
      responses.putObject("400").put("description", "INVALID_PARAMETER_VALUE");
      responses.putObject("401").put("description", "UNAUTHENTICATED");
      responses.putObject("404").put("description", "RESOURCE_DOES_NOT_EXIST");
      if (r.mutation()) {
        responses.putObject("409").put("description", "INVALID_STATE");
      }
    }
    return doc;
  }
}
