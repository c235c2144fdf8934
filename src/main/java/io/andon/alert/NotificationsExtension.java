package io.andon.alert;

import io.andon.job.JobExtension;
import io.andon.job.JobSpec;
import io.andon.yaml.Problems;
import io.andon.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Owns the notification keys of the job format and validates them when a job is loaded: unknown
 * destination ids, malformed URLs, unset secret variables and the rest, each with file:line.
 */
public final class NotificationsExtension implements JobExtension {
  private final Env env;

  /** For {@link java.util.ServiceLoader}: secrets from the process environment. */
  public NotificationsExtension() {
    this(Env.system());
  }

  public NotificationsExtension(Env env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  @Override
  public Set<String> jobKeys() {
    return NotificationConfig.JOB_KEYS;
  }

  @Override
  public Set<String> taskKeys() {
    return NotificationConfig.TASK_KEYS;
  }

  @Override
  public void validate(
      JobSpec job,
      Map<String, YNode> jobExtras,
      Map<String, Map<String, YNode>> taskExtras,
      Problems problems) {
    Path dir = job.dir();
    NotificationConfig.parse(
        job, jobExtras, taskExtras, dir == null ? Path.of("") : dir, env, problems);
  }
}
