package io.andon.job;

import io.andon.yaml.Problems;
import io.andon.yaml.YNode;
import java.util.Map;
import java.util.Set;

/**
 * Lets another part of andon own extra keys of the job format (notifications, destinations, ...).
 * The loader accepts the declared keys, keeps their raw values in {@link JobSpec#extras()} and
 * {@link TaskSpec#extras()}, and calls {@link #validate} once at load so that their problems are
 * reported with all the others. Found with {@link java.util.ServiceLoader}: list the implementation
 * in {@code META-INF/services/io.andon.job.JobExtension}.
 */
public interface JobExtension {
  /** Extra keys allowed at job level. */
  Set<String> jobKeys();

  /** Extra keys allowed on a task. */
  Set<String> taskKeys();

  /**
   * Checks the extra keys of a loaded job.
   *
   * @param jobExtras the job's extra keys and raw values
   * @param taskExtras per task_key, the task's extra keys and raw values
   */
  void validate(
      JobSpec job,
      Map<String, YNode> jobExtras,
      Map<String, Map<String, YNode>> taskExtras,
      Problems problems);
}
