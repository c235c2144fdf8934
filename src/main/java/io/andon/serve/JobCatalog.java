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
  private volatile Served served = Served.of(Map.of());

  /**
   * The files served and their jobs, by id and by name: built once per change, as every run started
   * and every run listed looks its job up.
   */
  private record Served(
      Map<Path, FileState> files,
      List<ServedJob> jobs,
      Map<Long, ServedJob> byId,
      Map<String, ServedJob> byName) {
    static Served of(Map<Path, FileState> files) {
      Map<Long, ServedJob> byId = new TreeMap<>();
      files.values().forEach(s -> s.jobs().forEach(j -> byId.put(j.jobId(), j)));
      Map<String, ServedJob> byName = new HashMap<>();
      for (ServedJob j : byId.values()) {
        byName.putIfAbsent(j.name(), j);
      }
      return new Served(
          Map.copyOf(files), List.copyOf(byId.values()), Map.copyOf(byId), Map.copyOf(byName));
    }
  }

  /**
   * The fingerprint of each file of the served folders found not to be a job: a folder is listed
   * every second, and a file is read again only when it changed. Used by {@link #refresh}.
   */
  private final Map<Path, String> notJobs = new HashMap<>();

  /** The fingerprints taken by the {@link #refresh} in progress: each file's once. */
  private final Map<Path, String> prints = new HashMap<>();

  private String print(Path f) {
    return prints.computeIfAbsent(f, JobFiles::fingerprint);
  }

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
    served = Served.of(loaded);
    for (ServedJob j : jobs()) {
      log.event("job_loaded", Map.of("job_id", j.jobId(), "job", j.name(), "file", j.source()));
    }
  }

  /** Reads again the files that changed (and new ones in the folders); true when any did. */
  synchronized boolean refresh() {
    Map<Path, FileState> now = new TreeMap<>(served.files());
    boolean changed = false;
    prints.clear();
    java.util.Set<Path> current;
    try {
      current = new java.util.LinkedHashSet<>(JobFiles.expand(paths, this::isJob));
    } catch (RuntimeException e) {
      current = new java.util.LinkedHashSet<>(now.keySet());
    }
    for (Path gone : new ArrayList<>(now.keySet())) {
      if (!current.contains(gone) && !java.nio.file.Files.exists(gone)) {
        now.remove(gone);
        log.event("file_removed", Map.of("file", gone));
        changed = true;
      }
    }
    for (Path f : current) {
      String print = print(f);
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
    served = Served.of(now);
    return changed;
  }

  /**
   * Whether {@code f} holds a job: as it did when last read when its fingerprint is the same (a
   * file served is one, a file found not to be one is remembered), else read again.
   */
  private boolean isJob(Path f) {
    String print = print(f);
    FileState s = served.files().get(f);
    if (s != null && s.fingerprint().equals(print)) {
      return true;
    }
    if (print.equals(notJobs.get(f))) {
      return false;
    }
    boolean job = JobFiles.isJob(f);
    if (job) {
      notJobs.remove(f);
    } else {
      notJobs.put(f, print);
    }
    return job;
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
    return served.jobs();
  }

  /** The job with id {@code jobId}. */
  public Optional<ServedJob> byId(long jobId) {
    return Optional.ofNullable(served.byId().get(jobId));
  }

  /** The job named {@code name}. */
  public Optional<ServedJob> byName(String name) {
    return Optional.ofNullable(served.byName().get(name));
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
    new TreeMap<>(served.files()).forEach((f, s) -> s.problem().ifPresent(p -> out.put(f, p)));
    return out;
  }
}
