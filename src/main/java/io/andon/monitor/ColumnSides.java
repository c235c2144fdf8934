package io.andon.monitor;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What every comparison of one column knows before its metrics: the counts and shares of both
 * sides, the warnings so far, and the rule that judges it.
 *
 * @param baseCount non-null (and non-NaN) values in the baseline
 * @param curCount non-null (and non-NaN) values in the current data
 * @param warnings collected while comparing; the results copy it
 */
record ColumnSides(
    String name,
    String type,
    long baseCount,
    long curCount,
    double nullB,
    double nullC,
    double distinctB,
    double distinctC,
    List<String> warnings,
    ColumnRule rule) {

  ColumnSides {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(warnings, "warnings");
    Objects.requireNonNull(rule, "rule");
  }

  long countDelta() {
    return curCount - baseCount;
  }

  /** A result with no distribution metric: only the verdict and the profile deltas. */
  ColumnDrift bare(
      ColumnDrift.Status status, String reason, Optional<String> skipped, OptionalDouble distance) {
    return new ColumnDrift(
        name,
        type,
        status,
        reason,
        skipped,
        baseCount,
        curCount,
        distance,
        distance,
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        countDelta(),
        OptionalDouble.empty(),
        nullC - nullB,
        distinctC - distinctB,
        warnings,
        Optional.empty());
  }

  static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
