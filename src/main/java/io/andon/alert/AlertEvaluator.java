package io.andon.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.store.Store;
import io.andon.util.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates alert rules against the store, keeps each alert's state there, and writes the
 * notifications that state changes call for to the outbox, in the same transaction.
 *
 * <p>Evaluation: run the query read-only; no rows gives the rule's empty_result_state; a failing
 * query, a missing column or a non-numeric value under a numeric aggregation gives ERROR; otherwise
 * the condition column is aggregated (or the first row's value taken) and compared with the
 * threshold: true is TRIGGERED, false is OK. A comparison with a NULL value gives the
 * empty_result_state; IS_NULL and IS_NOT_NULL test for NULL.
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

  /** The state and value of a rule now, before notifications. */
  record Evaluation(AlertRule.State state, Optional<String> value, String message) {}

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
              java.time.Duration.ofSeconds(rule.timeoutSeconds()), stop, c -> run(c, rule));
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

  /** Runs the rule's query (on a read-only connection) and applies its condition. */
  static Evaluation run(Connection c, AlertRule rule) throws SQLException {
    try {
      return query(c, rule);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("SQLITE_INTERRUPT")) {
        throw e; // stopped: the store says why
      }
      String m = String.valueOf(e.getMessage()).replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
      return new Evaluation(
          AlertRule.State.ERROR,
          Optional.empty(),
          "the query failed: " + m.lines().findFirst().orElse(m).strip());
    }
  }

  private static Evaluation query(Connection c, AlertRule rule) throws SQLException {
    AlertRule.Condition cond = rule.condition();
    List<Object> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(rule.source().sql())) {
      List<String> args = rule.source().args();
      for (int i = 0; i < args.size(); i++) {
        ps.setString(i + 1, args.get(i)); // SQLite applies the column's affinity
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        int col = -1;
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnLabel(i));
          if (md.getColumnLabel(i).equalsIgnoreCase(cond.column())) {
            col = i;
          }
        }
        if (col < 0) {
          return new Evaluation(
              AlertRule.State.ERROR,
              Optional.empty(),
              "the result has no"
                  + " column '"
                  + cond.column()
                  + "' (columns: "
                  + String.join(", ", names)
                  + "); fix condition.column or the query.");
        }
        while (rs.next()) {
          Object v = rs.getObject(col);
          values.add(v);
          if (cond.aggregation().isEmpty()) {
            break;
          }
        }
      }
    }
    if (values.isEmpty()) {
      return new Evaluation(
          rule.emptyResultState(),
          Optional.empty(),
          "the query returned no rows (empty_result_state " + rule.emptyResultState() + ")");
    }
    Object value;
    if (cond.aggregation().isEmpty()) {
      value = values.get(0);
    } else {
      AlertRule.Aggregation a = cond.aggregation().get();
      if (a == AlertRule.Aggregation.COUNT) {
        value = (double) values.stream().filter(Objects::nonNull).count();
      } else if (a == AlertRule.Aggregation.COUNT_DISTINCT) {
        HashSet<String> distinct = new HashSet<>();
        values.stream()
            .filter(Objects::nonNull)
            .forEach(
                v ->
                    distinct.add(
                        v instanceof Number n
                            ? Double.toString(n.doubleValue() + 0.0)
                            : v.toString()));
        value = (double) distinct.size();
      } else {
        List<Double> nums = new ArrayList<>();
        for (Object v : values) {
          if (v == null) {
            nums.add(null);
            continue;
          }
          Optional<Double> d = toNumber(v);
          if (d.isEmpty()) {
            return new Evaluation(
                AlertRule.State.ERROR,
                Optional.empty(),
                a + " needs numbers," + " but column '" + cond.column() + "' holds '" + v + "'.");
          }
          nums.add(d.get());
        }
        OptionalDouble r = Aggregations.apply(a, nums);
        value = r.isPresent() ? (Object) r.getAsDouble() : null;
      }
    }
    return compare(rule, value, values.size());
  }

  static Evaluation compare(AlertRule rule, Object value, int rows) {
    AlertRule.Condition cond = rule.condition();
    Optional<String> shown = Optional.ofNullable(value).map(AlertEvaluator::show);
    String what =
        cond.describe()
            + " with value "
            + shown.orElse("NULL")
            + " over "
            + rows
            + (rows == 1 ? " row" : " rows");
    switch (cond.op()) {
      case IS_NULL:
        return verdict(value == null, shown, what);
      case IS_NOT_NULL:
        return verdict(value != null, shown, what);
      default:
        break;
    }
    if (value == null) {
      return new Evaluation(
          rule.emptyResultState(),
          shown,
          what + ": nothing to compare" + " (empty_result_state " + rule.emptyResultState() + ")");
    }
    String threshold = cond.threshold().orElseThrow();
    Optional<Double> v = toNumber(value);
    Optional<Double> t = AlertsFile.number(threshold);
    boolean hit;
    if (cond.op() == AlertRule.Op.EQUAL || cond.op() == AlertRule.Op.NOT_EQUAL) {
      boolean eq =
          v.isPresent() && t.isPresent()
              ? v.get().doubleValue() == t.get()
              : String.valueOf(value).equals(threshold);
      hit = cond.op() == AlertRule.Op.EQUAL ? eq : !eq;
    } else {
      if (v.isEmpty()) {
        return new Evaluation(
            AlertRule.State.ERROR,
            shown,
            what
                + ": '"
                + value
                + "' is not a"
                + " number, so "
                + cond.op()
                + " cannot compare it.");
      }
      double x = v.get();
      double y = t.orElseThrow();
      hit =
          switch (cond.op()) {
            case GREATER_THAN -> x > y;
            case GREATER_THAN_OR_EQUAL -> x >= y;
            case LESS_THAN -> x < y;
            case LESS_THAN_OR_EQUAL -> x <= y;
            default -> throw new IllegalStateException(cond.op().name());
          };
    }
    return verdict(hit, shown, what);
  }

  private static Evaluation verdict(boolean hit, Optional<String> shown, String what) {
    return new Evaluation(
        hit ? AlertRule.State.TRIGGERED : AlertRule.State.OK,
        shown,
        what + (hit ? ": condition met" : ": condition not met"));
  }

  private static Optional<Double> toNumber(Object v) {
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    return v == null ? Optional.empty() : AlertsFile.number(v.toString());
  }

  private static String show(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }

  private Result record(Connection c, AlertsFile file, AlertRule rule, Evaluation e, Instant now)
      throws SQLException {
    AlertRule.State previous = AlertRule.State.UNKNOWN;
    Long lastNotified = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT state, last_notified_at FROM alert_states WHERE alert_name = ?")) {
      ps.setString(1, rule.name());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          previous = AlertRule.State.valueOf(rs.getString(1));
          long l = rs.getLong(2);
          lastNotified = rs.wasNull() ? null : l;
        }
      }
    }
    String event = null;
    switch (e.state()) {
      case TRIGGERED:
        if (previous != AlertRule.State.TRIGGERED) {
          event = "alert.triggered";
        } else if (rule.retriggerSeconds() > 0
            && (lastNotified == null
                || now.toEpochMilli() - lastNotified >= rule.retriggerSeconds() * 1000)) {
          event = "alert.triggered";
        }
        break;
      case OK:
        if (previous == AlertRule.State.TRIGGERED && rule.notifyOnOk()) {
          event = "alert.ok";
        }
        break;
      case ERROR:
        if (previous != AlertRule.State.ERROR) {
          event = "alert.error";
        }
        break;
      default:
        break;
    }
    List<String> ids = new ArrayList<>();
    if (event != null) {
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
}
