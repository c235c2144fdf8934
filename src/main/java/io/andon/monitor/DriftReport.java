package io.andon.monitor;

import io.andon.monitor.quality.TableQuality;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The comparison of a current table with a baseline: one result per column, the one verdict (see
 * {@link Verdict}), problems that concern no single column, and the data-quality checks of the
 * current table ({@link TableQuality#NONE} when they were not run).
 */
public record DriftReport(
    String baseline,
    String current,
    long baselineRows,
    long currentRows,
    List<ColumnDrift> columns,
    Verdict verdict,
    List<String> warnings,
    DriftOptions options,
    TableQuality quality) {

  public DriftReport {
    Objects.requireNonNull(quality, "quality");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    columns = List.copyOf(columns);
    Objects.requireNonNull(verdict, "verdict");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(options, "options");
  }

  /** Builds the verdict from the column results. */
  public static DriftReport of(
      String baseline,
      String current,
      long baselineRows,
      long currentRows,
      List<ColumnDrift> columns,
      List<String> warnings,
      DriftOptions options) {
    return new DriftReport(
        baseline,
        current,
        baselineRows,
        currentRows,
        columns,
        Verdict.of(columns, options),
        warnings,
        options,
        TableQuality.NONE);
  }

  /** This report with the data-quality checks of its inputs. */
  public DriftReport withQuality(TableQuality q) {
    return new DriftReport(
        baseline, current, baselineRows, currentRows, columns, verdict, warnings, options, q);
  }

  public boolean driftDetected() {
    return verdict.driftDetected();
  }

  public int driftedColumns() {
    return verdict.drifted();
  }

  public int comparedColumns() {
    return verdict.compared();
  }

  public double driftShare() {
    return verdict.share();
  }

  /** The columns for people: drifted first, then not enough data, then the others. */
  public List<ColumnDrift> columnsByConcern() {
    return columns.stream()
        .sorted(
            Comparator.comparingInt(
                c ->
                    switch (c.status()) {
                      case DRIFT -> 0;
                      case NOT_ENOUGH_DATA -> 1;
                      default -> 2;
                    }))
        .toList();
  }
}
