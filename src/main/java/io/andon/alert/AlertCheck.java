package io.andon.alert;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One check of an alerts file, as {@code andon alerts check} and {@code alert_task} run it:
 * evaluate, record, then deliver the notifications within a time budget.
 */
public final class AlertCheck {
  /** Exit code when no alert is TRIGGERED but some are in ERROR. */
  public static final int EXIT_ERROR = 4;

  /**
   * What a check found and how delivery went.
   *
   * @param delivery every attempt made while draining the outbox (older notifications included)
   * @param states the delivery state of each notification this check wrote, after draining
   */
  public record Outcome(
      List<AlertEvaluator.Result> results,
      Outbox.Report delivery,
      Map<String, StoredNotification.State> states) {
    public Outcome {
      results = List.copyOf(results);
      Objects.requireNonNull(delivery, "delivery");
      states = Map.copyOf(states);
    }

    /** How many of this check's notifications are in {@code state}. */
    public long count(StoredNotification.State state) {
      return states.values().stream().filter(state::equals).count();
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

  public static Outcome run(
      Store store, AlertsFile file, Collection<String> only, Duration deliveryBudget) {
    return run(store, file, only, deliveryBudget, () -> false);
  }

  /** The same, with queries that stop as soon as {@code stop} is true. */
  public static Outcome run(
      Store store,
      AlertsFile file,
      Collection<String> only,
      Duration deliveryBudget,
      java.util.function.BooleanSupplier stop) {
    return run(
        Outbox.open(store),
        new AlertEvaluator(store, Clock.systemUTC(), stop),
        file,
        only,
        deliveryBudget);
  }

  public static Outcome run(
      Outbox outbox,
      AlertEvaluator evaluator,
      AlertsFile file,
      Collection<String> only,
      Duration deliveryBudget) {
    List<AlertEvaluator.Result> results = evaluator.evaluate(file, only);
    Outbox.Report delivery =
        results.stream().anyMatch(r -> !r.notifications().isEmpty())
            ? outbox.drain(deliveryBudget)
            : new Outbox.Report(0, 0, 0, 0, List.of());
    Map<String, StoredNotification.State> states = new LinkedHashMap<>();
    for (AlertEvaluator.Result r : results) {
      for (String id : r.notifications()) {
        outbox.get(id).ifPresent(n -> states.put(id, n.state()));
      }
    }
    return new Outcome(results, delivery, states);
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
