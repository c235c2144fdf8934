package io.andon.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A notification as the outbox holds it: what to send (the exact body, the same on every attempt),
 * where, and how delivery went so far.
 */
public record StoredNotification(
    String id,
    Destination destination,
    String event,
    String source,
    String subject,
    String text,
    String body,
    State state,
    int attempts,
    Instant createdAt,
    Optional<Instant> nextAttemptAt,
    Optional<Instant> lastAttemptAt,
    Optional<Instant> deliveredAt,
    Optional<String> lastError) {

  /** Delivery state. */
  public enum State {
    /** Not delivered yet; another attempt is due at {@code nextAttemptAt}. */
    PENDING,
    /** A destination accepted it. */
    DELIVERED,
    /**
     * Every attempt of the retry schedule failed; {@code andon notifications retry} tries again.
     */
    FAILED
  }

  public StoredNotification {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
    Objects.requireNonNull(deliveredAt, "deliveredAt");
    Objects.requireNonNull(lastError, "lastError");
  }

  public String destinationId() {
    return destination.id();
  }
}
