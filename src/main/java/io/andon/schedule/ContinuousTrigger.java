package io.andon.schedule;

import java.util.Objects;

/** {@code continuous}: a new run as soon as the last one ends, while unpaused. */
public record ContinuousTrigger(PauseStatus pauseStatus) implements JobTrigger {
  public ContinuousTrigger {
    Objects.requireNonNull(pauseStatus, "pauseStatus");
  }

  @Override
  public String triggerType() {
    return "CONTINUOUS";
  }
}
