package io.andon.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.alert.AlertQuery.Evaluation;
import io.andon.store.Store;
import io.andon.util.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Evaluates alert rules against the store, keeps each alert's state there, and writes the
 * notifications that state changes call for to the outbox, in the same transaction.
 *
 * <p>Evaluation ({@link AlertQuery}): run the query read-only, on a connection of its own with the
 * rule's timeout, and apply its condition into TRIGGERED, OK or ERROR.
 *
 * <p>Notifications: entering TRIGGERED notifies; staying TRIGGERED notifies again once
 * retrigger_seconds have passed since the last notification (never when 0); going from TRIGGERED to
 * OK notifies when notify_on_ok; entering ERROR notifies.
 */
public final class AlertEvaluator {
  /** The outcome of one alert. */
  public record Result(
      AlertRule rule,
      AlertRule.State state,
      AlertRule.State previous,
      Optional<String> value,
      String message,
      Instant evaluatedAt,
      List<String> notifications) {
    public Result {
      Objects.requireNonNull(rule, "rule");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(previous, "previous");
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(evaluatedAt, "evaluatedAt");
      notifications = List.copyOf(notifications);
    }
  }

  private final Store store;
  private final Clock clock;
  private final java.util.function.BooleanSupplier stop;

  public AlertEvaluator(Store store, Clock clock) {
    this(store, clock, () -> false);
  }

