package io.andon.gate;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The usual {@link Baselines}: a baseline file named by the check is read when it exists (a missing
 * one makes the check not measured, as on a project's first run); a job's last successful run comes
 * from the run history; {@link Baseline.Given} is what the caller chose (a file, a job, or
 * nothing).
 */
public final class BaselineResolver implements Baselines {
  private final Optional<MetricSource> given;
  private final Supplier<Optional<GateStore>> history;
  private final OptionalLong excludeRunId;
  private final Map<Baseline, MetricSource> cache = new HashMap<>();

  /**
   * @param given the source for checks without their own baseline
   * @param history the run history, opened only when a check needs it
   * @param excludeRunId the run asking, never its own baseline
   */
  public BaselineResolver(
      Optional<MetricSource> given,
      Supplier<Optional<GateStore>> history,
      OptionalLong excludeRunId) {
    this.given = Objects.requireNonNull(given, "given");
    this.history = Objects.requireNonNull(history, "history");
    this.excludeRunId = Objects.requireNonNull(excludeRunId, "excludeRunId");
  }

  @Override
  public MetricSource source(Baseline baseline) {
    Objects.requireNonNull(baseline, "baseline");
    return cache.computeIfAbsent(baseline, this::load);
  }

  private MetricSource load(Baseline baseline) {
    if (baseline instanceof Baseline.File f) {
      if (!Files.exists(f.path())) {
        return MetricSource.of(
            Map.of(),
            "baseline file "
                + f.path()
                + ", which does not exist"
                + " yet (write it from a good run, e.g. with andon gate --format json)");
      }
      return JsonMetrics.read("", f.path());
    }
    if (baseline instanceof Baseline.Job j) {
      return history
          .get()
          .map(h -> h.lastSuccessfulRun(j.jobName(), excludeRunId))
          .orElseGet(() -> MetricSource.of(Map.of(), "no run history"));
    }
    return given.orElseGet(() -> Baselines.none().source(baseline));
  }
}
