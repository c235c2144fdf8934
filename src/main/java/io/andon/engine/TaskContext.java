package io.andon.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.store.Store;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a running task can see and do. One context per attempt. */
public interface TaskContext {
  long runId();

  String jobName();

  String taskKey();

  /** 1 for the first attempt. */
  int attempt();

  /** The folder of the job file; relative paths in payloads start here. */
  Path baseDir();

  /** The andon home (store, logs). */
  Path home();

  Store store();

  /** Replaces every {@code {{...}}} reference in {@code template} with its value now. */
  String resolve(String template);

  /** The run's job parameters (defaults overridden by the run's --param values), by name. */
  default Map<String, String> jobParameters() {
    return Map.of();
  }

  /**
   * Task values published by the tasks of this run that had finished when this attempt started, by
   * task_key, in the job's order. The same on every call: tasks that finish while this one runs do
   * not appear.
   */
  Map<String, Map<String, JsonNode>> taskValues();

  /** Publishes a task value of this task (JSON, at most 48 KiB). */
  void putValue(String name, JsonNode value);

  /** The attempt's log; what is written here shows in {@code andon runs logs}. */
  PrintStream log();

  /** True once the run is being canceled or the attempt timed out; long work should stop. */
  boolean cancelled();
}
