package io.andon.schedule.service;

import io.andon.schedule.JobTrigger;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A job as the schedule service sees it: its name (the name its runs are recorded under), what
 * starts it, with its pause_status as the job file says it, and the folder of its job file, which a
 * relative file-arrival url starts from.
 */
public record ScheduledJob(String name, JobTrigger trigger, Path folder) {
  public ScheduledJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(folder, "folder");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }
}
