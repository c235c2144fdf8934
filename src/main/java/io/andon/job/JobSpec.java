package io.andon.job;

import io.andon.error.Notice;
import io.andon.schedule.JobTrigger;
import io.andon.yaml.YNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as validated at load: its tasks form a DAG, every reference names something that exists.
 *
 * @param file the job file
 * @param jobKey the key under {@code resources.jobs} for a bundle file
 * @param dag the graph of {@code tasks}, built once when the job is loaded
 * @param maxConcurrentRuns 0 skips every new run; default 1
 * @param timeoutSeconds 0 for none
 * @param extras keys owned by {@link JobExtension}s, raw
 * @param health the job's {@code health} rules, for each run (a task's are on its {@link TaskSpec})
 * @param trigger what starts the job by itself ({@code schedule}, {@code trigger} or {@code
 *     continuous}), which {@code andon serve} fires; {@code andon run} runs the job once
 * @param source the job file's text, stored with each run so repairs use what ran
 * @param bundle the target and variable values a bundle's substitutions were made with, and the
 *     files it included, stored with each run for the same reason
 * @param dir the folder relative paths start from: the folder of the file that holds the job
 * @param notices what the files say that andon accepts and does not act on, and warnings
 */
public record JobSpec(
    String name,
    Path file,
    Optional<String> jobKey,
    List<Parameter> parameters,
    List<TaskSpec> tasks,
    Dag dag,
    int maxConcurrentRuns,
    boolean queueEnabled,
    long timeoutSeconds,
    Map<String, String> tags,
    Map<String, YNode> extras,
    HealthRules health,
    Optional<JobTrigger> trigger,
    String source,
    BundleSettings bundle,
    Path dir,
    List<Notice> notices) {

  public JobSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(jobKey, "jobKey");
    parameters = List.copyOf(parameters);
    tasks = List.copyOf(tasks);
    if (dag.size() != tasks.size()) {
      throw new IllegalArgumentException(
          "dag has " + dag.size() + " tasks, the job " + tasks.size());
    }
    tags = Map.copyOf(tags);
    extras = Map.copyOf(extras);
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(bundle, "bundle");
    dir = dir.toAbsolutePath().normalize();
    notices = List.copyOf(notices);
  }

  /** A job without notices nor trigger, its graph built from {@code tasks}. */
  public JobSpec(
      String name,
      Path file,
      Optional<String> jobKey,
      List<Parameter> parameters,
      List<TaskSpec> tasks,
      int maxConcurrentRuns,
      boolean queueEnabled,
      long timeoutSeconds,
      Map<String, String> tags,
      Map<String, YNode> extras,
      HealthRules health,
      String source,
      BundleSettings bundle,
      Path dir) {
    this(
        name,
        file,
        jobKey,
        parameters,
        tasks,
        new Dag(tasks),
        maxConcurrentRuns,
        queueEnabled,
        timeoutSeconds,
        tags,
        extras,
        health,
        Optional.empty(),
        source,
        bundle,
        dir,
        List.of());
  }

  /** This job with {@code notices} instead of its own. */
  public JobSpec withNotices(List<Notice> notices) {
    return new JobSpec(
        name,
        file,
        jobKey,
        parameters,
        tasks,
        dag,
        maxConcurrentRuns,
        queueEnabled,
        timeoutSeconds,
        tags,
        extras,
        health,
        trigger,
        source,
        bundle,
        dir,
        notices);
  }

  /** The first task named {@code key}, found through the graph's index (jobs of 10,000 tasks). */
  public Optional<TaskSpec> task(String key) {
    return dag.indexOf(key).map(tasks::get);
  }

  /** Parameter defaults overridden by {@code overrides}, in declaration order. */
  public Map<String, String> resolveParameters(Map<String, String> overrides) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      out.put(p.name(), overrides.getOrDefault(p.name(), p.defaultValue()));
    }
    return out;
  }
}
