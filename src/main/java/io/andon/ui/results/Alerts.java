package io.andon.ui.results;

import io.andon.store.Store;
import io.andon.ui.results.AlertsView.Attempt;
import io.andon.ui.results.AlertsView.Delivery;
import io.andon.ui.results.AlertsView.Evaluation;
import io.andon.ui.results.AlertsView.Rule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the alerts page: {@code alert_states} with the latest {@code alert_evaluations} of each
 * rule, and the newest notifications of the outbox with their {@code notification_attempts}.
 */
public final class Alerts {
  /** How many evaluations of a rule the page lists. */
  public static final int HISTORY = 20;

  /** How many notifications the page lists, newest first. */
  public static final int DELIVERIES = 200;

  private final Store store;

  public Alerts(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The page, with deliveries in {@code state} only when one is given. */
  public AlertsView read(Optional<String> state) {
    Objects.requireNonNull(state, "state");
    return store.read(c -> new AlertsView(rules(c), deliveries(c, state), counts(c)));
  }

  private static List<Rule> rules(Connection c) throws SQLException {
    List<Rule> out = new ArrayList<>();
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT alert_name, alerts_file, state, value, message, evaluated_at,"
                    + " state_since, last_notified_at FROM alert_states ORDER BY alert_name");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        long notified = rs.getLong("last_notified_at");
        Optional<Instant> last =
            rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(notified));
        String name = rs.getString("alert_name");
        out.add(
            new Rule(
                name,
                rs.getString("alerts_file"),
                rs.getString("state"),
                Optional.ofNullable(rs.getString("value")),
                Optional.ofNullable(rs.getString("message")),
                Instant.ofEpochMilli(rs.getLong("evaluated_at")),
                Instant.ofEpochMilli(rs.getLong("state_since")),
                last,
                history(c, name)));
      }
    }
    return out;
  }

  private static List<Evaluation> history(Connection c, String name) throws SQLException {
    List<Evaluation> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT evaluated_at, state, value, message, notified FROM alert_evaluations"
                + " WHERE alert_name = ? ORDER BY evaluated_at DESC, rowid DESC LIMIT "
                + HISTORY)) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Evaluation(
                  Instant.ofEpochMilli(rs.getLong(1)),
                  rs.getString(2),
                  Optional.ofNullable(rs.getString(3)),
                  Optional.ofNullable(rs.getString(4)),
                  rs.getInt(5) == 1));
        }
      }
    }
    return out;
  }

  private static List<Delivery> deliveries(Connection c, Optional<String> state)
      throws SQLException {
    Map<String, List<Attempt>> attempts = attempts(c, state);
    List<Delivery> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, destination_id, event, subject, state, created_at, next_attempt_at,"
                + " delivered_at, last_error FROM notifications"
                + (state.isPresent() ? " WHERE state = ?" : "")
                + " ORDER BY created_at DESC, id LIMIT "
                + DELIVERIES)) {
      if (state.isPresent()) {
        ps.setString(1, state.get());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString("id");
          out.add(
              new Delivery(
                  id,
                  rs.getString("destination_id"),
                  rs.getString("event"),
                  rs.getString("subject"),
                  rs.getString("state"),
                  Instant.ofEpochMilli(rs.getLong("created_at")),
                  instant(rs, "next_attempt_at"),
                  instant(rs, "delivered_at"),
                  Optional.ofNullable(rs.getString("last_error")),
                  attempts.getOrDefault(id, List.of())));
        }
      }
    }
    return out;
  }

  /** The attempts of the notifications the page lists. */
  private static Map<String, List<Attempt>> attempts(Connection c, Optional<String> state)
      throws SQLException {
    Map<String, List<Attempt>> out = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.id, a.attempt, a.at, a.duration_ms, a.ok, a.error"
                + " FROM notification_attempts a JOIN (SELECT id FROM notifications"
                + (state.isPresent() ? " WHERE state = ?" : "")
                + " ORDER BY created_at DESC, id LIMIT "
                + DELIVERIES
                + ") n ON n.id = a.id ORDER BY a.id, a.attempt")) {
      if (state.isPresent()) {
        ps.setString(1, state.get());
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(
                  new Attempt(
                      rs.getInt(2),
                      Instant.ofEpochMilli(rs.getLong(3)),
                      rs.getLong(4),
                      rs.getInt(5) == 1,
                      Optional.ofNullable(rs.getString(6))));
        }
      }
    }
    return out;
  }

  private static AlertsView.Counts counts(Connection c) throws SQLException {
    Map<String, Long> n = new HashMap<>();
    try (PreparedStatement ps =
            c.prepareStatement("SELECT state, count(*) FROM notifications GROUP BY state");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        n.put(rs.getString(1), rs.getLong(2));
      }
    }
    return new AlertsView.Counts(
        n.getOrDefault("PENDING", 0L),
        n.getOrDefault("DELIVERED", 0L),
        n.getOrDefault("FAILED", 0L));
  }

  private static Optional<Instant> instant(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }
}
