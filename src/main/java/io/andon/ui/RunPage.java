package io.andon.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.Map;

/**
 * The Run page (its DAG with live states, critical path, timeline of attempts, parameters, trigger
 * and repair history; see {@link RunModel}) and its actions: cancel, repair, and the stream of
 * state changes the page listens to.
 */
public final class RunPage {
  private final WebUi.Setup setup;

  RunPage(WebUi.Setup setup) {
    this.setup = setup;
  }

  void routes(UiRoutes routes) {
    routes
        .page("/runs/{run_id}", this::page)
        .page("/runs/{run_id}/events", this::events)
        .action("/runs/{run_id}/cancel", this::cancel)
        .action("/runs/{run_id}/repair", this::repair);
  }

  private UiResponse page(UiRequest r) {
    long runId = r.idParam("run_id");
    JsonNode run =
        setup.api().get("/api/2.2/jobs/runs/get", Map.of("run_id", Long.toString(runId)));
    RunModel.Model m = RunModel.build(setup, runId, run);
    Chrome chrome =
        new Chrome(
            "Run " + runId + " of " + m.jobName(),
            Chrome.Section.JOBS,
            r.visitor(),
            setup.readsNeedToken());
    return Views.page("run.jte", chrome, m);
  }

  private UiResponse events(UiRequest r) {
    long runId = r.idParam("run_id");
    setup.api().get("/api/2.2/jobs/runs/get", Map.of("run_id", Long.toString(runId)));
    return new UiResponse.Stream(new RunEvents(setup.store(), runId));
  }

  private UiResponse cancel(UiRequest r) {
    long runId = r.idParam("run_id");
    ObjectNode body = Json.object();
    body.put("run_id", runId);
    setup.api().post("/api/2.2/jobs/runs/cancel", body);
    return new UiResponse.Redirect("/runs/" + runId);
  }

  private UiResponse repair(UiRequest r) {
    long runId = r.idParam("run_id");
    ObjectNode body = Json.object();
    body.put("run_id", runId);
    ArrayNode tasks = body.putArray("rerun_tasks");
    ObjectNode params = body.putObject("job_parameters");
    r.form()
        .forEach(
            (k, v) -> {
              if (k.startsWith("rerun.")) {
                tasks.add(k.substring("rerun.".length()));
              } else if (k.startsWith("param.")) {
                params.put(k.substring("param.".length()), v);
              }
            });
    if (tasks.isEmpty()) {
      throw UiException.invalid(
          "choose at least one task to repair (the failed ones are chosen first); nothing was"
              + " repaired.");
    }
    body.put("rerun_dependent_tasks", r.field("dependents").isPresent());
    setup.api().post("/api/2.2/jobs/runs/repair", body);
    return new UiResponse.Redirect("/runs/" + runId);
  }
}
