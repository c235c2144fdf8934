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
 * @param status the verdict
 * @param reason the rule that decided the verdict, with the numbers
 * @param skipped why the distribution metrics could not be computed, if so
 * @param baselineCount non-null (and non-NaN) values in the baseline
 */
public record ColumnDrift(
    String columnName,
    String dataType,
    Status status,
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

  /** A column's verdict. */
  public enum Status {
    /** A rule of the verdict fired. */
    DRIFT,
    /** Every rule was checked and none fired. */
    NO_DRIFT,
    /** Too few rows on a side to tell a change from chance: never drift, never fine. */
    NOT_ENOUGH_DATA,
    /** The distribution metrics could not be computed (a side has no values). */
    NOT_COMPARED,
    /** One and the same value on both sides: nothing to compare, left out of the share. */
    CONSTANT;

    /** The word reports show. */
    public String label() {
      return switch (this) {
        case DRIFT -> "DRIFT";
        case NO_DRIFT -> "no drift";
        case NOT_ENOUGH_DATA -> "NOT_ENOUGH_DATA";
        case NOT_COMPARED -> "n/a";
        case CONSTANT -> "constant";
      };
    }
  }

  /** The reading of a population stability index, from the product brief. */
  public enum PsiBand {
    /** PSI below 0.1. */
    NONE,
    /** PSI from 0.1 to 0.25. */
    MODERATE,
    /** PSI above 0.25. */
    SIGNIFICANT;

    public static PsiBand of(double psi) {
      return psi < 0.1 ? NONE : psi <= 0.25 ? MODERATE : SIGNIFICANT;
    }

    /** Lower case, as in reports. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public ColumnDrift {
    Objects.requireNonNull(columnName, "columnName");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    warnings = List.copyOf(warnings);
  }

  /** True when the column drifted. */
  public boolean driftDetected() {
    return status == Status.DRIFT;
  }

  /** The PSI band, when PSI was computed. */
  public Optional<PsiBand> psiBand() {
    return populationStabilityIndex.isPresent()
        ? Optional.of(PsiBand.of(populationStabilityIndex.getAsDouble()))
        : Optional.empty();
  }

  /** This column, drifted for {@code why} whatever its distribution statistics say. */
  public ColumnDrift driftedBecause(String why) {
    String r = status == Status.DRIFT ? why + "; " + reason : why;
    return new ColumnDrift(
        columnName,
        dataType,
        Status.DRIFT,
        r,
        skipped,
        baselineCount,
        currentCount,
        populationStabilityIndex,
        jsDistance,
        ksTest,
        wassersteinDistance,
        wassersteinDistanceNormed,
        chiSquaredTest,
        tvDistance,
        lInfinityDistance,
        countDelta,
        avgDelta,
        percentNullDelta,
        percentDistinctDelta,
        warnings,
        histogram);
  }
}
