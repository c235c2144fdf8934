package io.andon.job;

import io.andon.error.InvalidInputException;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Loads a job file (a bare job, a Databricks Asset Bundle or a Jobs API document) and validates it
 * once, reporting every problem at once with file:line:column. A loaded {@link JobSpec} is known to
 * be a DAG whose references all name something that exists.
 *
 * <p>The steps: {@link JobDocument} finds the job mapping in the file, {@link JobReader} reads its
 * settings and checks the whole, {@link TaskReader} reads each task with the {@link PayloadType} of
 * its payload; a {@code run_job_task} loads its child job through this loader again.
 */
public final class JobLoader {
  private final Map<String, PayloadType> payloadTypes = new LinkedHashMap<>();
  private final List<JobExtension> extensions = new ArrayList<>();
  private final Set<String> taskExtKeys = new HashSet<>();
  private Map<String, String> env = System.getenv();
  private Optional<WorkspaceSettings> workspace = Optional.empty();

  /** A loader with the payload types and job extensions found on the class path. */
  public JobLoader() {
    for (PayloadType t : ServiceLoader.load(PayloadType.class)) {
      payloadTypes.put(t.key(), t);
    }
    for (JobExtension e : ServiceLoader.load(JobExtension.class)) {
      extensions.add(e);
      taskExtKeys.addAll(e.taskKeys());
    }
  }

  /** Reads {@code BUNDLE_VAR_<name>} from {@code environment} instead of the process's. */
  public JobLoader environment(Map<String, String> environment) {
    this.env = Map.copyOf(environment);
    return this;
  }

  /**
   * Gives {@code ${workspace.*}} of bundles the andon home and values of {@code settings} (default:
   * the home of the environment, no values).
   */
  public JobLoader workspace(WorkspaceSettings settings) {
    this.workspace = Optional.of(settings);
    return this;
  }

  /** Loads {@code file}; {@code jobKey} picks a job of a bundle holding several. */
  public JobSpec load(Path file, Optional<String> jobKey) {
    return load(file, jobKey, BundleSettings.NONE);
  }

  /** Loads {@code file}, a bundle's substitutions made with {@code bundle}. */
  public JobSpec load(Path file, Optional<String> jobKey, BundleSettings bundle) {
    return load(file, jobKey, bundle, false, new ArrayDeque<>());
  }

  /** Loads a job from text already read (a stored definition), as if it were {@code file}. */
  public JobSpec loadSource(
      Path file, Optional<String> jobKey, String source, BundleSettings bundle) {
    return parse(file, jobKey, source, bundle, false, new ArrayDeque<>());
  }

  /**
   * The keys of the jobs a bundle file declares under {@code resources.jobs}, its includes merged,
   * in order; empty for a file that is not a bundle. Each loads with {@link #load(Path, Optional,
   * BundleSettings)}.
   */
  public List<String> jobKeys(Path file, BundleSettings bundle) {
    YNode root = YamlReader.parse(file.toString(), YamlReader.readText(file));
    if (!(root instanceof YMap rootMap)
        || !(rootMap.has("resources") || rootMap.has("include") || rootMap.has("bundle"))) {
      return List.of();
    }
    Problems problems = new Problems();
    BundleFiles.Merged merged = BundleFiles.merge(file, rootMap, bundle.includes(), problems);
    Bundle b =
        Bundle.open(
            merged.root(),
            file,
            bundle,
            env,
            workspace.orElseGet(() -> WorkspaceSettings.fromEnvironment(env)),
            false,
            problems);
    return List.copyOf(b.jobs(merged.jobs()).keys());
  }

  private JobSpec load(
      Path file,
      Optional<String> jobKey,
      BundleSettings bundle,
      boolean child,
      Deque<String> chain) {
    // refuses missing, binary, huge files with their own messages
    return parse(file, jobKey, YamlReader.readText(file), bundle, child, chain);
  }

  private JobSpec parse(
      Path file,
      Optional<String> jobKey,
      String source,
      BundleSettings bundle,
      boolean child,
      Deque<String> chain) {
    YNode root = YamlReader.parse(file.toString(), source);
    Problems problems = new Problems();
    if (!(root instanceof YMap rootMap)) {
      throw new InvalidInputException(
          root.loc()
              + ": a job file must be a mapping with 'name'"
              + " and 'tasks' (or a bundle with 'resources.jobs'), not "
              + root.kind()
              + ".");
    }
    JobDocument doc =
        JobDocument.of(
            file,
            rootMap,
            jobKey,
            bundle,
            child,
            env,
            () -> workspace.orElseGet(() -> WorkspaceSettings.fromEnvironment(env)),
            problems);
    Path base = doc.jobFile().toAbsolutePath().getParent();
    chain.push(file.toAbsolutePath().normalize() + "#" + doc.key().orElse(""));
    try {
      RunJobTaskType runJob =
          new RunJobTaskType(chain, bundle, (f, k, b, c) -> load(f, k, b, true, c));
      TaskReader tasks =
          new TaskReader(
              payloadTypes, taskExtKeys, problems, base, doc.lenient(), doc.job(), runJob);
      JobSpec job =
          new JobReader(file, base, problems, extensions, tasks)
              .job(doc.job(), doc.key(), source, doc.settings());
      problems.throwIfAny(file + " is not a valid job");
      return job.withNotices(problems.notices());
    } finally {
      chain.pop();
    }
  }
}
