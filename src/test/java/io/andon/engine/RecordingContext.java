package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.job.PayloadType;
import io.andon.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A task context as the engine hands one to an attempt, for the tests of a payload runner: the
 * references it resolves come from a map, and what the task publishes and logs is kept for the test
 * to read. Also finds a payload's type and runner as the engine does, by ServiceLoader.
 */
public final class RecordingContext implements TaskContext {
  private final long runId;
  private final String jobName;
  private final String taskKey;
  private final Path baseDir;
  private final Path home;
  private final Optional<Store> store;
  private final Map<String, String> references;
  private final Map<String, JsonNode> values = new HashMap<>();
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

  /**
   * Attempt 1 of task {@code taskKey} of run {@code runId} of job {@code jobName}, its job file in
   * {@code baseDir}, its home {@code home}, over {@code store} if any; {@code references} maps each
   * reference text (e.g. {@code {{job.name}}}) to its value.
   */
  public RecordingContext(
      long runId,
      String jobName,
      String taskKey,
      Path baseDir,
      Path home,
      Optional<Store> store,
      Map<String, String> references) {
    this.runId = runId;
    this.jobName = jobName;
    this.taskKey = taskKey;
    this.baseDir = baseDir;
    this.home = home;
    this.store = store;
    this.references = Map.copyOf(references);
  }

  /** The payload type registered for {@code key}. */
  public static PayloadType type(String key) {
    return ServiceLoader.load(PayloadType.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(t -> t.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " is not registered"));
  }

  /** The payload runner registered for {@code key}. */
  public static PayloadRunner runner(String key) {
    return ServiceLoader.load(PayloadRunner.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(r -> r.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError(key + " runner is not registered"));
  }

  /** The values the task published, by name. */
  public Map<String, JsonNode> values() {
    return values;
  }

  /** What the task wrote to its log. */
  public String logged() {
    return logged.toString(StandardCharsets.UTF_8);
  }

  @Override
  public long runId() {
    return runId;
  }

  @Override
  public String jobName() {
    return jobName;
  }

  @Override
  public String taskKey() {
    return taskKey;
  }

  @Override
  public int attempt() {
    return 1;
  }

  @Override
  public Path baseDir() {
    return baseDir;
  }

  @Override
  public Path home() {
    return home;
  }

  @Override
  public Store store() {
    return store.orElseThrow(
        () -> new UnsupportedOperationException("this test gives task " + taskKey + " no store"));
  }

  @Override
  public String resolve(String template) {
    String s = template;
    for (Map.Entry<String, String> e : references.entrySet()) {
      s = s.replace(e.getKey(), e.getValue());
    }
    return s;
  }

  @Override
  public Map<String, Map<String, JsonNode>> taskValues() {
    return Map.of();
  }

  @Override
  public void putValue(String name, JsonNode value) {
    values.put(name, value);
  }

  @Override
  public PrintStream log() {
    return log;
  }

  @Override
  public boolean cancelled() {
    return false;
  }
}
