package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.engine.Executor;
import io.andon.job.Parameter;
import io.andon.store.RunHistory;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /api/2.2/jobs/runs/*}: list, get, get-output, cancel, cancel-all and repair. */
final class RunsApi {
  private static final String BASE = "/api/2.2/jobs/runs/";

  /** How much of the end of a task's log get-output returns. */
  static final int LOG_TAIL = 64 * 1024;

  private final Store store;
  private final RunStore runStore;
  private final ServeStore serveStore;
  private final JobCatalog catalog;
  private final JobsApi jobs;
  private final Runs runs;

  RunsApi(Store store, JobCatalog catalog, JobsApi jobs, Runs runs) {
    this.store = store;
    this.runStore = new RunStore(store);
    this.serveStore = new ServeStore(store);
    this.catalog = catalog;
    this.jobs = jobs;
    this.runs = runs;
  }

  void routes(Router router) {
    router
        .get(BASE + "list", this::list)
        .get(BASE + "get", this::get)
        .get(BASE + "get-output", this::output)
        .post(BASE + "cancel", this::cancel)
        .post(BASE + "cancel-all", this::cancelAll)
        .post(BASE + "repair", this::repair);
  }

  private Response list(Request r) {
    r.onlyFields(
        Set.of(
            "job_id",
            "active_only",
            "completed_only",
            "limit",
            "offset",
            "page_token",
            "expand_tasks",
            "start_time_from",
            "start_time_to",
            "run_type"));
    if (r.flag("active_only") && r.flag("completed_only")) {
      throw ApiException.invalid("active_only and completed_only cannot both be true.");
    }
    int limit = JobsApi.limit(r, 20, 25);
    Optional<String> jobName =
        r.optionalLong("job_id")
            .map(
                id ->
                    serveStore
                        .jobName(id)
                        .orElseThrow(
                            () ->
                                ApiException.notFound(
                                    "job "
                                        + id
                                        + " does not exist; jobs/list"
                                        + " shows the jobs.")));
    ServeStore.RunQuery q =
        new ServeStore.RunQuery(
            jobName,
            r.flag("active_only"),
            r.flag("completed_only"),
            r.optionalText("page_token").map(JobsApi::pageToken),
            r.optionalLong("start_time_from"),
            r.optionalLong("start_time_to"),
            limit + 1);
    List<Long> ids = serveStore.runIds(q);
    boolean expand = r.flag("expand_tasks");
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("runs");
    List<Long> page = ids.subList(0, Math.min(limit, ids.size()));
    if (expand) {
      page.forEach(id -> list.add(view(id, true)));
    } else {
      Map<Long, Long> jobIds = serveStore.jobIds(page);
      Map<String, Long> byName = new HashMap<>(); // runs the service did not start: by job name
      for (RunRecord run : runStore.headers(page)) {
        long jobId =
            jobIds.containsKey(run.runId())
                ? jobIds.get(run.runId())
                : byName.computeIfAbsent(run.jobName(), n -> serveStore.findJobId(n).orElse(0L));
        list.add(view(run, false, Optional.of(jobId)));
      }
    }
    out.put("has_more", ids.size() > limit);
    if (ids.size() > limit) {
      out.put("next_page_token", Long.toString(ids.get(limit - 1)));
    }
    return Response.json(out);
  }

  private Response get(Request r) {
    r.onlyFields(Set.of("run_id", "include_history", "include_resolved_values", "page_token"));
    long id = r.requiredLong("run_id");
    Optional<long[]> task = RunView.taskOf(id);
    if (task.isPresent()) {
      return Response.json(taskRun(task.get()[0], (int) task.get()[1]));
    }
    return Response.json(view(id, true));
  }

  private ObjectNode view(long runId, boolean withTasks) {
    RunRecord run =
        (withTasks ? runStore.find(runId) : runStore.find(runId, List.of()))
            .orElseThrow(() -> noRun(runId));
    return view(run, withTasks);
  }

  private ObjectNode view(RunRecord run, boolean withTasks) {
    return view(run, withTasks, serveStore.run(run.runId()).map(ServeStore.ApiRun::jobId));
  }

  /** The run as the API shows it; {@code apiJobId}: its job's id when the service started it. */
  private ObjectNode view(RunRecord run, boolean withTasks, Optional<Long> apiJobId) {
    long runId = run.runId();
    long jobId = apiJobId.or(() -> serveStore.findJobId(run.jobName())).orElse(0L);
    String trigger = run.trigger().type().name();
    Map<String, String> defaults = new HashMap<>();
    catalog
        .byName(run.jobName())
        .ifPresent(
            j ->
                j.spec()
                    .parameters()
                    .forEach((Parameter p) -> defaults.put(p.name(), p.defaultValue())));
    return RunView.run(
        run,
        jobId,
        trigger,
        withTasks ? new RunHistory(store).repairs(runId) : List.of(),
        defaults,
        withTasks);
  }

