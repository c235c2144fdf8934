package io.andon.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import io.andon.store.RepairRecord;
import io.andon.store.RunRecord;
import io.andon.store.TaskRecord;
import io.andon.util.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored run as the Jobs API 2.2 shows it: {@code state} (life cycle, result, message), {@code
 * status} (the newer state with its termination details), times in epoch milliseconds, its tasks
 * each with a task run id of its own, and its repair history.
 *
 * <p>A task's run id is {@code (run_id << 32) + its position in the run + 1}: stable, distinct from
 * every job run id below 2^32, and mapped back by {@link #taskOf(long)}.
 */
final class RunView {
  private static final int TASK_SHIFT = 32;

  private RunView() {}

  /** The run id of task {@code index} (0-based, in the run's order) of run {@code runId}. */
  static long taskRunId(long runId, int index) {
    return (runId << TASK_SHIFT) + index + 1;
  }

  /** For a task run id, the job run id and the task's position; empty for a job run id. */
  static Optional<long[]> taskOf(long id) {
    if (id >>> TASK_SHIFT == 0) {
      return Optional.empty();
    }
    return Optional.of(new long[] {id >>> TASK_SHIFT, (id & 0xFFFFFFFFL) - 1});
  }

  /** The Jobs API {@code Run}; {@code withTasks} false leaves the tasks out (runs/list). */
  static ObjectNode run(
      RunRecord r,
      long jobId,
      String trigger,
      List<RepairRecord> repairs,
      Map<String, String> defaults,
      boolean withTasks) {
    ObjectNode o = Json.object();
    o.put("job_id", jobId);
    o.put("run_id", r.runId());
    o.put("number_in_job", r.runId());
    o.put("original_attempt_run_id", r.runId());
    o.put("run_name", r.jobName());
    o.put("creator_user_name", System.getProperty("user.name", "andon"));
    states(o, r.state(), r.resultState(), r.message().orElse(""));
    times(o, Optional.of(r.startTime()), r.endTime());
    o.put("setup_duration", 0);
    o.put("cleanup_duration", 0);
    o.put("trigger", trigger);
    o.put("run_type", "JOB_RUN");
    o.put("format", "MULTI_TASK");
    o.put("attempt_number", 0);
    ArrayNode params = o.putArray("job_parameters");
    r.parameters()
        .forEach(
            (k, v) -> {
              ObjectNode p = params.addObject();
              p.put("name", k);
              p.put("default", defaults.getOrDefault(k, v));
              p.put("value", v);
            });
    if (withTasks) {
      ArrayNode tasks = o.putArray("tasks");
      Map<List<Object>, ObjectNode> states = new HashMap<>();
      for (int i = 0; i < r.tasks().size(); i++) {
        tasks.add(task(r.runId(), i, r.tasks().get(i), states));
      }
      o.set("repair_history", repairHistory(r, repairs));
    }
    return o;
  }

  /** One task of a run, as {@code RunTask}. */
  static ObjectNode task(long runId, int index, TaskRecord t) {
    return task(runId, index, t, new HashMap<>());
  }

  /**
   * One task of a run, its {@code state} and {@code status} taken from {@code states} when an
   * earlier task of the same answer had the same ones: most tasks of a big run share them, and the
   * answer is only written out, never changed.
   */
  private static ObjectNode task(
      long runId, int index, TaskRecord t, Map<List<Object>, ObjectNode> states) {
    ObjectNode o = Json.object();
    o.put("run_id", taskRunId(runId, index));
    o.put("task_key", t.taskKey());
    ObjectNode both =
        states.computeIfAbsent(
            List.of(t.state(), t.resultState(), t.message().orElse("")),
            k -> {
              ObjectNode n = Json.object();
              states(n, t.state(), t.resultState(), t.message().orElse(""));
              return n;
            });
    o.setAll(both);
    times(o, t.startTime(), t.endTime());
    o.put("setup_duration", 0);
    o.put("cleanup_duration", 0);
    o.put("attempt_number", Math.max(0, t.attempts() - 1));
    if (t.repairId() > 0) {
      o.put("repair_id", t.repairId());
    }
    return o;
  }

  private static ArrayNode repairHistory(RunRecord r, List<RepairRecord> repairs) {
    ArrayNode out = Json.mapper().createArrayNode();
    ObjectNode original = out.addObject();
    original.put("type", "ORIGINAL");
    original.put("start_time", r.startTime());
    Optional<Long> firstEnd = repairs.isEmpty() ? r.endTime() : repairs.get(0).runEndBefore();
    original.put("end_time", firstEnd.orElse(0L));
    ArrayNode ids = original.putArray("task_run_ids");
    for (int i = 0; i < r.tasks().size(); i++) {
      ids.add(taskRunId(r.runId(), i));
    }
    for (RepairRecord rep : repairs) {
      ObjectNode item = out.addObject();
      item.put("type", "REPAIR");
      item.put("id", rep.repairId());
      item.put("start_time", rep.startTime());
      item.put("end_time", rep.endTime().orElse(0L));
      String st = rep.endTime().isPresent() ? "TERMINATED" : "RUNNING";
      states(item, st, rep.resultState(), "");
      ArrayNode rerun = item.putArray("task_run_ids");
      for (int i = 0; i < r.tasks().size(); i++) {
        if (rep.rerunTasks().contains(r.tasks().get(i).taskKey())) {
          rerun.add(taskRunId(r.runId(), i));
        }
      }
    }
    return out;
  }

  private static void times(ObjectNode o, Optional<Long> start, Optional<Long> end) {
    o.put("start_time", start.orElse(0L));
    o.put("end_time", end.orElse(0L));
    long took = start.isPresent() && end.isPresent() ? end.get() - start.get() : 0;
    o.put("execution_duration", took);
    o.put("run_duration", took);
  }

  /** {@code state} and {@code status} of a run, a task or a repair. */
  static void states(ObjectNode o, String lifeCycle, Optional<String> result, String message) {
    ObjectNode state = o.putObject("state");
    state.put("life_cycle_state", lifeCycle);
    result.ifPresent(r -> state.put("result_state", r));
    state.put("state_message", message);
    state.put(
        "user_cancelled_or_timedout",
        result.filter(r -> r.equals("CANCELED") || r.equals("TIMEDOUT")).isPresent());
    ObjectNode status = o.putObject("status");
    LifeCycleState lc = LifeCycleState.valueOf(lifeCycle);
    status.put("state", statusState(lc));
    if (lc.isFinal()) {
      ObjectNode details = status.putObject("termination_details");
      String code = terminationCode(lc, result.map(ResultState::valueOf));
      details.put("code", code);
      details.put("type", terminationType(code));
      details.put("message", message);
    }
  }

  private static String statusState(LifeCycleState lc) {
    return switch (lc) {
      case QUEUED, PENDING, BLOCKED, RUNNING, TERMINATING -> lc.name();
      case WAITING_FOR_RETRY -> "WAITING";
      case TERMINATED, SKIPPED, INTERNAL_ERROR -> "TERMINATED";
    };
  }

  private static String terminationCode(LifeCycleState lc, Optional<ResultState> result) {
    if (lc == LifeCycleState.INTERNAL_ERROR) {
      return "INTERNAL_ERROR";
    }
    return result
        .map(
            r ->
                switch (r) {
                  case SUCCESS -> "SUCCESS";
                  case SUCCESS_WITH_FAILURES -> "SUCCESS_WITH_FAILURES";
                  case FAILED, TIMEDOUT, UPSTREAM_FAILED -> "RUN_EXECUTION_ERROR";
                  case CANCELED, UPSTREAM_CANCELED -> "CANCELED";
                  case EXCLUDED -> "SKIPPED";
                  case DISABLED -> "DISABLED";
                  case MAXIMUM_CONCURRENT_RUNS_REACHED -> "MAX_CONCURRENT_RUNS_EXCEEDED";
                })
        .orElse("SKIPPED");
  }

  private static String terminationType(String code) {
    return switch (code) {
      case "SUCCESS", "SUCCESS_WITH_FAILURES" -> "SUCCESS";
      case "INTERNAL_ERROR" -> "INTERNAL_ERROR";
      default -> "CLIENT_ERROR";
    };
  }

  /** A task's value as text: the string itself, else its JSON. */
  static String text(JsonNode v) {
    return v.isTextual() ? v.asText() : Json.write(v);
  }
}
