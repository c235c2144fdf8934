package io.andon.job;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A payload kind that another part of andon contributes to the job format (gate_task, tdg_task,
 * monitor_task, alert_task, ...). Found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.andon.job.PayloadType}.
 */
public interface PayloadType {
  /** The YAML key, e.g. {@code gate_task}. */
  String key();

  /**
   * Parses the payload's mapping, adding every problem (with its position) to {@code problems}.
   *
   * @param baseDir the folder of the job file, against which relative paths are resolved
   * @return the payload, or empty when the problems make it unusable
   */
  Optional<Payload> parse(YMap body, Problems problems, Path baseDir);

  /**
   * Parses the payload with the task and the job that hold it at hand, for payloads that read keys
   * beside their own (a Python task's {@code libraries}, {@code environment_key} and the job's
   * {@code environments}). By default the same as {@link #parse(YMap, Problems, Path)}.
   */
  default Optional<Payload> parse(YMap body, YMap task, YMap job, Problems problems, Path baseDir) {
    return parse(body, problems, baseDir);
  }
}
