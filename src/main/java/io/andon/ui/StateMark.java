package io.andon.ui;

import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import java.util.Locale;
import java.util.Optional;

/**
 * How a run or task state is shown: a colour class, an icon and a word, so that colour is never the
 * only signal. {@code kind} is the CSS class suffix ({@code state-success}, ...).
 */
public record StateMark(String kind, String icon, String label) {
  /** The mark of a life cycle state and, once there is one, a result state (Jobs API names). */
  public static StateMark of(String lifeCycle, Optional<String> result) {
    Optional<ResultState> r = result.flatMap(StateMark::result);
    if (r.isPresent()) {
      return ofResult(r.get());
    }
    LifeCycleState lc = lifeCycle(lifeCycle);
    return switch (lc) {
      case QUEUED -> new StateMark("pending", "◷", "Queued");
      case PENDING -> new StateMark("pending", "◷", "Pending");
      case BLOCKED -> new StateMark("pending", "◷", "Blocked");
      case WAITING_FOR_RETRY -> new StateMark("retry", "↻", "Waiting for retry");
      case RUNNING -> new StateMark("running", "▶", "Running");
      case TERMINATING -> new StateMark("running", "▶", "Terminating");
      case TERMINATED -> new StateMark("success", "✓", "Terminated");
      case SKIPPED -> new StateMark("skipped", "⤼", "Skipped");
      case INTERNAL_ERROR -> new StateMark("failed", "✗", "Internal error");
    };
  }

  /** The mark of a final result. */
  public static StateMark ofResult(ResultState r) {
    return switch (r) {
      case SUCCESS -> new StateMark("success", "✓", "Succeeded");
      case SUCCESS_WITH_FAILURES -> new StateMark("success", "✓", "Succeeded with failures");
      case FAILED -> new StateMark("failed", "✗", "Failed");
      case TIMEDOUT -> new StateMark("failed", "◔", "Timed out");
      case UPSTREAM_FAILED -> new StateMark("upstream", "⇡", "Upstream failed");
      case CANCELED -> new StateMark("canceled", "⊘", "Canceled");
      case UPSTREAM_CANCELED -> new StateMark("canceled", "⊘", "Upstream canceled");
      case EXCLUDED -> new StateMark("skipped", "⤼", "Excluded");
      case DISABLED -> new StateMark("skipped", "⤼", "Disabled");
      case MAXIMUM_CONCURRENT_RUNS_REACHED -> new StateMark("skipped", "⤼", "Skipped: at max runs");
    };
  }

  /** No run at all (an empty cell of a grid). */
  public static StateMark none() {
    return new StateMark("none", "·", "Not run");
  }

  private static Optional<ResultState> result(String name) {
    try {
      return Optional.of(ResultState.valueOf(name.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static LifeCycleState lifeCycle(String name) {
    try {
      return LifeCycleState.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return LifeCycleState.PENDING;
    }
  }

  /** Whether the state can still change. */
  public boolean active() {
    return kind.equals("running") || kind.equals("pending") || kind.equals("retry");
  }
}
