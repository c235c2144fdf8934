package io.andon.engine;

import io.andon.job.JobSpec;
import io.andon.job.TriggerInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A run to start with {@link Executor#run}: the job, its parameter overrides, what started it
 * (absent: a one-time run, requested now on the executor's clock) and whom to tell the run's id as
 * soon as it is committed (queued, skipped or started), before it runs.
 *
 * <pre>{@code
 * executor.run(RunRequest.of(job));
 * executor.run(RunRequest.of(job, Map.of("alpha", "2")).triggeredBy(trigger).onCreated(ids::add));
 * }</pre>
 */
public record RunRequest(
    JobSpec job,
    Map<String, String> overrides,
    Optional<TriggerInfo> trigger,
    LongConsumer created) {
  private static final LongConsumer NOBODY = id -> {};

  public RunRequest {
    Objects.requireNonNull(job, "job");
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(created, "created");
  }

  /** A one-time run of {@code job} with its parameters' defaults. */
  public static RunRequest of(JobSpec job) {
    return of(job, Map.of());
  }

  /** A one-time run of {@code job} with parameter {@code overrides}. */
  public static RunRequest of(JobSpec job, Map<String, String> overrides) {
    return new RunRequest(job, overrides, Optional.empty(), NOBODY);
  }

  /** This run, recorded as started by {@code by}. */
  public RunRequest triggeredBy(TriggerInfo by) {
    return new RunRequest(job, overrides, Optional.of(by), created);
  }

  /** This run, telling {@code listener} its id once it is committed. */
  public RunRequest onCreated(LongConsumer listener) {
    return new RunRequest(job, overrides, trigger, listener);
  }
}