  /** An evaluator whose queries stop as soon as {@code stop} is true (a canceled task). */
  public AlertEvaluator(Store store, Clock clock, java.util.function.BooleanSupplier stop) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stop = Objects.requireNonNull(stop, "stop");
  }

  /** Evaluates the alerts of {@code file} (only those named in {@code only}, if any). */
  public List<Result> evaluate(AlertsFile file, Collection<String> only) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(only, "only");
    List<Result> out = new ArrayList<>();
    for (AlertRule rule : file.alerts()) {
      if (only.isEmpty() || only.contains(rule.name())) {
        out.add(evaluate(file, rule));
      }
    }
    return out;
  }

  private Result evaluate(AlertsFile file, AlertRule rule) {
    Instant now = clock.instant();
    Evaluation e;
    try {
      // a connection of its own: a slow query holds neither the store nor a running job
      e =
          store.readOnly(
              java.time.Duration.ofSeconds(rule.timeoutSeconds()),
              stop,
              c -> AlertQuery.run(c, rule));
    } catch (io.andon.store.QueryStoppedException x) {
      e =
          new Evaluation(
              AlertRule.State.ERROR,
              Optional.empty(),
              x.getMessage()
                  + (x.getMessage().endsWith("canceled")
                      ? ""
                      : "; make the query cheaper or raise the"
                          + " alert's timeout_seconds ("
                          + rule.timeoutSeconds()
                          + ")"));
    }
    Evaluation evaluation = e;
    return store.tx(c -> record(c, file, rule, evaluation, now));
  }

  /** An alert's stored state before this evaluation. */
  private record Stored(AlertRule.State state, Optional<Instant> lastNotified) {}

  private Result record(Connection c, AlertsFile file, AlertRule rule, Evaluation e, Instant now)
      throws SQLException {
    Stored stored = stored(c, rule);
    AlertRule.State previous = stored.state();
    List<String> ids = new ArrayList<>();
    Optional<String> event = event(rule, e.state(), stored, now);
    if (event.isPresent()) {
      ids.addAll(notify(c, file, rule, e, previous, event.get(), now));
    }
    boolean notified = !ids.isEmpty();
    boolean changed = previous != e.state();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert_states (alert_name,"
                + " alerts_file, state, value, message, evaluated_at, state_since, last_notified_at)"
                + " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(alert_name) DO UPDATE SET"
                + " alerts_file = excluded.alerts_file, state = excluded.state, value = excluded.value,"
                + " message = excluded.message, evaluated_at = excluded.evaluated_at,"
                + " state_since = CASE WHEN ? THEN excluded.state_since ELSE state_since END,"
                + " last_notified_at = COALESCE(excluded.last_notified_at, last_notified_at)")) {
      ps.setString(1, rule.name());
      ps.setString(2, file.file().toString());
      ps.setString(3, e.state().name());
      ps.setString(4, e.value().orElse(null));
      ps.setString(5, e.message());
      ps.setLong(6, now.toEpochMilli());
      ps.setLong(7, now.toEpochMilli());
      if (notified) {
        ps.setLong(8, now.toEpochMilli());
      } else {
        ps.setNull(8, Types.INTEGER);
      }
      ps.setBoolean(9, changed);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO alert_evaluations (alert_name,"
                + " evaluated_at, state, value, message, notified) VALUES (?,?,?,?,?,?)")) {
      ps.setString(1, rule.name());
      ps.setLong(2, now.toEpochMilli());
      ps.setString(3, e.state().name());
      ps.setString(4, e.value().orElse(null));
      ps.setString(5, e.message());
      ps.setInt(6, notified ? 1 : 0);
      ps.executeUpdate();
    }
    return new Result(rule, e.state(), previous, e.value(), e.message(), now, ids);
  }

  private static Stored stored(Connection c, AlertRule rule) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state, last_notified_at FROM alert_states WHERE alert_name = ?")) {
      ps.setString(1, rule.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return new Stored(AlertRule.State.UNKNOWN, Optional.empty());
        }
        AlertRule.State state = AlertRule.State.valueOf(rs.getString(1));
        long l = rs.getLong(2);
        return new Stored(
            state, rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(l)));
      }
    }
  }

  /** The event that entering {@code state} from {@code stored} notifies, if any. */
  private static Optional<String> event(
      AlertRule rule, AlertRule.State state, Stored stored, Instant now) {
    AlertRule.State previous = stored.state();
    return switch (state) {
      case TRIGGERED ->
          previous != AlertRule.State.TRIGGERED
                  || (rule.retriggerSeconds() > 0
                      && (stored.lastNotified().isEmpty()
                          || now.toEpochMilli() - stored.lastNotified().get().toEpochMilli()
                              >= rule.retriggerSeconds() * 1000))
              ? Optional.of("alert.triggered")
              : Optional.empty();
      case OK ->
          previous == AlertRule.State.TRIGGERED && rule.notifyOnOk()
              ? Optional.of("alert.ok")
              : Optional.empty();
      case ERROR ->
          previous != AlertRule.State.ERROR ? Optional.of("alert.error") : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** Writes the notification of {@code event} for each destination; their ids. */
  private static List<String> notify(
      Connection c,
      AlertsFile file,
      AlertRule rule,
      Evaluation e,
      AlertRule.State previous,
      String event,
      Instant now)
      throws SQLException {
    ObjectNode data = Json.object();
    data.put("alert", rule.name());
    data.put("state", e.state().name());
    data.put("previous_state", previous.name());
    if (e.value().isPresent()) {
      data.put("value", e.value().get());
    } else {
      data.putNull("value");
    }
    data.put("condition", rule.condition().describe());
    data.put("message", e.message());
    data.put("alerts_file", file.file().toString());
    data.put("evaluated_at", now.toString());
    String subject =
        "andon: alert "
            + rule.name()
            + " "
            + e.state()
            + " ("
            + rule.condition().describe()
            + ", value "
            + e.value().orElse("NULL")
            + ")";
    String text =
        "Alert '"
            + rule.name()
            + "' is "
            + e.state()
            + " (was "
            + previous
            + "): "
            + e.message()
            + "."
            + rule.description().map(d -> "\n" + d).orElse("");
    List<String> ids = new ArrayList<>();
    for (Destination d : rule.destinations()) {
      String id =
          Notification.idFor(
              "alert/" + rule.name() + "/" + e.state() + "/" + now.toEpochMilli(), d.id());
      Outbox.enqueue(
          c,
          new Notification(id, d.id(), event, "alert " + rule.name(), subject, text, data, now),
          d);
      ids.add(id);
    }
    return ids;
  }
}
