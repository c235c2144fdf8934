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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The durable outbox: every notification is written to the store, under its idempotency id, before
 * any attempt to send it; attempts follow the destination's retry schedule; a notification stays
 * PENDING across restarts of andon until a destination accepts it (DELIVERED) or its schedule is
 * spent (FAILED). Delivery is at-least-once: a receiver may see an id twice (a lost answer, two
 * andon processes) and deduplicates on it.
 *
 * <p>Two processes may drive the same outbox: an attempt first takes a lease on its row, so they do
 * not send the same notification at the same moment.
 */
public final class Outbox {
  /** Waits between attempts; tests pass one that advances a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** What a delivery pass did. */
  public record Report(
      int attempted, int delivered, int retrying, int failed, List<String> errors) {
    public Report {
      errors = List.copyOf(errors);
    }

    Report plus(Report o) {
      List<String> e = new ArrayList<>(errors);
      e.addAll(o.errors);
      return new Report(
          attempted + o.attempted,
          delivered + o.delivered,
          retrying + o.retrying,
          failed + o.failed,
          e);
    }
  }

  private static final Report EMPTY = new Report(0, 0, 0, 0, List.of());

  private final Store store;
  private final Senders senders;
  private final Clock clock;
  private final Sleeper sleeper;

  public Outbox(Store store, Senders senders, Clock clock, Sleeper sleeper) {
    this.store = Objects.requireNonNull(store, "store");
    this.senders = Objects.requireNonNull(senders, "senders");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The outbox of {@code store}, sending with secrets from the process environment. */
  public static Outbox open(Store store) {
    Clock c = Clock.systemUTC();
    return new Outbox(store, new Senders(Env.system(), c), c, d -> Thread.sleep(d.toMillis()));
  }

  public Store store() {
    return store;
  }

  /**
   * Writes {@code n} for {@code destination}, due now. Returns false (and writes nothing) when a
   * notification with the same id is already in the outbox: an event is notified once.
   */
  public boolean enqueue(Notification n, Destination destination) {
    Objects.requireNonNull(n, "n");
    Objects.requireNonNull(destination, "destination");
    if (!n.destinationId().equals(destination.id())) {
      throw new IllegalArgumentException(
          "notification for '"
              + n.destinationId()
              + "' given destination '"
              + destination.id()
              + "'");
    }
    return store.tx(c -> enqueue(c, n, destination));
  }

  /** {@link #enqueue(Notification, Destination)} inside the caller's transaction. */
  static boolean enqueue(Connection c, Notification n, Destination destination)
      throws SQLException {
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

  /**
   * One pass: every PENDING notification due now gets one attempt, in order, except that once an
   * attempt to a destination fails, that destination's other due notifications wait until the
   * failed one's next attempt, without using an attempt (a dead endpoint with a long timeout must
   * not hold up everything else, nor burn the schedule of every queued notification).
   */
  public Report deliverDue() {
    Instant now = clock.instant();
    List<String[]> due =
        store.read(
            c ->
                ids(
                    c,
                    "SELECT id, destination_id FROM notifications"
                        + " WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY next_attempt_at,"
                        + " created_at, id",
                    now.toEpochMilli()));
    Report r = EMPTY;
    java.util.Set<String> failing = new java.util.HashSet<>();
    for (String[] row : due) {
      if (failing.contains(row[1])) {
        continue; // deferred below: the destination just failed
      }
      Report one = attempt(row[0]);
      if (one.attempted() > 0 && one.delivered() == 0) {
        failing.add(row[1]);
        get(row[0])
            .flatMap(StoredNotification::nextAttemptAt)
            .ifPresent(next -> defer(row[1], row[0], next, now));
      }
      r = r.plus(one);
    }
    return r;
  }

  /** The other due notifications of a destination that just failed wait for its next attempt. */
  private void defer(String destinationId, String failedId, Instant next, Instant now) {
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

  /**
   * Makes every PENDING and FAILED notification (or only {@code id}) due now and runs a pass; a
   * FAILED one that fails again stays FAILED.
   */
  public Report retryNow(Optional<String> id) {
    Objects.requireNonNull(id, "id");
    long now = clock.instant().toEpochMilli();
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET next_attempt_at = ?,"
                      + " state = 'PENDING' WHERE state IN ('PENDING', 'FAILED')"
                      + (id.isPresent() ? " AND id = ?" : ""))) {
            ps.setLong(1, now);
            if (id.isPresent()) {
              ps.setString(2, id.get());
            }
            return ps.executeUpdate();
          }
        });
    return deliverDue();
  }

  /**
   * Delivers what is due, then waits for retries that fall due within {@code budget} and delivers
   * them too; what still fails stays in the outbox for a later command.
   */
  public Report drain(Duration budget) {
    Instant end = clock.instant().plus(budget);
    Report r = deliverDue();
    while (true) {
      Optional<Instant> next = nextDue();
      if (next.isEmpty() || next.get().isAfter(end)) {
        return r;
      }
      long waitMillis = next.get().toEpochMilli() - clock.instant().toEpochMilli();
      if (waitMillis > 0) {
        try {
          sleeper.sleep(Duration.ofMillis(waitMillis + 1));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return r;
        }
      }
      Report pass = deliverDue();
      if (pass.attempted() == 0 && waitMillis <= 0) {
        return r.plus(pass); // due rows leased by another process: leave them to it
      }
      r = r.plus(pass);
    }
  }

  /** When the next PENDING notification falls due. */
  public Optional<Instant> nextDue() {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT MIN(next_attempt_at) FROM notifications WHERE state = 'PENDING'"
                      + " AND (lease_until IS NULL OR lease_until < ?)")) {
            ps.setLong(1, clock.instant().toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              long v = rs.getLong(1);
              return rs.wasNull()
                  ? Optional.<Instant>empty()
                  : Optional.of(Instant.ofEpochMilli(v));
            }
          }
        });
  }

  private Report attempt(String id) {
    Instant start = clock.instant();
    // longer than any attempt can take (timeouts are at most 600 s): a process that dies while
    // sending leaves the row to others once the lease runs out
    long leaseUntil = start.toEpochMilli() + Duration.ofMinutes(11).toMillis();
    Optional<StoredNotification> claimed =
        store.tx(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "UPDATE notifications SET lease_until = ?"
                          + " WHERE id = ? AND state = 'PENDING' AND next_attempt_at <= ?"
                          + " AND (lease_until IS NULL OR lease_until < ?)")) {
                ps.setLong(1, leaseUntil);
                ps.setString(2, id);
                ps.setLong(3, start.toEpochMilli());
                ps.setLong(4, start.toEpochMilli());
                if (ps.executeUpdate() != 1) {
                  return Optional.<StoredNotification>empty();
                }
              }
              return query(c, " WHERE id = ?", id).stream().findFirst();
            });
    if (claimed.isEmpty()) {
      return EMPTY;
    }
    StoredNotification n = claimed.get();
    String error = null;
    try {
      senders.send(n, n.destination());
    } catch (DeliveryException e) {
      error = e.getMessage();
    } catch (RuntimeException e) {
      error = "internal error while sending: " + e.getClass().getSimpleName();
    }
    Instant end = clock.instant();
    int attempts = n.attempts() + 1;
    StoredNotification.State state;
    Long next = null;
    if (error == null) {
      state = StoredNotification.State.DELIVERED;
    } else {
      Optional<Duration> delay = n.destination().delivery().schedule().delayAfter(attempts);
      state =
          delay.isPresent() ? StoredNotification.State.PENDING : StoredNotification.State.FAILED;
      next = delay.map(d -> end.plus(d).toEpochMilli()).orElse(null);
    }
    final String err = error;
    final Long nextAt = next;
    store.tx(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE notifications SET state = ?,"
                      + " attempts = ?, last_attempt_at = ?, next_attempt_at = ?, delivered_at = ?,"
                      + " last_error = ?, lease_until = NULL WHERE id = ?")) {
            ps.setString(1, state.name());
            ps.setInt(2, attempts);
            ps.setLong(3, start.toEpochMilli());
            setLong(ps, 4, nextAt);
            setLong(ps, 5, err == null ? end.toEpochMilli() : null);
            ps.setString(6, err);
            ps.setString(7, n.id());
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO"
                      + " notification_attempts (id, attempt, at, duration_ms, ok, error) VALUES"
                      + " (?,?,?,?,?,?)")) {
            ps.setString(1, n.id());
            ps.setInt(2, attempts);
            ps.setLong(3, start.toEpochMilli());
            ps.setLong(4, Duration.between(start, end).toMillis());
            ps.setInt(5, err == null ? 1 : 0);
            ps.setString(6, err);
            ps.executeUpdate();
          }
          return null;
        });
    String errLine =
        err == null
            ? null
            : n.id() + " to '" + n.destinationId() + "' (attempt " + attempts + "): " + err;
    return switch (state) {
      case DELIVERED -> new Report(1, 1, 0, 0, List.of());
      case PENDING -> new Report(1, 0, 1, 0, List.of(errLine));
      case FAILED -> new Report(1, 0, 0, 1, List.of(errLine));
    };
  }

  private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.INTEGER);
    } else {
      ps.setLong(i, v);
    }
  }

  /** Notifications, newest first, optionally only those in {@code state}. */
  public List<StoredNotification> list(Optional<StoredNotification.State> state, int limit) {
    Objects.requireNonNull(state, "state");
    return store.read(
        c ->
            state.isPresent()
                ? query(
                    c,
                    " WHERE state = ? ORDER BY created_at DESC, id LIMIT " + limit,
                    state.get().name())
                : query(c, " ORDER BY created_at DESC, id LIMIT " + limit));
  }

  public Optional<StoredNotification> get(String id) {
    Objects.requireNonNull(id, "id");
    return store.read(c -> query(c, " WHERE id = ?", id).stream().findFirst());
  }

  private static List<String[]> ids(Connection c, String sql, long arg) throws SQLException {
    List<String[]> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, arg);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return out;
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
