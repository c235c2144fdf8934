package io.andon.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.job.Dependency;
import io.andon.job.JobSpec;
import io.andon.job.TaskSpec;
import io.andon.schedule.JobTrigger;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.TriggerJson;
import io.andon.schedule.service.FireStore;
import io.andon.util.Json;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code /api/2.2/jobs/list}, {@code jobs/get} and {@code jobs/run-now}. */
final class JobsApi {
  private static final String BASE = "/api/2.2/jobs/";

  private final JobCatalog catalog;
  private final Runs runs;
  private final ServeStore ids;
  private final FireStore pauses;

  JobsApi(JobCatalog catalog, Runs runs, ServeStore ids, FireStore pauses) {
    this.catalog = catalog;
    this.runs = runs;
    this.ids = ids;
    this.pauses = pauses;
  }

  /** The pause status of a job file when it says none: a job with no trigger is never paused. */
  static PauseStatus fileStatus(JobSpec spec) {
    return spec.trigger().map(JobTrigger::pauseStatus).orElse(PauseStatus.UNPAUSED);
  }

  void routes(Router router) {
    router
        .get(BASE + "list", this::list)
        .get(BASE + "get", this::get)
        .post(BASE + "run-now", this::runNow);
  }

  private Response list(Request r) {
    r.onlyFields(Set.of("limit", "offset", "page_token", "name", "expand_tasks"));
    int limit = limit(r, 20, 100);
    long after = r.optionalText("page_token").map(JobsApi::pageToken).orElse(0L);
    long offset = r.optionalLong("offset").orElse(0L);
    Optional<String> name = r.optionalText("name");
    List<ServedJob> all =
        catalog.jobs().stream()
            .filter(j -> j.jobId() > after)
            .filter(j -> name.map(n -> n.equals(j.name())).orElse(true))
            .skip(Math.max(0, offset))
            .toList();
    ObjectNode out = Json.object();
    ArrayNode jobs = out.putArray("jobs");
    boolean expand = r.flag("expand_tasks");
    all.stream().limit(limit).forEach(j -> jobs.add(job(j, expand)));
    boolean more = all.size() > limit;
    out.put("has_more", more);
    if (more) {
      out.put("next_page_token", Long.toString(all.get(limit - 1).jobId()));
    }
    return Response.json(out);
  }

  /** A page token: the last id of the previous page. */
  static long pageToken(String token) {
    if (!token.matches("[0-9]{1,18}")) {
      throw ApiException.invalid(
          "page_token '"
              + token
              + "' is not one this service gave;"
              + " pass the next_page_token of the previous page.");
    }
    return Long.parseLong(token);
  }

  /** The {@code limit} field, between 1 and {@code max}. */
  static int limit(Request r, int dflt, int max) {
    long limit = r.optionalLong("limit").orElse((long) dflt);
    if (limit < 1 || limit > max) {
      throw ApiException.invalid("limit must be between 1 and " + max + ", not " + limit + ".");
    }
    return (int) limit;
  }

  private Response get(Request r) {
    r.onlyFields(Set.of("job_id", "page_token"));
    return Response.json(job(served(r.requiredLong("job_id")), true));
  }

  /** The served job with id {@code jobId}, or RESOURCE_DOES_NOT_EXIST. */
  ServedJob served(long jobId) {
    return catalog
        .byId(jobId)
        .orElseThrow(
            () ->
                ApiException.notFound(
                    "job "
                        + jobId
                        + " does not exist"
                        + ids.jobName(jobId)
                            .map(n -> " (it was '" + n + "', no longer" + " served)")
                            .orElse("")
                        + "; jobs/list shows the jobs served."));
  }

  private Response runNow(Request r) {
    r.onlyFields(Set.of("job_id", "job_parameters", "idempotency_token"));
    ServedJob job = served(r.requiredLong("job_id"));
    Optional<String> token = r.optionalText("idempotency_token");
    if (token.isPresent() && (token.get().isEmpty() || token.get().length() > 64)) {
      throw ApiException.invalid("idempotency_token must have 1 to 64 characters.");
    }
    long runId = runs.runNow(job, r.textMap("job_parameters"), token);
    ObjectNode out = Json.object();
    out.put("run_id", runId);
    out.put("number_in_job", runId);
    return Response.json(out);
  }

  /**
   * The job's schedule, trigger or continuous settings as jobs/get shows them, with the pause
   * status set through the service in place of the file's.
   */
  private static ObjectNode triggerSettings(JobTrigger t, Optional<String> paused) {
    ObjectNode settings = TriggerJson.settings(t);
    paused.ifPresent(
        p ->
            settings.properties().forEach(e -> ((ObjectNode) e.getValue()).put("pause_status", p)));
    return settings;
  }

  /** The Jobs API {@code Job}: id, creation time and settings, tasks with {@code withTasks}. */
  ObjectNode job(ServedJob j, boolean withTasks) {
    ObjectNode o = Json.object();
    o.put("job_id", j.jobId());
    o.put("creator_user_name", System.getProperty("user.name", "andon"));
    o.put("created_time", ids.createdTime(j.jobId()));
    Optional<String> paused =
        pauses.heldPause(j.name(), fileStatus(j.spec())).map(PauseStatus::name);
    paused.ifPresent(p -> o.put("andon_pause_status", p));
    ObjectNode s = o.putObject("settings");
    JobSpec spec = j.spec();
    s.put("name", spec.name());
    s.put("format", "MULTI_TASK");
    s.put("max_concurrent_runs", spec.maxConcurrentRuns());
    s.put("timeout_seconds", spec.timeoutSeconds());
    s.putObject("queue").put("enabled", spec.queueEnabled());
    ObjectNode tags = s.putObject("tags");
    spec.tags().forEach(tags::put);
    ArrayNode params = s.putArray("parameters");
    spec.parameters()
        .forEach(p -> params.addObject().put("name", p.name()).put("default", p.defaultValue()));
    spec.trigger().ifPresent(t -> s.setAll(triggerSettings(t, paused)));
    if (withTasks) {
      ArrayNode tasks = s.putArray("tasks");
      for (TaskSpec t : spec.tasks()) {
        ObjectNode task = tasks.addObject();
        task.put("task_key", t.taskKey());
        t.description().ifPresent(d -> task.put("description", d));
        ArrayNode deps = task.putArray("depends_on");
        for (Dependency d : t.dependsOn()) {
          ObjectNode dep = deps.addObject().put("task_key", d.taskKey());
          d.outcome().ifPresent(out -> dep.put("outcome", out));
        }
        task.put("run_if", t.runIf().name());
        task.put("timeout_seconds", t.timeoutSeconds());
        task.put("max_retries", t.maxRetries());
        task.put("disabled", t.disabled());
      }
    }
    return o;
  }
}
