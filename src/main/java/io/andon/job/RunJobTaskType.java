package io.andon.job;

import io.andon.error.InvalidInputException;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code run_job_task}: loads the child job file it names (with the bundle settings the
 * parent was read with), refusing a cycle of jobs and parameters the child does not declare.
 */
final class RunJobTaskType implements PayloadType {
  /** Loads a child job file, {@code chain} being the jobs being loaded around it. */
  @FunctionalInterface
  interface ChildLoader {
    JobSpec load(Path file, Optional<String> jobKey, BundleSettings bundle, Deque<String> chain);
  }

  /** The jobs being loaded, outermost last, each as its file's absolute path#job key. */
  private final Deque<String> chain;

  /** What the job file was read with, which the job files of its run_job_tasks are too. */
  private final BundleSettings bundle;

  private final ChildLoader loader;

  RunJobTaskType(Deque<String> chain, BundleSettings bundle, ChildLoader loader) {
    this.chain = chain;
    this.bundle = bundle;
    this.loader = loader;
  }

  /** The same, over a copy of the chain, for another thread reading tasks of the same job. */
  RunJobTaskType copy() {
    return new RunJobTaskType(new ArrayDeque<>(chain), bundle, loader);
  }

  @Override
  public String key() {
    return RunJobTask.KEY;
  }

  @Override
  public Optional<Payload> parse(YMap b, Problems p, Path baseDir) {
    return parse(b, b, b, p, baseDir);
  }

  @Override
  public Optional<Payload> parse(YMap b, YMap task, YMap job, Problems p, Path base) {
    String k = TaskReader.keyOf(task);
    if (b.has("job_id")) {
      p.add(
          b.keyLoc("job_id"),
          "task '"
              + k
              + "': run_job_task.job_id names a job in a"
              + " Databricks workspace; andon runs a job file: use 'job_file: path/to/job.yml'.");
      return Optional.empty();
    }
    p.unknownKeys(b, Set.of("job_file", "job_key", "job_parameters"), "run_job_task");
    Optional<String> f = p.requiredString(b, "job_file", "run_job_task");
    Map<String, String> params = new LinkedHashMap<>();
    p.map(b, "job_parameters")
        .ifPresent(
            jp ->
                jp.values()
                    .forEach(
                        e ->
                            p.scalarText(e.value(), "job parameter '" + e.key() + "'")
                                .ifPresent(v -> params.put(e.key(), v))));
    if (f.isEmpty()) {
      return Optional.empty();
    }
    Path child = base.resolve(f.get()).normalize();
    Loc at = b.get("job_file").orElseThrow().loc();
    Optional<String> childKey = p.string(b, "job_key");
    // without a job_key, a file on the chain is the same job (or fails to pick one anyway)
    String self = child.toAbsolutePath() + "#";
    if (childKey.isPresent()
        ? chain.contains(self + childKey.get())
        : chain.stream().anyMatch(x -> x.startsWith(self))) {
      List<String> names = new ArrayList<>();
      chain.descendingIterator().forEachRemaining(x -> names.add(chainName(x)));
      names.add(chainName(self + childKey.orElse("")));
      p.add(
          at,
          "task '"
              + k
              + "': run_job_task makes a cycle of jobs: "
              + String.join(" -> ", names)
              + ".");
      return Optional.empty();
    }
    try {
      JobSpec childJob = loader.load(child, childKey, bundle, chain);
      for (String name : params.keySet()) {
        if (childJob.parameters().stream().noneMatch(x -> x.name().equals(name))) {
          p.add(
              b.keyLoc("job_parameters"),
              "task '" + k + "': job " + childJob.name() + " has no parameter '" + name + "'.");
        }
      }
      return Optional.of(new RunJobTask(childJob, params));
    } catch (InvalidInputException e) {
      p.add(at, "task '" + k + "': the job it runs is not valid: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** A chain entry as a message shows it: the file's name, and the job's key in a bundle. */
  private static String chainName(String entry) {
    int hash = entry.lastIndexOf('#');
    String name = Path.of(entry.substring(0, hash)).getFileName().toString();
    return hash == entry.length() - 1 ? name : name + " (" + entry.substring(hash + 1) + ")";
  }
}
