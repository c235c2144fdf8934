package io.andon.alert;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The notification settings of a job or of one task: who hears about which hook, and the Databricks
 * switches that silence some of them.
 *
 * @param targets per hook, the destinations to notify (e-mail addresses already folded into an
 *     e-mail destination)
 * @param durationThresholdSeconds the health rule RUN_DURATION_SECONDS GREATER_THAN, if any
 * @param alertOnLastAttempt tasks only: on_start only for the first attempt, on_failure only when
 *     no retry follows
 */
public record Notifications(
    Map<Hook, List<Destination>> targets,
    boolean noAlertForSkippedRuns,
    boolean noAlertForCanceledRuns,
    boolean alertOnLastAttempt,
    OptionalLong durationThresholdSeconds) {

  public static final Notifications NONE =
      new Notifications(Map.of(), false, false, false, OptionalLong.empty());

  public Notifications {
    Map<Hook, List<Destination>> copy = new EnumMap<>(Hook.class);
    targets.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "hook"), List.copyOf(v)));
    targets = Map.copyOf(copy);
    Objects.requireNonNull(durationThresholdSeconds, "durationThresholdSeconds");
  }

  public List<Destination> targets(Hook hook) {
    return targets.getOrDefault(hook, List.of());
  }

  public boolean isEmpty() {
    return targets.values().stream().allMatch(List::isEmpty);
  }
}
