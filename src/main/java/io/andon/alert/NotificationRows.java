package io.andon.alert;

import io.andon.store.Store;
import io.andon.util.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQL of the outbox's tables: {@code notifications} (one row per notification, with its state,
 * its next attempt and the lease of the process sending it) and {@code notification_attempts} (one
 * row per attempt). Each method is one transaction of the store, or runs in the caller's.
 */
final class NotificationRows {
  /** A PENDING notification that is due, and the destination it goes to. */
  record Due(String id, String destinationId) {}

  /**
   * How one attempt went: {@code error} is empty when the destination accepted it, {@code
   * nextAttempt} empty when no attempt follows.
   */
  record Attempt(
      String id,
      int attempt,
      StoredNotification.State state,
      Instant start,
      Instant end,
      Optional<String> error,
      Optional<Instant> nextAttempt) {
    Attempt {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(nextAttempt, "nextAttempt");
    }
  }

  private final Store store;

  NotificationRows(Store store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Writes {@code n} for {@code destination}, due after the schedule's first delay, inside the
   * caller's transaction. False (and nothing written) when its id is already there.
   */
  static boolean insert(Connection c, Notification n, Destination destination) throws SQLException {
    long due = n.createdAt().plus(destination.delivery().schedule().delays().get(0)).toEpochMilli();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR IGNORE INTO notifications (id,"
                + " destination_id, destination, event, source, subject, text, body, state, attempts,"
                + " created_at, next_attempt_at) VALUES (?,?,?,?,?,?,?,?,'PENDING',0,?,?)")) {
      ps.setString(1, n.id());
      ps.setString(2, destination.id());
      ps.setString(3, Json.write(DestinationJson.toJson(destination)));
      ps.setString(4, n.event());
      ps.setString(5, n.source());
      ps.setString(6, n.subject());
      ps.setString(7, n.text());
      ps.setString(8, n.body());
      ps.setLong(9, n.createdAt().toEpochMilli());
      ps.setLong(10, due);
      return ps.executeUpdate() == 1;
    }
  }

  /** The PENDING notifications due at {@code now}, in the order they fell due. */
  List<Due> due(Instant now) {
    return store.read(
        c -> {
          List<Due> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, destination_id FROM notifications"
                      + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at,"
                      + " created_at, id")) {
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(new Due(rs.getString(1), rs.getString(2)));
              }
            }
          }
          return out;
        });
  }

  /**
   * The other notifications of {@code destinationId} due at {@code now} fall due at {@code next},
   * the next attempt of the one that just failed.
   */
  void defer(String destinationId, String failedId, Instant next, Instant now) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET next_attempt_at"
                      + " = ? WHERE destination_id = ? AND id <> ? AND state = 'PENDING'"
                      + " AND next_attempt_at <= ?")) {
            ps.setLong(1, next.toEpochMilli());
            ps.setString(2, destinationId);
            ps.setString(3, failedId);
            ps.setLong(4, now.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  /** Every PENDING and FAILED notification (or only {@code id}) becomes PENDING, due at now. */
  void makeDue(Optional<String> id, Instant now) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET next_attempt_at = ?,"
                      + " state = 'PENDING' WHERE state IN ('PENDING', 'FAILED')"
                      + (id.isPresent() ? " AND id = ?" : ""))) {
            ps.setLong(1, now.toEpochMilli());
            if (id.isPresent()) {
              ps.setString(2, id.get());
            }
            return ps.executeUpdate();
          }
        });
  }

  /** When the next PENDING notification no process holds a lease on falls due. */
  Optional<Instant> nextDue(Instant now) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MIN(next_attempt_at) FROM notifications WHERE state = 'PENDING'"
                      + " AND (lease_until IS NULL OR lease_until < ?)")) {
            ps.setLong(1, now.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return instant(rs, 1);
            }
          }
        });
  }

  /**
   * Takes the lease on {@code id} until {@code leaseUntil} when it is PENDING, due at {@code start}
   * and no other process holds it; empty when it could not be taken.
   */
  Optional<StoredNotification> claim(String id, Instant start, Instant leaseUntil) {
    return store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET lease_until = ?"
                      + " WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?"
                      + " AND (lease_until IS NULL OR lease_until < ?)")) {
            ps.setLong(1, leaseUntil.toEpochMilli());
            ps.setString(2, id);
            ps.setLong(3, start.toEpochMilli());
            ps.setLong(4, start.toEpochMilli());
            if (ps.executeUpdate() != 1) {
              return Optional.<StoredNotification>empty();
            }
          }
          return query(c, " WHERE id = ?", id).stream().findFirst();
        });
  }

  /** Writes how an attempt went, and releases the lease, in one transaction. */
  void record(Attempt a) {
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET state = ?,"
                      + " attempts = ?, last_attempt_at = ?, next_attempt_at = ?, delivered_at = ?,"
                      + " last_error = ?, lease_until = NULL WHERE id = ?")) {
            ps.setString(1, a.state().name());
            ps.setInt(2, a.attempt());
            ps.setLong(3, a.start().toEpochMilli());
            setInstant(ps, 4, a.nextAttempt());
            setInstant(ps, 5, a.error().isEmpty() ? Optional.of(a.end()) : Optional.empty());
            ps.setString(6, a.error().orElse(null));
            ps.setString(7, a.id());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO"
                      + " notification_attempts (id, attempt, at, duration_ms, ok, error) VALUES"
                      + " (?,?,?,?,?,?)")) {
            ps.setString(1, a.id());
            ps.setInt(2, a.attempt());
            ps.setLong(3, a.start().toEpochMilli());
            ps.setLong(4, Duration.between(a.start(), a.end()).toMillis());
            ps.setInt(5, a.error().isEmpty() ? 1 : 0);
            ps.setString(6, a.error().orElse(null));
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** Notifications, newest first, optionally only those in {@code state}. */
  List<StoredNotification> list(Optional<StoredNotification.State> state, int limit) {
    return store.read(
        c ->
            state.isPresent()
                ? query(
                    c,
                    " WHERE state = ? ORDER BY created_at DESC, id LIMIT " + limit,
                    state.get().name())
                : query(c, " ORDER BY created_at DESC, id LIMIT " + limit));
  }

  Optional<StoredNotification> get(String id) {
    return store.read(c -> query(c, " WHERE id = ?", id).stream().findFirst());
  }

  private static void setInstant(PreparedStatement ps, int i, Optional<Instant> v)
      throws SQLException {
    if (v.isEmpty()) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v.get().toEpochMilli());
    }
  }

  private static List<StoredNotification> query(Connection c, String where, Object... args)
      throws SQLException {
    List<StoredNotification> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, destination, event, source,"
                + " subject, text, body, state, attempts, created_at, next_attempt_at, last_attempt_at,"
                + " delivered_at, last_error FROM notifications"
                + where)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Destination d;
          try {
            d = DestinationJson.fromJson(Json.read(rs.getString(2)));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          out.add(
              new StoredNotification(
                  rs.getString(1),
                  d,
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  StoredNotification.State.valueOf(rs.getString(8)),
                  rs.getInt(9),
                  Instant.ofEpochMilli(rs.getLong(10)),
                  instant(rs, 11),
                  instant(rs, 12),
                  instant(rs, 13),
                  Optional.ofNullable(rs.getString(14))));
        }
      }
    }
    return out;
  }

  private static Optional<Instant> instant(ResultSet rs, int col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }
}
