package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.schedule.PauseStatus;
import io.andon.schedule.service.FireStore;
import io.andon.util.Json;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code POST /api/2.2/jobs/update} for a pause status only: {@code new_settings} with one of
 * {@code schedule}, {@code trigger} or {@code continuous} holding just {@code pause_status}. The
 * status is kept in the home (it outlives restarts and file reloads) and told to the {@link
 * PauseListener}s.
 */
final class JobUpdates {
  private static final Set<String> HOLDERS = Set.of("schedule", "trigger", "continuous");

  private final JobsApi jobs;
  private final FireStore pauses;
  private final Clock clock;
  private final ServiceLog log;
  private final List<PauseListener> listeners = new CopyOnWriteArrayList<>();

  JobUpdates(JobsApi jobs, FireStore pauses, Clock clock, ServiceLog log) {
    this.jobs = jobs;
    this.pauses = pauses;
    this.clock = clock;
    this.log = log;
  }

  void routes(Router router) {
    router.post("/api/2.2/jobs/update", this::update);
  }

  void listen(PauseListener l) {
    listeners.add(l);
  }

  private Response update(Request r) {
    r.onlyFields(Set.of("job_id", "new_settings", "fields_to_remove"));
    ServedJob job = jobs.served(r.requiredLong("job_id"));
    if (!r.textList("fields_to_remove").isEmpty()) {
      throw ApiException.invalid(
          "andon serve changes only a job's pause_status; remove"
              + " settings by editing "
              + job.source()
              + ".");
    }
    JsonNode settings = r.fields().path("new_settings");
    if (!settings.isObject() || settings.size() != 1) {
      throw ApiException.invalid(
          "new_settings must hold exactly one of schedule, trigger or"
              + " continuous, with only pause_status: {\"schedule\": {\"pause_status\":"
              + " \"PAUSED\"}}; edit "
              + job.source()
              + " for anything else.");
    }
    Map.Entry<String, JsonNode> holder = settings.properties().iterator().next();
    JsonNode inner = holder.getValue();
    if (!HOLDERS.contains(holder.getKey())
        || !inner.isObject()
        || inner.size() != 1
        || !inner.has("pause_status")) {
      throw ApiException.invalid(
          "andon serve changes only pause_status, under schedule,"
              + " trigger or continuous, not new_settings."
              + holder.getKey()
              + "; edit "
              + job.source()
              + " for anything else.");
    }
    String status = inner.get("pause_status").asText("");
    if (!status.equals("PAUSED") && !status.equals("UNPAUSED")) {
      throw ApiException.invalid(
          "pause_status must be PAUSED or UNPAUSED, not " + inner.get("pause_status") + ".");
    }
    // one pause store for the API, the CLI and the schedules: held until the job file's changes
    pauses.setPause(
        job.name(),
        new FireStore.PauseOverride(PauseStatus.valueOf(status), JobsApi.fileStatus(job.spec())),
        clock.instant());
    boolean paused = status.equals("PAUSED");
    listeners.forEach(l -> l.pauseChanged(job.name(), paused));
    log.event(
        paused ? "job_paused" : "job_resumed", Map.of("job", job.name(), "job_id", job.jobId()));
    return Response.json(Json.object());
  }
}
