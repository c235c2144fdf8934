package io.andon.gate;

import java.util.Objects;

/** Turns a check's {@link Baseline} into the metrics to compare with. */
@FunctionalInterface
public interface Baselines {
  /** The metrics of {@code baseline}; a source that knows nothing when there are none. */
  MetricSource source(Baseline baseline);

  /** No baseline anywhere: every regression check is not measured. */
  static Baselines none() {
    return b ->
        MetricSource.of(
            java.util.Map.of(),
            "no baseline (give --baseline FILE or"
                + " --job-name NAME, or set baseline: on the check)");
  }

  /** The same source for {@link Baseline.Given}; others from {@code fallback}. */
  static Baselines given(MetricSource given, Baselines fallback) {
    Objects.requireNonNull(given, "given");
    Objects.requireNonNull(fallback, "fallback");
    return b -> b instanceof Baseline.Given ? given : fallback.source(b);
  }
}
