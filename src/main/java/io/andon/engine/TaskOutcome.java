package io.andon.engine;

import java.util.Objects;

/** How an attempt of a payload ended: success or failure, and a one-line reason for people. */
public record TaskOutcome(boolean success, String message) {
  public TaskOutcome {
    Objects.requireNonNull(message, "message");
  }

  public static TaskOutcome success(String message) {
    return new TaskOutcome(true, message);
  }

  public static TaskOutcome failure(String message) {
    return new TaskOutcome(false, message);
  }
}
