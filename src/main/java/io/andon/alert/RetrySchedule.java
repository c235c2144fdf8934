package io.andon.alert;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a notification again: {@code delays.get(i)} is the wait before attempt {@code i+1},
 * counted from the failed attempt before it (the first is normally zero: send at once). After the
 * last attempt fails the notification is FAILED, until {@code andon notifications retry}.
 */
public record RetrySchedule(List<Duration> delays) {
  /** The Standard Webhooks schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
  public static final RetrySchedule STANDARD_WEBHOOKS =
      new RetrySchedule(
          List.of(
              Duration.ZERO,
              Duration.ofSeconds(5),
              Duration.ofMinutes(5),
              Duration.ofMinutes(30),
              Duration.ofHours(2),
              Duration.ofHours(5),
              Duration.ofHours(10),
              Duration.ofHours(10)));

  public RetrySchedule {
    delays = List.copyOf(delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("a retry schedule needs at least one attempt");
    }
    for (Duration d : delays) {
      Objects.requireNonNull(d, "delay");
      if (d.isNegative()) {
        throw new IllegalArgumentException("retry delays cannot be negative: " + d);
      }
    }
  }

  public static RetrySchedule ofMillis(long... millis) {
    return new RetrySchedule(java.util.Arrays.stream(millis).mapToObj(Duration::ofMillis).toList());
  }

  public int maxAttempts() {
    return delays.size();
  }

  /** The wait after {@code attemptsMade} failed attempts, or empty when the schedule is spent. */
  public Optional<Duration> delayAfter(int attemptsMade) {
    return attemptsMade < delays.size() ? Optional.of(delays.get(attemptsMade)) : Optional.empty();
  }
}
