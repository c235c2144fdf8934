package io.andon.store;

import io.andon.job.LifeCycleState;
import io.andon.job.ResultState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A run to insert: its job (name, file, key, the definition and bundle settings it runs with), its
 * parameters, the state it starts in (a skipped run has its result and message at once), and who
 * runs it: the andon process that owns it, and the run it is the child of, if any.
 */
public record NewRun(
    String jobName,
    String jobFile,
    Optional<String> jobKey,
    String definition,
    String bundle,
    Map<String, String> parameters,
    LifeCycleState state,
    Optional<ResultState> result,
    Optional<String> message,
    long startTime,
    RunUpdate.Owner owner,
    OptionalLong parentRunId) {
  public NewRun {
    Objects.requireNonNull(jobName, "jobName");
    Objects.requireNonNull(jobFile, "jobFile");
    Objects.requireNonNull(jobKey, "jobKey");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(parentRunId, "parentRunId");
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }
}
