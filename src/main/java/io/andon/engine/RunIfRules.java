package io.andon.engine;

import io.andon.job.ResultState;
import io.andon.job.RunIf;
import java.util.List;

/**
 * Decides what happens to a task once all its dependencies have finished: the run_if table of
 * docs/jobs.md, as pure functions.
 */
public final class RunIfRules {
  /** What the decision is: run the task, or end it with a result state without running. */
  public enum Decision {
    RUN,
    EXCLUDED,
    UPSTREAM_FAILED,
    UPSTREAM_CANCELED
  }

  /** How one dependency ended, seen from the task that waits for it. */
  public enum DepView {
    SUCCEEDED,
    /** EXCLUDED, DISABLED, or a condition whose outcome did not match: counts as success. */
    SKIPPED,
    FAILED,
    CANCELED
  }

  private RunIfRules() {}

  /** How dependency {@code result} looks to a dependent, given the outcome it asks for. */
  public static DepView view(ResultState result, String outcome, String wantedOutcome) {
    if (result.isCanceled()) {
      return DepView.CANCELED;
    }
    if (result.isFailed()) {
      return DepView.FAILED;
    }
    if (result.isSkipped()) {
      return DepView.SKIPPED;
    }
    if (wantedOutcome != null && !wantedOutcome.equals(outcome)) {
      return DepView.SKIPPED;
    }
    return DepView.SUCCEEDED;
  }

  /** The decision for a task with {@code runIf} whose dependencies ended as {@code deps}. */
  public static Decision decide(RunIf runIf, List<DepView> deps) {
    if (deps.isEmpty()) {
      return Decision.RUN;
    }
    int succeeded = 0;
    int skipped = 0;
    int failed = 0;
    int canceled = 0;
    for (DepView d : deps) {
      switch (d) {
        case SUCCEEDED -> succeeded++;
        case SKIPPED -> skipped++;
        case FAILED -> failed++;
        case CANCELED -> canceled++;
      }
    }
    int n = deps.size();
    if (skipped == n) {
      return Decision.EXCLUDED;
    }
    if (runIf == RunIf.ALL_DONE) {
      return Decision.RUN;
    }
    if (canceled > 0) {
      return Decision.UPSTREAM_CANCELED;
    }
    return switch (runIf) {
      case ALL_SUCCESS -> failed == 0 ? Decision.RUN : Decision.UPSTREAM_FAILED;
      case AT_LEAST_ONE_SUCCESS ->
          succeeded + skipped > 0 ? Decision.RUN : Decision.UPSTREAM_FAILED;
      case NONE_FAILED -> failed == 0 && succeeded > 0 ? Decision.RUN : Decision.UPSTREAM_FAILED;
      case AT_LEAST_ONE_FAILED -> failed > 0 ? Decision.RUN : Decision.EXCLUDED;
      case ALL_FAILED -> failed == n ? Decision.RUN : Decision.EXCLUDED;
      case ALL_DONE -> Decision.RUN;
    };
  }

  /**
   * The job's result from its tasks: SUCCESS when every task succeeded (or was skipped), FAILED
   * when a leaf failed or was canceled, SUCCESS_WITH_FAILURES otherwise.
   */
  public static ResultState jobResult(List<ResultState> all, List<ResultState> leaves) {
    boolean allGood =
        all.stream().allMatch(ResultState::countsAsSuccess)
            && all.stream().noneMatch(r -> r == ResultState.SUCCESS_WITH_FAILURES);
    if (allGood) {
      return ResultState.SUCCESS;
    }
    boolean leafBad = leaves.stream().anyMatch(r -> r.isFailed() || r.isCanceled());
    return leafBad ? ResultState.FAILED : ResultState.SUCCESS_WITH_FAILURES;
  }
}
