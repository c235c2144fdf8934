package io.andon.monitor;

import io.andon.monitor.stats.ChiSquared;
import io.andon.monitor.stats.KsTest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The drift of one column: its verdict and the reason for it, the metrics that apply to its type
 * (absent otherwise), profile deltas, warnings, and a histogram for reports.
 *
 * @param dataType "numeric" or "categorical"
 * @param skipped why the distribution metrics could not be computed, if so
 * @param baselineCount non-null (and non-NaN) values in the baseline
 */
public record ColumnDrift(
    String columnName,
    String dataType,
    boolean driftDetected,
    String reason,
    Optional<String> skipped,
    long baselineCount,
    long currentCount,
    OptionalDouble populationStabilityIndex,
    OptionalDouble jsDistance,
    Optional<KsTest.Result> ksTest,
    OptionalDouble wassersteinDistance,
    OptionalDouble wassersteinDistanceNormed,
    Optional<ChiSquared.Result> chiSquaredTest,
    OptionalDouble tvDistance,
    OptionalDouble lInfinityDistance,
    long countDelta,
    OptionalDouble avgDelta,
    double percentNullDelta,
    double percentDistinctDelta,
    List<String> warnings,
    Optional<Histogram> histogram) {

  public ColumnDrift {
    Objects.requireNonNull(columnName, "columnName");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(reason, "reason");
    warnings = List.copyOf(warnings);
  }
}
