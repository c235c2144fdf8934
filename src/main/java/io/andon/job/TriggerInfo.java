package io.andon.job;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What started a run and when, as the run records it and {@code {{job.trigger.*}}} reads it. {@code
 * time} is the time the trigger fired: a schedule's planned fire time (not the moment the run got
 * going), a file-arrival trigger's fire, the request of a one-time run. {@code fileArrivalLocation}
 * is the url of the file-arrival trigger that fired, present for FILE_ARRIVAL runs only.
 */
public record TriggerInfo(TriggerType type, Instant time, Optional<String> fileArrivalLocation) {
  public TriggerInfo {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(fileArrivalLocation, "fileArrivalLocation");
    if (fileArrivalLocation.isPresent() != (type == TriggerType.FILE_ARRIVAL)) {
      throw new IllegalArgumentException(
          "a file-arrival location goes with a FILE_ARRIVAL"
              + " trigger and only with it, not with "
              + type);
    }
  }

  /** A trigger of {@code type} (any but FILE_ARRIVAL) at {@code time}. */
  public static TriggerInfo of(TriggerType type, Instant time) {
    return new TriggerInfo(type, time, Optional.empty());
  }

  /** A run started once, on request, at {@code time}. */
  public static TriggerInfo oneTime(Instant time) {
    return of(TriggerType.ONE_TIME, time);
  }

  /** A run started by the file-arrival trigger watching {@code location}, at {@code time}. */
  public static TriggerInfo fileArrival(Instant time, String location) {
    return new TriggerInfo(TriggerType.FILE_ARRIVAL, time, Optional.of(location));
  }
}
