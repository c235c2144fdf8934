package io.andon.schedule;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code trigger.file_arrival}: fires once new files under {@code url} (a folder or a glob) have
 * been quiet for {@code waitAfterLastChange}, and at most once per {@code minTimeBetweenTriggers}.
 */
public record FileArrivalTrigger(
    String url,
    Duration minTimeBetweenTriggers,
    Duration waitAfterLastChange,
    PauseStatus pauseStatus)
    implements JobTrigger {
  public FileArrivalTrigger {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(minTimeBetweenTriggers, "minTimeBetweenTriggers");
    Objects.requireNonNull(waitAfterLastChange, "waitAfterLastChange");
    Objects.requireNonNull(pauseStatus, "pauseStatus");
    if (url.isBlank()) {
      throw new IllegalArgumentException("url must not be blank");
    }
    if (minTimeBetweenTriggers.isNegative() || waitAfterLastChange.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  @Override
  public String triggerType() {
    return "FILE_ARRIVAL";
  }
}
