package io.andon.monitor.quality;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data quality of a current table against its baseline: every check, and the summary of each
 * checked column on both sides (the baseline's absent for a column it lacks).
 */
public record TableQuality(
    List<QualityCheck> checks,
    Map<String, ColumnSummary> baseline,
    Map<String, ColumnSummary> current) {

  /** No check run (a comparison from sketches). */
  public static final TableQuality NONE = new TableQuality(List.of(), Map.of(), Map.of());

  public TableQuality {
    checks = List.copyOf(checks);
    baseline = Map.copyOf(baseline);
    current = Map.copyOf(current);
  }

  /** The checks that failed. */
  public List<QualityCheck> failed() {
    return checks.stream().filter(QualityCheck::failed).toList();
  }

  public Optional<ColumnSummary> baseline(String column) {
    return Optional.ofNullable(baseline.get(column));
  }

  public Optional<ColumnSummary> current(String column) {
    return Optional.ofNullable(current.get(column));
  }
}
