package io.andon.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.job.JobSpec;
import io.andon.schedule.JobTrigger;
import io.andon.schedule.TriggerText;
import io.andon.serve.ServedJob;
import io.andon.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Jobs page: every served job with its schedule or trigger in words, its next fire, pause and
 * resume, the marks of its last {@value #LAST_RUNS} runs, and "Run now" with its parameters; and
 * the actions of those buttons.
 */
public final class JobsPage {
  static final int LAST_RUNS = 20;

  /** A run among a job's last ones. */
  public record RunMark(long runId, StateMark state, String title) {}

  /** A job parameter and its default. */
  public record Param(String name, String defaultValue) {}

  /** One job's row. */
  public record JobRow(
      long jobId,
      String name,
      Optional<String> trigger,
      Optional<String> nextFire,
      boolean paused,
      List<RunMark> runs,
      List<Param> params) {}

  /** The page's model: the jobs, and the files whose last change did not validate. */
  public record Model(List<JobRow> jobs, List<String> problems) {}

  private final WebUi.Setup setup;

  JobsPage(WebUi.Setup setup) {
    this.setup = setup;
  }

  void routes(UiRoutes routes) {
    routes
        .page("/jobs", this::page)
        .action("/jobs/{job_id}/run-now", this::runNow)
        .action("/jobs/{job_id}/pause", r -> pause(r, "PAUSED"))
        .action("/jobs/{job_id}/resume", r -> pause(r, "UNPAUSED"));
  }

  private UiResponse page(UiRequest r) {
    List<JobRow> rows = new ArrayList<>();
    for (ServedJob j : setup.catalog().jobs()) {
      rows.add(row(j));
    }
    List<String> problems = new ArrayList<>();
    setup.catalog().problems().forEach((f, p) -> problems.add(f + ": " + p));
    Chrome chrome = new Chrome("Jobs", Chrome.Section.JOBS, r.visitor(), setup.readsNeedToken());
    return Views.page("jobs.jte", chrome, new Model(rows, problems));
  }

  private JobRow row(ServedJob j) {
    JobSpec spec = j.spec();
    JsonNode job = setup.api().get("/api/2.2/jobs/get", Map.of("job_id", id(j)));
    Optional<JobTrigger> trigger = spec.trigger();
    boolean paused =
        job.has("andon_pause_status")
            ? job.get("andon_pause_status").asText().equals("PAUSED")
            : trigger.map(t -> !t.pauseStatus().fires()).orElse(false);
    Optional<String> nextFire =
        paused
            ? Optional.empty()
            : trigger.flatMap(t -> TriggerText.nextFire(t, setup.clock().instant()));
    List<Param> params =
        spec.parameters().stream().map(p -> new Param(p.name(), p.defaultValue())).toList();
    return new JobRow(
        j.jobId(), j.name(), trigger.map(TriggerText::what), nextFire, paused, lastRuns(j), params);
  }

  private List<RunMark> lastRuns(ServedJob j) {
    JsonNode list =
        setup
            .api()
            .get(
                "/api/2.2/jobs/runs/list",
                Map.of("job_id", id(j), "limit", Integer.toString(LAST_RUNS)));
    List<RunMark> marks = new ArrayList<>();
    for (JsonNode run : list.path("runs")) {
      StateMark s = RunText.state(run);
      long runId = run.path("run_id").asLong();
      marks.add(new RunMark(runId, s, "Run " + runId + ": " + s.label() + RunText.took(run)));
    }
    java.util.Collections.reverse(marks);
    return List.copyOf(marks);
  }

  private static String id(ServedJob j) {
    return Long.toString(j.jobId());
  }

  private UiResponse runNow(UiRequest r) {
    long jobId = r.idParam("job_id");
    ObjectNode body = Json.object();
    body.put("job_id", jobId);
    ObjectNode params = body.putObject("job_parameters");
    r.form()
        .forEach(
            (k, v) -> {
              if (k.startsWith("param.")) {
                params.put(k.substring("param.".length()), v);
              }
            });
    JsonNode answer = setup.api().post("/api/2.2/jobs/run-now", body);
    return new UiResponse.Redirect("/runs/" + answer.path("run_id").asLong());
  }

  private UiResponse pause(UiRequest r, String status) {
    long jobId = r.idParam("job_id");
    ServedJob job =
        setup
            .catalog()
            .byId(jobId)
            .orElseThrow(() -> UiException.notFound("job " + jobId + " is not served."));
    String holder = job.spec().trigger().map(TriggerText::key).orElse("schedule");
    ObjectNode body = Json.object();
    body.put("job_id", jobId);
    body.putObject("new_settings").putObject(holder).put("pause_status", status);
    setup.api().post("/api/2.2/jobs/update", body);
    return new UiResponse.Redirect(r.back("/jobs"));
  }
}
