package io.andon.store;

import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A change of a run's state: its new state, and with it the result, message and end it has then
 * (absent: none); a repair's number and the andon process that owns the run from now, when they
 * change (absent: kept).
 */
public record RunUpdate(
    LifeCycleState state,
    Optional<ResultState> result,
    Optional<String> message,
    OptionalLong endTime,
    OptionalInt repairCount,
    Optional<Owner> owner) {
  /** The andon process that runs the run: its pid, and when it started if that is known. */
  public record Owner(long pid, OptionalLong startMillis) {
    public Owner {
      Objects.requireNonNull(startMillis, "startMillis");
    }
  }

  public RunUpdate {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(repairCount, "repairCount");
    Objects.requireNonNull(owner, "owner");
  }

  /** The run runs (again): no result, message or end yet. */
  public static RunUpdate running() {
    return new RunUpdate(
        LifeCycleState.RUNNING,
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        OptionalInt.empty(),
        Optional.empty());
  }

  /** Repair {@code repairCount} of the run starts, in the andon process {@code owner}. */
  public static RunUpdate repairing(int repairCount, Owner owner) {
    return new RunUpdate(
        LifeCycleState.RUNNING,
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty(),
        OptionalInt.of(repairCount),
        Optional.of(owner));
  }

  /** The run ended at {@code endTime} in {@code state} with {@code result}. */
  public static RunUpdate ended(
      LifeCycleState state, ResultState result, Optional<String> message, long endTime) {
    return new RunUpdate(
        state,
        Optional.of(result),
        message,
        OptionalLong.of(endTime),
        OptionalInt.empty(),
        Optional.empty());
  }
}
