package io.andon.monitor;

import java.util.List;
import java.util.Objects;

/**
 * The comparison of a current table with a baseline: one result per column, the dataset verdict
 * (share of drifted columns among those compared), and problems that concern no single column.
 */
public record DriftReport(
    String baseline,
    String current,
    long baselineRows,
    long currentRows,
    List<ColumnDrift> columns,
    int driftedColumns,
    int comparedColumns,
    double driftShare,
    boolean driftDetected,
    List<String> warnings,
    DriftOptions options) {

  public DriftReport {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    columns = List.copyOf(columns);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(options, "options");
  }

  /** Builds the dataset verdict from the column results. */
  public static DriftReport of(String baseline, String current, long baselineRows,
      long currentRows, List<ColumnDrift> columns, List<String> warnings, DriftOptions options) {
    int compared = 0;
    int drifted = 0;
    for (ColumnDrift c : columns) {
      compared++;
      if (c.driftDetected()) {
        drifted++;
      }
    }
    double share = compared == 0 ? 0.0 : (double) drifted / compared;
    boolean drift = compared > 0 && share >= options.thresholds().driftShare();
    return new DriftReport(baseline, current, baselineRows, currentRows, columns, drifted,
        compared, share, drift, warnings, options);
  }
}
