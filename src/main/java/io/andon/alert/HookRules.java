package io.andon.alert;

import java.util.Optional;
import java.util.Set;

/**
 * Which hook a result state notifies (see docs/alerts.md): SUCCESS → on_success; FAILED, TIMEDOUT,
 * INTERNAL_ERROR, SUCCESS_WITH_FAILURES and any state not listed here → on_failure; CANCELED,
 * UPSTREAM_CANCELED → on_failure unless no_alert_for_canceled_runs; SKIPPED,
 * MAXIMUM_CONCURRENT_RUNS_REACHED, UPSTREAM_FAILED → on_failure unless no_alert_for_skipped_runs;
 * EXCLUDED, DISABLED → nothing.
 */
final class HookRules {
  private static final Set<String> CANCELED = Set.of("CANCELED", "UPSTREAM_CANCELED");
  private static final Set<String> SKIPPED =
      Set.of("SKIPPED", "MAXIMUM_CONCURRENT_RUNS_REACHED", "UPSTREAM_FAILED");
  private static final Set<String> SILENT = Set.of("EXCLUDED", "DISABLED");

  private HookRules() {}

  /** The hook a run or task that ended {@code resultState} notifies under {@code n}, if any. */
  static Optional<Hook> hookFor(String resultState, Notifications n) {
    if (resultState.equals("SUCCESS")) {
      return Optional.of(Hook.ON_SUCCESS);
    }
    if (SILENT.contains(resultState)
        || CANCELED.contains(resultState) && n.noAlertForCanceledRuns()
        || SKIPPED.contains(resultState) && n.noAlertForSkippedRuns()) {
      return Optional.empty();
    }
    return Optional.of(Hook.ON_FAILURE);
  }

  /**
   * The word of the event's name: {@code run.succeeded}, {@code task.failed}, {@code run.canceled}.
   */
  static String eventWord(String resultState) {
    return switch (resultState) {
      case "SUCCESS" -> "succeeded";
      case "FAILED" -> "failed";
      default -> resultState.toLowerCase(java.util.Locale.ROOT);
    };
  }
}
