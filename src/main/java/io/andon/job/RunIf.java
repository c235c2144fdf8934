package io.andon.job;

/** When a task runs, once all its dependencies have finished. See docs/jobs.md. */
public enum RunIf {
  ALL_SUCCESS,
  AT_LEAST_ONE_SUCCESS,
  NONE_FAILED,
  ALL_DONE,
  AT_LEAST_ONE_FAILED,
  ALL_FAILED
}
