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
 * soon as it is committed (queued, skipped or started), before it runs. A caller may also write its
 * own rows in the transaction that creates the run ({@link #writing}), so that they exist exactly
 * when the run does (an API's idempotency token, say): a crash commits both or neither.
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
    LongConsumer created,
    CreationWrite creationWrite) {
  private static final LongConsumer NOBODY = id -> {};
  private static final CreationWrite NOTHING = (c, id) -> {};

  /** What a caller writes in the transaction that creates the run. */
  @FunctionalInterface
  public interface CreationWrite {
    /** Writes on {@code c}, the creating transaction's connection, for run {@code runId}. */
    void write(java.sql.Connection c, long runId) throws java.sql.SQLException;
  }

  public RunRequest {
    Objects.requireNonNull(job, "job");
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(creationWrite, "creationWrite");
  }

  /** A one-time run of {@code job} with its parameters' defaults. */
  public static RunRequest of(JobSpec job) {
    return of(job, Map.of());
  }

  /** A one-time run of {@code job} with parameter {@code overrides}. */
  public static RunRequest of(JobSpec job, Map<String, String> overrides) {
    return new RunRequest(job, overrides, Optional.empty(), NOBODY, NOTHING);
  }

  /** This run, recorded as started by {@code by}. */
  public RunRequest triggeredBy(TriggerInfo by) {
    return new RunRequest(job, overrides, Optional.of(by), created, creationWrite);
  }

  /** This run, telling {@code listener} its id once it is committed. */
  public RunRequest onCreated(LongConsumer listener) {
    return new RunRequest(job, overrides, trigger, listener, creationWrite);
  }

  /** This run, with {@code write} done in the transaction that creates it. */
  public RunRequest writing(CreationWrite write) {
    return new RunRequest(job, overrides, trigger, created, write);
  }
}
