package io.andon.engine;

import io.andon.job.JobLoader;
import io.andon.job.JobSpec;
import io.andon.store.RunRecord;
import io.andon.store.RunStore;
import io.andon.store.Store;
import io.andon.store.TaskRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes a job into a folder, runs it against a real store, and hands back the stored run. */
public final class JobHarness implements AutoCloseable {
  public final Path dir;
  public final Store store;
  private int files;

  public JobHarness(Path dir) {
    this.dir = dir;
    this.store = Store.open(dir.resolve("home"));
  }

  public Path write(String yaml) {
    return write("job" + (++files) + ".yml", yaml);
  }

  public Path write(String name, String yaml) {
    try {
      Path p = dir.resolve(name);
      Files.writeString(p, yaml, StandardCharsets.UTF_8);
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  public JobSpec load(String yaml) {
    return new JobLoader().load(write(yaml), Optional.empty());
  }

  public Executor executor(int maxParallel) {
    return new Executor(store, Executor.Options.defaults().withMaxParallel(maxParallel), List.of());
  }

  /** Runs the job and returns the stored run. */
  public RunRecord run(String yaml) {
    return run(yaml, Map.of());
  }

  public RunRecord run(String yaml, Map<String, String> params) {
    Executor.Outcome o = executor(4).run(RunRequest.of(load(yaml), params));
    return stored(o.runId());
  }

  public RunRecord stored(long runId) {
    return new RunStore(store).find(runId).orElseThrow();
  }

  public static String result(RunRecord r, String task) {
    return task(r, task).resultState().orElse("(none: " + task(r, task).state() + ")");
  }

  public static TaskRecord task(RunRecord r, String task) {
    return r.task(task).orElseThrow(() -> new AssertionError("no task " + task));
  }

  @Override
  public void close() {
    store.close();
  }
}
