package io.andon.job;

import java.util.Map;
import java.util.Optional;

/**
 * The keys of the Databricks job and bundle formats that andon accepts and does not act on, each
 * with what it is, as data: the loader turns the keys a file uses into one notice per file and kind
 * ("compute settings ...: job_clusters, new_cluster."), so nothing is dropped in silence.
 * docs/databricks.md lists the same kinds.
 */
final class IgnoredKeys {
  static final String COMPUTE =
      "compute settings, not used because andon runs every task on this" + " machine";
  static final String ENVIRONMENT =
      "library and environment settings, which andon installs only"
          + " for notebook, Python file and wheel tasks";
  static final String ACCESS =
      "access settings, which a Databricks workspace enforces and andon" + " does not";
  static final String WORKSPACE = "Databricks workspace and deployment settings, not used by andon";
  static final String API =
      "fields of a deployed job as the Jobs API describes it, not used by" + " andon";

  /** Task keys a notebook, Python file or wheel task acts on (it installs them). */
  static final java.util.Set<String> PYTHON_ENVIRONMENT =
      java.util.Set.of("libraries", "environment_key");

  /** Job settings: key to kind. */
  static final Map<String, String> JOB =
      Map.ofEntries(
          Map.entry("job_clusters", COMPUTE), Map.entry("environments", ENVIRONMENT),
          Map.entry("git_source", WORKSPACE), Map.entry("run_as", ACCESS),
          Map.entry("permissions", ACCESS), Map.entry("access_control_list", ACCESS),
          Map.entry("tags", WORKSPACE), Map.entry("format", WORKSPACE),
          Map.entry("edit_mode", WORKSPACE), Map.entry("deployment", WORKSPACE),
          Map.entry("budget_policy_id", WORKSPACE), Map.entry("performance_target", WORKSPACE),
          Map.entry("usage_policy_id", WORKSPACE), Map.entry("idempotency_token", WORKSPACE));

  /** Task settings: key to kind. */
  static final Map<String, String> TASK =
      Map.ofEntries(
          Map.entry("job_cluster_key", COMPUTE), Map.entry("existing_cluster_id", COMPUTE),
          Map.entry("new_cluster", COMPUTE), Map.entry("compute_key", COMPUTE),
          Map.entry("compute", COMPUTE), Map.entry("disable_auto_optimization", COMPUTE),
          Map.entry("libraries", ENVIRONMENT), Map.entry("environment_key", ENVIRONMENT));

  /** The top level of a {@code databricks jobs get} document, beside its settings. */
  static final Map<String, String> API_DOCUMENT =
      Map.ofEntries(
          Map.entry("job_id", API),
          Map.entry("created_time", API),
          Map.entry("creator_user_name", API),
          Map.entry("run_as_user_name", API),
          Map.entry("run_as_owner", API),
          Map.entry("effective_budget_policy_id", API),
          Map.entry("effective_usage_policy_id", API),
          Map.entry("has_more", API),
          Map.entry("trigger_state", API));

  private IgnoredKeys() {}

  /** What {@code key} of a job is, when andon accepts it without acting on it. */
  static Optional<String> job(String key) {
    return Optional.ofNullable(JOB.get(key));
  }

  /** What {@code key} of a task is, when andon accepts it without acting on it. */
  static Optional<String> task(String key) {
    return Optional.ofNullable(TASK.get(key));
  }
}
