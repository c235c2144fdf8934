package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.Reference;
import io.andon.util.Json;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Resolves {@code {{...}}} references for one unit of a run, at the moment it starts. */
final class Resolver {
  private final RunLoop loop;
  private final Unit unit;

  Resolver(RunLoop loop, Unit unit) {
    this.loop = loop;
    this.unit = unit;
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
          case "name" -> unit.taskKey;
          case "run_id" -> loop.runId + "-" + unit.label();
          case "execution_count" -> Integer.toString(Math.max(1, unit.attempts));
          default -> throw unknown(r);
        };
      case "tasks": {
        Unit u = loop.unit(p.get(1));
        if (u == null) {
          throw unknown(r);
        }
        switch (p.get(2)) {
          case "run_id":
            return loop.runId + "-" + u.label();
          case "result_state":
          case "error_code":
            if (u.result == null) {
              throw new IllegalStateException(r + ": task " + u.taskKey + " has not finished");
            }
            if (p.get(2).equals("result_state")) {
              return u.result.name();
            }
            // the error code of a task that did not succeed is its result state; else empty
            return u.result.countsAsSuccess() ? "" : u.result.name();
          default:
            break;
        }
        JsonNode v = u.values.get(p.get(3));
        if (v == null) {
          throw new IllegalStateException(r + ": task " + u.taskKey + " published no value '"
              + p.get(3) + "'" + (u.values.isEmpty() ? " (it published none)"
                  : "; it published: " + String.join(", ", u.values.keySet())));
        }
        return TaskValues.render(v);
      }
      case "input": {
        if (unit.input == null) {
          throw new IllegalStateException(r + " is only defined inside a for_each_task");
        }
        JsonNode in;
        try {
          in = Json.read(unit.input);
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        for (int i = 1; i < p.size(); i++) {
          JsonNode next = in.isArray() && p.get(i).matches("\\d+") ? in.get(Integer.parseInt(
              p.get(i))) : in.get(p.get(i));
          if (next == null) {
            throw new IllegalStateException(r + ": the input " + Json.write(in) + " has no field '"
                + p.get(i) + "'");
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
      String v = loop.params.get(p.get(2));
      if (v == null) {
        throw unknown(r);
      }
      return v;
    }
    if (field.startsWith("start_time.") || field.startsWith("trigger.time.")) {
      Instant at = field.startsWith("start_time.") ? Instant.ofEpochMilli(loop.startTime)
          : loop.trigger.time();
      return time(at, p.get(p.size() - 1)).orElseThrow(() -> unknown(r));
    }
    return switch (field) {
      case "trigger.type" -> loop.trigger.type().name();
      // empty for a run that no file-arrival trigger started
      case "trigger.file_arrival.location" -> loop.trigger.fileArrivalLocation().orElse("");
      case "id" -> loop.job.jobKey().orElse(loop.job.name());
      case "name" -> loop.job.name();
      case "run_id" -> Long.toString(loop.runId);
      case "repair_count" -> Integer.toString(loop.repairId);
      default -> throw unknown(r);
    };
  }

  /** A part of {@code t} in UTC, as Databricks renders {@code {{job.start_time.<part>}}}. */
  static java.util.Optional<String> time(Instant t, String part) {
    java.time.ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return java.util.Optional.ofNullable(switch (part) {
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
