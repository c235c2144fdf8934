package io.andon.monitor;

import static io.andon.monitor.DriftAnalysis.pct;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The comparisons with no distribution to measure: a side without values (all null), or one and the
 * same value on both sides. Their null shares still decide.
 */
final class DegenerateDrift {
  private DegenerateDrift() {}

  /** A side has no values: drifted when it became all null or its null share moved. */
  static ColumnDrift nullOnly(ColumnSides s, String why) {
    s.warnings().add(why + ".");
    ColumnDrift.Status status = ColumnDrift.Status.NOT_COMPARED;
    String reason = "not compared: " + why;
    if (s.curCount() == 0 && s.baseCount() > 0) {
      status = ColumnDrift.Status.DRIFT;
      reason =
          "became all null (share of nulls moved from "
              + pct(s.nullB())
              + " to "
              + pct(s.nullC())
              + ")";
    } else if (s.rule().enough()
        && Math.abs(s.nullC() - s.nullB()) >= s.rule().thresholds().nullShareDelta()) {
      status = ColumnDrift.Status.DRIFT;
      reason = ColumnRule.nullsMoved(s.nullB(), s.nullC());
    }
    return s.bare(status, reason, Optional.of(why), OptionalDouble.empty());
  }

  /** One and the same value on both sides: no drift to measure, unless the null share moved. */
  static ColumnDrift constant(ColumnSides s, String value) {
    ColumnRule.Decision v = s.rule().decide(List.of(), "", 1.0, s.nullB(), s.nullC());
    boolean drift = v.status() == ColumnDrift.Status.DRIFT;
    return s.bare(
        drift ? v.status() : ColumnDrift.Status.CONSTANT,
        drift
            ? v.reason()
            : "constant: every value is " + value + " on both sides; left out of the drift share",
        Optional.empty(),
        OptionalDouble.of(0));
  }
}
