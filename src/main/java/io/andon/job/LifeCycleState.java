package io.andon.job;

/** Where a task or a run is in its life, as Databricks names it. */
public enum LifeCycleState {
  QUEUED,
  PENDING,
  BLOCKED,
  RUNNING,
  WAITING_FOR_RETRY,
  TERMINATING,
  TERMINATED,
  SKIPPED,
  INTERNAL_ERROR;

  /** No further change will happen without a repair. */
  public boolean isFinal() {
    return this == TERMINATED || this == SKIPPED || this == INTERNAL_ERROR;
  }
}
