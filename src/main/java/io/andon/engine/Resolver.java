package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.Reference;
import io.andon.job.ResultState;
import io.andon.util.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Resolves {@code {{...}}} references for one attempt of a unit of a run: from the run's facts, the
 * tasks that had finished when the attempt was dispatched, and the unit as it was then. Immutable,
 * so the attempt may resolve on any thread.
 */
final class Resolver {
  private final RunFacts run;
  private final TaskViews.Snapshot tasks;
  private final String taskKey;
  private final String label;
  private final int attempts;
  private final String input; // null outside a for_each iteration

  /** On the scheduling thread, which owns {@code unit}. */
  Resolver(RunFacts run, TaskViews.Snapshot tasks, Unit unit) {
    this.run = run;
    this.tasks = tasks;
    this.taskKey = unit.taskKey();
    this.label = unit.label();
    this.attempts = unit.attempts();
    this.input = unit.input().orElse(null);
  }

  /**
   * @throws IllegalStateException when a referenced value does not exist (yet)
   */
  String resolve(String template) {
    return Reference.substitute(template, this::value);
  }

  private String value(Reference r) {
    List<String> p = r.path();
    switch (r.namespace()) {
      case "job":
        return job(r, p);
      case "task":
        return switch (p.get(1)) {
          case "name" -> taskKey;
          case "run_id" -> run.runId() + "-" + label;
          case "execution_count" -> Integer.toString(Math.max(1, attempts));
          default -> throw unknown(r);
        };
      case "tasks":
        {
          String key = p.get(1);
          if (!tasks.exists(key)) {
            throw unknown(r);
          }
          java.util.Optional<TaskViews.View> done = tasks.finished(key);
          switch (p.get(2)) {
            case "run_id":
              return run.runId() + "-" + key;
            case "result_state":
            case "error_code":
              ResultState result =
                  done.orElseThrow(
                          () ->
                              new IllegalStateException(r + ": task " + key + " has not finished"))
                      .result();
              if (p.get(2).equals("result_state")) {
                return result.name();
              }
              // the error code of a task that did not succeed is its result state; else empty
              return result.countsAsSuccess() ? "" : result.name();
            default:
              break;
          }
          java.util.Map<String, JsonNode> values =
              done.map(TaskViews.View::values).orElse(java.util.Map.of());
          JsonNode v = values.get(p.get(3));
          if (v == null) {
            throw new IllegalStateException(
                r
                    + ": task "
                    + key
                    + " published no value '"
                    + p.get(3)
                    + "'"
                    + (values.isEmpty()
                        ? " (it published none)"
                        : "; it published: " + String.join(", ", values.keySet())));
          }
          return TaskValues.render(v);
        }
      case "input":
        {
          if (input == null) {
            throw new IllegalStateException(r + " is only defined inside a for_each_task");
          }
          JsonNode in;
          try {
            in = Json.read(input);
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
          for (int i = 1; i < p.size(); i++) {
            JsonNode next =
                in.isArray() && p.get(i).matches("\\d+")
                    ? in.get(Integer.parseInt(p.get(i)))
                    : in.get(p.get(i));
            if (next == null) {
              throw new IllegalStateException(
                  r + ": the input " + Json.write(in) + " has no field '" + p.get(i) + "'");
            }
            in = next;
          }
          return TaskValues.render(in);
        }
      default:
        return r.text();
    }
  }

  private String job(Reference r, List<String> p) {
    String field = String.join(".", p.subList(1, p.size()));
    if (p.size() == 3 && p.get(1).equals("parameters")) {
      String v = run.params().get(p.get(2));
      if (v == null) {
        throw unknown(r);
      }
      return v;
    }
    if (field.startsWith("start_time.") || field.startsWith("trigger.time.")) {
      Instant at =
          field.startsWith("start_time.")
              ? Instant.ofEpochMilli(run.startTime())
              : run.trigger().time();
      return time(at, p.get(p.size() - 1)).orElseThrow(() -> unknown(r));
    }
    return switch (field) {
      case "trigger.type" -> run.trigger().type().name();
      // empty for a run that no file-arrival trigger started
      case "trigger.file_arrival.location" -> run.trigger().fileArrivalLocation().orElse("");
      case "id" -> run.job().jobKey().orElse(run.job().name());
      case "name" -> run.job().name();
      case "run_id" -> Long.toString(run.runId());
      case "repair_count" -> Integer.toString(run.repairId());
      default -> throw unknown(r);
    };
  }

  /** A part of {@code t} in UTC, as Databricks renders {@code {{job.start_time.<part>}}}. */
  static java.util.Optional<String> time(Instant t, String part) {
    java.time.ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return java.util.Optional.ofNullable(
        switch (part) {
          case "iso_datetime" -> z.toLocalDateTime().toString();
          case "iso_date" -> z.toLocalDate().toString();
          case "timestamp_ms" -> Long.toString(t.toEpochMilli());
          case "year" -> Integer.toString(z.getYear());
          case "month" -> Integer.toString(z.getMonthValue());
          case "day" -> Integer.toString(z.getDayOfMonth());
          case "hour" -> Integer.toString(z.getHour());
          case "minute" -> Integer.toString(z.getMinute());
          case "second" -> Integer.toString(z.getSecond());
          case "iso_weekday" -> Integer.toString(z.getDayOfWeek().getValue());
          case "is_weekday" -> Boolean.toString(z.getDayOfWeek().getValue() <= 5);
          default -> null;
        });
  }

  private static IllegalStateException unknown(Reference r) {
    return new IllegalStateException(r + " does not name anything andon knows");
  }
}
