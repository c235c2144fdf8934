package io.andon.ui.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The alerts page: every alert rule evaluated in this home, and the notification outbox. */
public record AlertsView(List<Rule> rules, List<Delivery> deliveries, Counts counts) {
  public AlertsView {
    rules = List.copyOf(rules);
    deliveries = List.copyOf(deliveries);
    Objects.requireNonNull(counts, "counts");
  }

  /**
   * An alert rule with its current state and its latest evaluations, newest first.
   *
   * @param state OK, TRIGGERED, ERROR or UNKNOWN
   * @param since when it entered that state
   */
  public record Rule(
      String name,
      String file,
      String state,
      Optional<String> value,
      Optional<String> message,
      Instant evaluatedAt,
      Instant since,
      Optional<Instant> lastNotified,
      List<Evaluation> history) {
    public Rule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(state, "state");
      history = List.copyOf(history);
    }
  }

  /** One evaluation of a rule. */
  public record Evaluation(
      Instant at,
      String state,
      Optional<String> value,
      Optional<String> message,
      boolean notified) {
    public Evaluation {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(state, "state");
    }
  }

  /**
   * A notification in the outbox and every attempt to deliver it.
   *
   * @param state PENDING, DELIVERED or FAILED
   */
  public record Delivery(
      String id,
      String destination,
      String event,
      String subject,
      String state,
      Instant created,
      Optional<Instant> nextAttempt,
      Optional<Instant> delivered,
      Optional<String> lastError,
      List<Attempt> attempts) {
    public Delivery {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(state, "state");
      attempts = List.copyOf(attempts);
    }

    /** A pending or failed notification can be retried now. */
    public boolean retryable() {
      return !state.equals("DELIVERED");
    }
  }

  /** One delivery attempt: when, how long, and the error when it failed. */
  public record Attempt(int number, Instant at, long millis, boolean ok, Optional<String> error) {}

  /** How many notifications are in each state. */
  public record Counts(long pending, long delivered, long failed) {}
}
