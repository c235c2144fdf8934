package io.andon.job;

import java.util.EnumSet;
import java.util.Set;

/** How a task or a run ended, as Databricks names it. */
public enum ResultState {
  SUCCESS,
  FAILED,
  TIMEDOUT,
  CANCELED,
  EXCLUDED,
  SUCCESS_WITH_FAILURES,
  UPSTREAM_FAILED,
  UPSTREAM_CANCELED,
  DISABLED,
  MAXIMUM_CONCURRENT_RUNS_REACHED;

  private static final Set<ResultState> FAILED_LIKE = EnumSet.of(FAILED, TIMEDOUT, UPSTREAM_FAILED);
  private static final Set<ResultState> CANCELED_LIKE = EnumSet.of(CANCELED, UPSTREAM_CANCELED);
  private static final Set<ResultState> SKIPPED_LIKE = EnumSet.of(EXCLUDED, DISABLED);

  /**
   * Counts as failed for run_if: FAILED, TIMEDOUT, UPSTREAM_FAILED (INTERNAL_ERROR ends FAILED).
   */
  public boolean isFailed() {
    return FAILED_LIKE.contains(this);
  }

  public boolean isCanceled() {
    return CANCELED_LIKE.contains(this);
  }

  /** EXCLUDED and DISABLED: did not run, and count as success downstream. */
  public boolean isSkipped() {
    return SKIPPED_LIKE.contains(this);
  }

  /** SUCCESS, SUCCESS_WITH_FAILURES, or a skip that counts as success. */
  public boolean countsAsSuccess() {
    return this == SUCCESS || this == SUCCESS_WITH_FAILURES || isSkipped();
  }
}
