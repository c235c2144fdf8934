package io.andon.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.util.Json;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code alert_task} payload: evaluates an alerts file inside a job, e.g. after the monitor
 * task that refreshed the metrics.
 *
 * <pre>
 * alert_task:
 *   alerts_file: alerts.yml        # relative to the job file
 *   alerts: [age_drift]            # optional: only these
 *   fail_on: [TRIGGERED, ERROR]    # default; [] never fails the task
 *   delivery_wait_seconds: 10      # how long to retry notifications before the task ends
 * </pre>
 */
public final class AlertTask {
  public static final String KEY = "alert_task";

  private AlertTask() {}

  /** The parsed payload. */
  public record Spec(
      String alertsFile, List<String> alerts, Set<AlertRule.State> failOn, long deliveryWaitSeconds)
      implements Payload {
    public Spec {
      Objects.requireNonNull(alertsFile, "alertsFile");
      alerts = List.copyOf(alerts);
      failOn = failOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failOn));
    }

    @Override
    public String type() {
      return KEY;
    }

    @Override
    public List<String> templates() {
      return List.of(alertsFile);
    }
  }

  /** Parses {@code alert_task} at load; registered with ServiceLoader. */
  public static final class Type implements PayloadType {
    @Override
    public String key() {
      return KEY;
    }

    @Override
    public Optional<Payload> parse(YMap body, Problems problems, Path baseDir) {
      problems.unknownKeys(
          body, List.of("alerts_file", "alerts", "fail_on", "delivery_wait_seconds"), "alert_task");
      var file = problems.requiredString(body, "alerts_file", "alert_task");
      List<String> names = new ArrayList<>();
      for (YNode n : problems.list(body, "alerts")) {
        problems.scalarText(n, "an alert name").ifPresent(names::add);
      }
      Set<AlertRule.State> failOn = EnumSet.of(AlertRule.State.TRIGGERED, AlertRule.State.ERROR);
      if (body.has("fail_on")) {
        failOn = EnumSet.noneOf(AlertRule.State.class);
        for (YNode n : problems.list(body, "fail_on")) {
          var t = problems.scalarText(n, "a state in fail_on");
          if (t.isEmpty()) {
            continue;
          }
          String s = t.get().strip().toUpperCase();
          if (s.equals("TRIGGERED") || s.equals("ERROR")) {
            failOn.add(AlertRule.State.valueOf(s));
          } else {
            problems.add(n.loc(), "fail_on takes TRIGGERED and ERROR, not '" + t.get() + "'.");
          }
        }
      }
      OptionalLong wait = problems.integer(body, "delivery_wait_seconds");
      if (wait.isPresent() && wait.getAsLong() < 0) {
        problems.add(
            body.keyLoc("delivery_wait_seconds"),
            "'delivery_wait_seconds' must be 0 or" + " more.");
      }
      if (file.isEmpty()) {
        return Optional.empty();
      }
      if (!file.get().contains("{{")) {
        Path p = baseDir.resolve(file.get().strip());
        try {
          AlertsFile f = AlertsFile.read(p, Env.system());
          for (String name : names) {
            if (f.alert(name).isEmpty()) {
              problems.add(
                  body.loc(),
                  "alert_task names alert '" + name + "', which " + p + " does not declare.");
            }
          }
        } catch (InvalidInputException e) {
          if (e.problems().isEmpty()) {
            problems.add(body.keyLoc("alerts_file"), e.getMessage());
          }
          for (Problem x : e.problems()) {
            problems.add(x);
          }
        }
      }
      return Optional.of(new Spec(file.get().strip(), names, failOn, Math.max(0, wait.orElse(10))));
    }
  }

  /** Runs {@code alert_task} in the engine; registered with ServiceLoader. */
  public static final class Runner implements PayloadRunner {
    @Override
    public String key() {
      return KEY;
    }

    @Override
    public TaskOutcome run(Payload payload, TaskContext context) {
      Spec spec = (Spec) payload;
      Path file = context.baseDir().resolve(context.resolve(spec.alertsFile()));
      AlertsFile alerts = AlertsFile.read(file, Env.system());
      AlertCheck.Outcome o =
          AlertCheck.run(
              context.store(),
              alerts,
              spec.alerts(),
              Duration.ofSeconds(spec.deliveryWaitSeconds()),
              context::cancelled);
      ObjectNode states = Json.object();
      ArrayNode triggered = Json.mapper().createArrayNode();
      List<String> failing = new ArrayList<>();
      for (AlertEvaluator.Result r : o.results()) {
        context
            .log()
            .println(
                r.rule().name()
                    + ": "
                    + r.state()
                    + " (was "
                    + r.previous()
                    + ") - "
                    + r.message());
        states.put(r.rule().name(), r.state().name());
        if (r.state() == AlertRule.State.TRIGGERED) {
          triggered.add(r.rule().name());
        }
        if (spec.failOn().contains(r.state())) {
          failing.add(r.rule().name() + " " + r.state());
        }
      }
      for (String e : o.delivery().errors()) {
        context.log().println("notification " + e);
      }
      context.putValue("states", states);
      context.putValue("triggered", triggered);
      if (!failing.isEmpty()) {
        return TaskOutcome.failure("alerts " + String.join(", ", failing));
      }
      return TaskOutcome.success(
          o.results().size() + " alerts checked, " + triggered.size() + " triggered");
    }
  }
}
