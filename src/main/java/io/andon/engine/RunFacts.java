package io.andon.engine;

import io.andon.job.JobSpec;
import io.andon.job.TriggerInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What stays the same during one run (or one repair of it): the job, the run's id, its parameters,
 * its repair number and start, and the andon home. Immutable, so every thread of the run may read
 * it.
 *
 * @param params the job parameters the run resolved, in the job's order
 * @param startTime when the run started (a repair keeps the run's start), epoch milliseconds
 * @param trigger what started the run (a repair keeps it)
 */
record RunFacts(
    long runId,
    JobSpec job,
    Map<String, String> params,
    int repairId,
    long startTime,
    TriggerInfo trigger,
    Path home) {
  RunFacts {
    Objects.requireNonNull(job, "job");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(home, "home");
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** The run as listeners see it. */
  RunListener.RunInfo info() {
    return new RunListener.RunInfo(
        runId,
        job.name(),
        job.file().toAbsolutePath().normalize().toString(),
        Instant.ofEpochMilli(startTime),
        params,
        repairId);
  }
}
