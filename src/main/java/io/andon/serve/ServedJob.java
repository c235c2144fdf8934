package io.andon.serve;

import io.andon.job.JobSpec;
import java.nio.file.Path;

/**
 * A job the service serves: its stable id, its definition as last loaded without error, and the
 * file it came from.
 */
public record ServedJob(long jobId, JobSpec spec, Path source) {
  public String name() {
    return spec.name();
  }
}
