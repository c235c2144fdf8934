package io.andon.gate;

import java.nio.file.Path;
import java.util.Objects;

/** Where a regression check finds the value it must not fall behind. */
public sealed interface Baseline {
  /** A JSON file of metrics, read like {@code --metrics}. */
  record File(Path path) implements Baseline {
    public File {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return "baseline file " + path;
    }
  }

  /** The task values of the last successful run of the named job in the run history. */
  record Job(String jobName) implements Baseline {
    public Job {
      Objects.requireNonNull(jobName, "jobName");
      if (jobName.isBlank()) {
        throw new IllegalArgumentException("jobName must not be blank");
      }
    }

    @Override
    public String describe() {
      return "last successful run of job '" + jobName + "'";
    }
  }

  /**
   * Whatever the caller supplies: {@code --baseline FILE} or {@code --job-name NAME} on the command
   * line, the current job's history in a {@code gate_task}.
   */
  record Given() implements Baseline {
    @Override
    public String describe() {
      return "the given baseline";
    }
  }

  String describe();
}
