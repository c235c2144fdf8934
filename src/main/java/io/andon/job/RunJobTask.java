package io.andon.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs another job (from its own file) as a child run, and succeeds when the child succeeds.
 *
 * @param job the child job, loaded and validated with the parent
 * @param jobParameters parameters passed to the child (values may hold references)
 */
public record RunJobTask(JobSpec job, Map<String, String> jobParameters) implements Payload {
  public static final String KEY = "run_job_task";

  public RunJobTask {
    Objects.requireNonNull(job, "job");
    jobParameters = Map.copyOf(jobParameters);
  }

  @Override
  public String type() {
    return KEY;
  }

  @Override
  public List<String> templates() {
    return new ArrayList<>(jobParameters.values());
  }
}