  /** A task's run: the job run's fields with that task's state, times and key. */
  private ObjectNode taskRun(long runId, int index) {
    RunRecord run = runStore.find(runId).orElseThrow(() -> noRun(runId));
    if (index < 0 || index >= run.tasks().size()) {
      throw noRun((runId << 32) + index + 1);
    }
    ObjectNode out = view(run, false);
    out.setAll(RunView.task(runId, index, run.tasks().get(index)));
    return out;
  }

  private static ApiException noRun(long runId) {
    return ApiException.notFound(
        "run " + runId + " does not exist; jobs/runs/list shows the" + " runs.");
  }

  private Response output(Request r) {
    r.onlyFields(Set.of("run_id"));
    long id = r.requiredLong("run_id");
    Optional<long[]> task = RunView.taskOf(id);
    long runId;
    int index;
    if (task.isPresent()) {
      runId = task.get()[0];
      index = (int) task.get()[1];
    } else {
      RunRecord run = runStore.find(id, List.of()).orElseThrow(() -> noRun(id));
      List<TaskRecord> tasks = runStore.find(id).orElseThrow().tasks();
      if (tasks.size() != 1) {
        throw ApiException.invalid(
            "run "
                + id
                + " has "
                + tasks.size()
                + " tasks; get the"
                + " output of one of them with its own run_id (tasks[].run_id of jobs/runs/get?run_id="
                + run.runId()
                + ").");
      }
      runId = id;
      index = 0;
    }
    ObjectNode metadata = taskRun(runId, index);
    TaskRecord t = runStore.find(runId).orElseThrow().tasks().get(index);
    ObjectNode out = Json.object();
    out.set("metadata", metadata);
    JsonNode exit = t.values().get("notebook_output");
    if (exit != null) {
      out.putObject("notebook_output").put("result", RunView.text(exit)).put("truncated", false);
    }
    List<String> logs = runStore.attemptLogs(runId, t.taskKey());
    if (!logs.isEmpty()) {
      String[] tail = tail(logs.get(logs.size() - 1));
      out.put("logs", tail[0]);
      out.put("logs_truncated", Boolean.parseBoolean(tail[1]));
    }
    if (t.resultState().filter(s -> !s.equals("SUCCESS")).isPresent()) {
      t.message().ifPresent(m -> out.put("error", m));
    }
    return Response.json(out);
  }

  /** The last {@link #LOG_TAIL} bytes of a log, and whether it was cut. */
  static String[] tail(String path) {
    try (RandomAccessFile f = new RandomAccessFile(path, "r")) {
      long from = Math.max(0, f.length() - LOG_TAIL);
      byte[] b = new byte[(int) (f.length() - from)];
      f.seek(from);
      f.readFully(b);
      return new String[] {new String(b, StandardCharsets.UTF_8), Boolean.toString(from > 0)};
    } catch (IOException e) {
      return new String[] {"", "false"};
    }
  }

  private Response cancel(Request r) {
    r.onlyFields(Set.of("run_id"));
    long id = r.requiredLong("run_id");
    runs.cancel(RunView.taskOf(id).map(t -> t[0]).orElse(id));
    return Response.json(Json.object());
  }

  private Response cancelAll(Request r) {
    r.onlyFields(Set.of("job_id", "all_queued_runs"));
    runs.cancelAll(jobs.served(r.requiredLong("job_id")));
    return Response.json(Json.object());
  }

  private Response repair(Request r) {
    r.onlyFields(
        Set.of(
            "run_id",
            "rerun_tasks",
            "rerun_all_failed_tasks",
            "rerun_dependent_tasks",
            "job_parameters",
            "latest_repair_id"));
    long runId = r.requiredLong("run_id");
    List<String> tasks = r.textList("rerun_tasks");
    boolean allFailed = r.flag("rerun_all_failed_tasks");
    if (allFailed == !tasks.isEmpty()) {
      throw ApiException.invalid(
          "a repair takes either rerun_tasks (a list of task keys) or"
              + " rerun_all_failed_tasks: true, not both and not neither.");
    }
    RunRecord run = runStore.find(runId, List.of()).orElseThrow(() -> noRun(runId));
    Optional<Long> latest = r.optionalLong("latest_repair_id");
    if (latest.isPresent() && latest.get() != run.repairCount()) {
      throw ApiException.invalidState(
          "latest_repair_id "
              + latest.get()
              + " is not the run's"
              + " latest repair ("
              + run.repairCount()
              + "); read the run again and repair from"
              + " there.");
    }
    int repairId =
        runs.repair(
            runId,
            new Executor.RepairRequest(tasks, allFailed, r.flag("rerun_dependent_tasks")),
            r.textMap("job_parameters"));
    ObjectNode out = Json.object();
    out.put("repair_id", repairId);
    return Response.json(out);
  }
}
