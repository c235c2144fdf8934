package io.andon.serve;

import io.andon.error.InvalidInputException;
import io.andon.job.BundleSettings;
import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The jobs the service serves, loaded from the files and folders it was given and loaded again when
 * one of them changes. A change that does not validate is reported (in the log and by {@link
 * #problems()}) and the job's last valid version stays served.
 */
public final class JobCatalog {
  /** One job file: what it looked like when last read, its jobs, and its problem if any. */
  private record FileState(String fingerprint, List<ServedJob> jobs, Optional<String> problem) {}

  private final List<Path> paths;
  private final BundleSettings bundle;
  private final Supplier<JobLoader> loaders;
  private final ServeStore ids;
  private final Clock clock;
  private final ServiceLog log;
  private volatile Map<Path, FileState> files = Map.of();

  JobCatalog(
      List<Path> paths,
      BundleSettings bundle,
      Supplier<JobLoader> loaders,
      ServeStore ids,
      Clock clock,
      ServiceLog log) {
    this.paths = List.copyOf(paths);
    this.bundle = bundle;
    this.loaders = loaders;
    this.ids = ids;
    this.clock = clock;
    this.log = log;
  }

  /** Loads every job; refuses to start, naming every problem, when one does not validate. */
  void loadAll() {
    Map<Path, FileState> loaded = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    for (Path f : JobFiles.expand(paths)) {
      String print = JobFiles.fingerprint(f);
      try {
        loaded.put(f, new FileState(print, load(f), Optional.empty()));
      } catch (InvalidInputException e) {
        problems.add(e.getMessage());
      }
    }
    problems.addAll(duplicates(loaded));
    if (!problems.isEmpty()) {
      throw new InvalidInputException("andon serve cannot start: " + String.join("\n", problems));
    }
    files = Map.copyOf(loaded);
    for (ServedJob j : jobs()) {
      log.event("job_loaded", Map.of("job_id", j.jobId(), "job", j.name(), "file", j.source()));
    }
  }

  /** Reads again the files that changed (and new ones in the folders); true when any did. */
  synchronized boolean refresh() {
    Map<Path, FileState> now = new TreeMap<>(files);
    boolean changed = false;
    List<Path> current;
    try {
      current = JobFiles.expand(paths);
    } catch (RuntimeException e) {
      current = List.copyOf(now.keySet());
    }
    for (Path gone : new ArrayList<>(now.keySet())) {
      if (!current.contains(gone) && !java.nio.file.Files.exists(gone)) {
        now.remove(gone);
        log.event("file_removed", Map.of("file", gone));
        changed = true;
      }
    }
    for (Path f : current) {
      String print = JobFiles.fingerprint(f);
      FileState before = now.get(f);
      if (before != null && before.fingerprint().equals(print)) {
        continue;
      }
      changed = true;
      List<ServedJob> keep = before == null ? List.of() : before.jobs();
      try {
        List<ServedJob> jobs = load(f);
        Map<Path, FileState> trial = new TreeMap<>(now);
        trial.put(f, new FileState(print, jobs, Optional.empty()));
        List<String> dup = duplicates(trial);
        if (!dup.isEmpty()) {
          throw new InvalidInputException(String.join("; ", dup));
        }
        now.put(f, new FileState(print, jobs, Optional.empty()));
        for (ServedJob j : jobs) {
          log.event("job_reloaded", Map.of("job_id", j.jobId(), "job", j.name(), "file", f));
        }
      } catch (InvalidInputException e) {
        now.put(f, new FileState(print, keep, Optional.of(e.getMessage())));
        log.event(
            "job_invalid",
            Map.of(
                "file",
                f,
                "problem",
                e.getMessage(),
                "serving",
                keep.isEmpty() ? "nothing" : "the last valid version"));
      }
    }
    files = Map.copyOf(now);
    return changed;
  }

  private List<ServedJob> load(Path f) {
    JobLoader loader = loaders.get();
    List<String> keys = loader.jobKeys(f, bundle);
    List<JobSpec> specs = new ArrayList<>();
    if (keys.isEmpty()) {
      specs.add(loaders.get().load(f, Optional.empty(), BundleSettings.NONE));
    } else {
      for (String k : keys) {
        specs.add(loaders.get().load(f, Optional.of(k), bundle));
      }
    }
    List<ServedJob> out = new ArrayList<>();
    for (JobSpec s : specs) {
      out.add(new ServedJob(ids.jobId(s.name(), clock.millis()), s, f));
    }
    return out;
  }

  private static List<String> duplicates(Map<Path, FileState> all) {
    Map<String, Path> seen = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (var e : all.entrySet()) {
      for (ServedJob j : e.getValue().jobs()) {
        Path first = seen.putIfAbsent(j.name(), e.getKey());
        if (first != null && !first.equals(e.getKey())) {
          out.add(
              "job name '"
                  + j.name()
                  + "' is in both "
                  + first
                  + " and "
                  + e.getKey()
                  + "; a served job's name must be unique: rename one.");
        }
      }
    }
    return out;
  }

  /** Every job served, by id. */
  public List<ServedJob> jobs() {
    Map<Long, ServedJob> byId = new TreeMap<>();
    files.values().forEach(s -> s.jobs().forEach(j -> byId.put(j.jobId(), j)));
    return List.copyOf(byId.values());
  }

  /** The job with id {@code jobId}. */
  public Optional<ServedJob> byId(long jobId) {
    return jobs().stream().filter(j -> j.jobId() == jobId).findFirst();
  }

  /** The job named {@code name}. */
  public Optional<ServedJob> byName(String name) {
    return jobs().stream().filter(j -> j.name().equals(name)).findFirst();
  }

  /**
   * The job {@code run} belongs to as it is served now (as Databricks repairs with the job's
   * current settings), or as the run stored it when the job is no longer served.
   */
  public JobSpec specFor(io.andon.store.RunRecord run) {
    return byName(run.jobName())
        .map(ServedJob::spec)
        .orElseGet(
            () ->
                new JobLoader()
                    .loadSource(
                        Path.of(run.jobFile()),
                        run.jobKey(),
                        run.definition(),
                        BundleSettings.fromJson(run.bundle())));
  }

  /** The problem of each file whose last change did not validate. */
  public Map<Path, String> problems() {
    Map<Path, String> out = new LinkedHashMap<>();
    files.forEach((f, s) -> s.problem().ifPresent(p -> out.put(f, p)));
    return out;
  }
}
