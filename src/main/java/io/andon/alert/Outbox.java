package io.andon.alert;

import io.andon.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The durable outbox: every notification is written to the store, under its idempotency id, before
 * any attempt to send it; attempts follow the destination's retry schedule; a notification stays
 * PENDING across restarts of andon until a destination accepts it (DELIVERED) or its schedule is
 * spent (FAILED). Delivery is at-least-once: a receiver may see an id twice (a lost answer, two
 * andon processes) and deduplicates on it.
 *
 * <p>Two processes may drive the same outbox: an attempt first takes a lease on its row, so they do
 * not send the same notification at the same moment. The SQL of the outbox's tables is in {@link
 * NotificationRows}; this class decides what is attempted when.
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
  private final NotificationRows rows;
  private final Senders senders;
  private final Clock clock;
  private final Sleeper sleeper;

  public Outbox(Store store, Senders senders, Clock clock, Sleeper sleeper) {
    this.store = Objects.requireNonNull(store, "store");
    this.rows = new NotificationRows(store);
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
    return NotificationRows.insert(c, n, destination);
  }

  /**
   * One pass: every PENDING notification due now gets one attempt, in order, except that once an
   * attempt to a destination fails, that destination's other due notifications wait until the
   * failed one's next attempt, without using an attempt (a dead endpoint with a long timeout must
   * not hold up everything else, nor burn the schedule of every queued notification).
   */
  public Report deliverDue() {
    Instant now = clock.instant();
    Report r = EMPTY;
    Set<String> failing = new HashSet<>();
    for (NotificationRows.Due due : rows.due(now)) {
      if (failing.contains(due.destinationId())) {
        continue; // deferred below: the destination just failed
      }
      Report one = attempt(due.id());
      if (one.attempted() > 0 && one.delivered() == 0) {
        failing.add(due.destinationId());
        rows.get(due.id())
            .flatMap(StoredNotification::nextAttemptAt)
            .ifPresent(next -> rows.defer(due.destinationId(), due.id(), next, now));
      }
      r = r.plus(one);
    }
    return r;
  }

  /**
   * Makes every PENDING and FAILED notification (or only {@code id}) due now and runs a pass; a
   * FAILED one that fails again stays FAILED.
   */
  public Report retryNow(Optional<String> id) {
    Objects.requireNonNull(id, "id");
    rows.makeDue(id, clock.instant());
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
    return rows.nextDue(clock.instant());
  }

  private Report attempt(String id) {
    Instant start = clock.instant();
    // longer than any attempt can take (timeouts are at most 600 s): a process that dies while
    // sending leaves the row to others once the lease runs out
    Optional<StoredNotification> claimed =
        rows.claim(id, start, start.plus(Duration.ofMinutes(11)));
    if (claimed.isEmpty()) {
      return EMPTY;
    }
    StoredNotification n = claimed.get();
    Optional<String> error = send(n);
    Instant end = clock.instant();
    int attempts = n.attempts() + 1;
    Optional<Duration> delay =
        error.isEmpty()
            ? Optional.empty()
            : n.destination().delivery().schedule().delayAfter(attempts);
    StoredNotification.State state =
        error.isEmpty()
            ? StoredNotification.State.DELIVERED
            : delay.isPresent()
                ? StoredNotification.State.PENDING
                : StoredNotification.State.FAILED;
    rows.record(
        new NotificationRows.Attempt(
            n.id(), attempts, state, start, end, error, delay.map(end::plus)));
    List<String> errLines =
        error.stream()
            .map(e -> n.id() + " to '" + n.destinationId() + "' (attempt " + attempts + "): " + e)
            .toList();
    return switch (state) {
      case DELIVERED -> new Report(1, 1, 0, 0, List.of());
      case PENDING -> new Report(1, 0, 1, 0, errLines);
      case FAILED -> new Report(1, 0, 0, 1, errLines);
    };
  }

  /** Sends {@code n} once: empty when its destination accepted it, else why not. */
  private Optional<String> send(StoredNotification n) {
    try {
      senders.send(n, n.destination());
      return Optional.empty();
    } catch (DeliveryException e) {
      return Optional.of(e.getMessage());
    } catch (RuntimeException e) {
      return Optional.of("internal error while sending: " + e.getClass().getSimpleName());
    }
  }

  /** Notifications, newest first, optionally only those in {@code state}. */
  public List<StoredNotification> list(Optional<StoredNotification.State> state, int limit) {
    Objects.requireNonNull(state, "state");
    return rows.list(state, limit);
  }

  public Optional<StoredNotification> get(String id) {
    Objects.requireNonNull(id, "id");
    return rows.get(id);
  }
}
