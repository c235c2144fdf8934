package io.andon.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One check of an alerts file, as {@code andon alerts check} and {@code alert_task} run it:
 * evaluate, record, then deliver the notifications within a time budget.
 */
public final class AlertCheck {
  /** Exit code when no alert is TRIGGERED but some are in ERROR. */
  public static final int EXIT_ERROR = 4;

  /** What a check found and how delivery went. */
  public record Outcome(List<AlertEvaluator.Result> results, Outbox.Report delivery) {
    public Outcome {
      results = List.copyOf(results);
      Objects.requireNonNull(delivery, "delivery");
    }

    public boolean anyIn(AlertRule.State state) {
      return results.stream().anyMatch(r -> r.state() == state);
    }

    /** 0 all OK, 1 some TRIGGERED, 4 some ERROR (and none TRIGGERED). */
    public int exitCode() {
      return anyIn(AlertRule.State.TRIGGERED) ? 1 : anyIn(AlertRule.State.ERROR) ? EXIT_ERROR : 0;
    }
  }

  private AlertCheck() {}

  public static Outcome run(Store store, AlertsFile file, Collection<String> only,
      Duration deliveryBudget) {
    return run(Outbox.open(store), new AlertEvaluator(store, Clock.systemUTC()), file, only,
        deliveryBudget);
  }

  public static Outcome run(Outbox outbox, AlertEvaluator evaluator, AlertsFile file,
      Collection<String> only, Duration deliveryBudget) {
    List<AlertEvaluator.Result> results = evaluator.evaluate(file, only);
    Outbox.Report delivery = results.stream().anyMatch(r -> !r.notifications().isEmpty())
        ? outbox.drain(deliveryBudget) : new Outbox.Report(0, 0, 0, 0, List.of());
    return new Outcome(results, delivery);
  }

  /** The JSON form of a result, shared by the CLI and the task values of alert_task. */
  public static ObjectNode toJson(AlertEvaluator.Result r) {
    ObjectNode o = Json.object();
    o.put("name", r.rule().name());
    o.put("state", r.state().name());
    o.put("previous_state", r.previous().name());
    if (r.value().isPresent()) {
      o.put("value", r.value().get());
    } else {
      o.putNull("value");
    }
    o.put("condition", r.rule().condition().describe());
    o.put("message", r.message());
    o.put("evaluated_at", r.evaluatedAt().toString());
    ArrayNode ids = o.putArray("notifications");
    r.notifications().forEach(ids::add);
    return o;
  }
}
