package io.andon.monitor;

import io.andon.monitor.quality.QualityCheck;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a monitor run produced: rows of the profile, drift metrics and data quality tables,
 * warnings, and the verdicts of the run and of each window, under the monitor's verdict rule
 * ({@code options}), and the values of the chunked methods ({@code chunked}: performance
 * estimation, multivariate drift, thresholds learned from reference chunks).
 */
public record MonitorResult(
    String monitorName,
    Instant runAt,
    List<ProfileRow> profiles,
    List<DriftRow> drifts,
    List<TableDriftRow> tableDrifts,
    List<String> warnings,
    DriftOptions options,
    List<MonitorSpec.CustomMetric> customMetrics,
    List<ChunkedRow> chunked,
    List<QualityRow> quality) {

  public MonitorResult {
    Objects.requireNonNull(monitorName, "monitorName");
    Objects.requireNonNull(runAt, "runAt");
    profiles = List.copyOf(profiles);
    drifts = List.copyOf(drifts);
    tableDrifts = List.copyOf(tableDrifts);
    customMetrics = List.copyOf(customMetrics);
    quality = List.copyOf(quality);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(options, "options");
    chunked = List.copyOf(chunked);
  }

  /** The chunked methods' rows whose analysed chunks alert. */
  public List<ChunkedRow> chunkedAlerts() {
    return chunked.stream().filter(c -> c.series().alerts()).toList();
  }

  /**
   * The verdict of one window: its comparisons of one drift type, over every slice and column of
   * one model (or of the whole table when the monitor has no model id).
   */
  public record WindowVerdict(
      String driftType,
      String granularity,
      Optional<Instant> windowStart,
      Optional<String> modelId,
      Verdict verdict) {
    public WindowVerdict {
      Objects.requireNonNull(driftType, "driftType");
      Objects.requireNonNull(granularity, "granularity");
      Objects.requireNonNull(verdict, "verdict");
    }

    /** "BASELINE 1 day 2026-01-20T00:00:00Z model v2" and the like. */
    public String describe() {
      return driftType
          + " "
          + granularity
          + windowStart.map(w -> " " + w).orElse("")
          + modelId.map(m -> " model " + m).orElse("");
    }
  }

  /** The verdict over every drift row of the run. */
  public Verdict verdict() {
    return Verdict.of(drifts.stream().map(DriftRow::drift).toList(), options);
  }

  private record WindowKey(
      String driftType,
      String granularity,
      Optional<Instant> windowStart,
      Optional<String> modelId) {}

  /** The verdict of each window, in the order of the drift rows. */
  public List<WindowVerdict> windowVerdicts() {
    Map<WindowKey, List<ColumnDrift>> groups = new java.util.LinkedHashMap<>();
    for (DriftRow d : drifts) {
      Group g = d.group();
      groups
          .computeIfAbsent(
              new WindowKey(d.driftType(), g.granularity(), g.windowStart(), g.modelId()),
              k -> new java.util.ArrayList<>())
          .add(d.drift());
    }
    List<WindowVerdict> out = new java.util.ArrayList<>();
    groups.forEach(
        (k, v) ->
            out.add(
                new WindowVerdict(
                    k.driftType(),
                    k.granularity(),
                    k.windowStart(),
                    k.modelId(),
                    Verdict.of(v, options))));
    return out;
  }

  /**
   * Where a row belongs: a time window (empty for a snapshot or the baseline), its granularity, the
   * model, and the slice (empty key and value for the whole table).
   */
  public record Group(
      Optional<Instant> windowStart,
      Optional<Instant> windowEnd,
      String granularity,
      Optional<String> modelId,
      Optional<String> sliceKey,
      Optional<String> sliceValue) {
    public Group {
      Objects.requireNonNull(granularity, "granularity");
    }
  }

  /**
   * One row of profile_metrics; logType is INPUT or BASELINE, dataType the column's SQL type
   * ({@code table} for the {@code :table} row).
   */
  public record ProfileRow(
      Group group,
      String logType,
      String columnName,
      String dataType,
      Map<String, Object> metrics) {
    public ProfileRow {
      metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    /** True for a column profiled as numbers (its profile counts zeros), false otherwise. */
    public boolean numeric() {
      return metrics.containsKey("num_zeros");
    }
  }

  /**
   * One row of drift_metrics: a column of a window compared with the baseline or the window before.
   * {@code dataType} is the column's SQL type in the window; {@code percentZerosDelta} the change
   * of the share of zeros (numeric columns only).
   */
  public record DriftRow(
      Group group,
      String driftType,
      Optional<Instant> windowCmpStart,
      Optional<Instant> windowCmpEnd,
      String dataType,
      ColumnDrift drift,
      OptionalDouble percentZerosDelta,
      Map<String, Object> customMetrics) {
    public DriftRow {
      Objects.requireNonNull(dataType, "dataType");
      Objects.requireNonNull(percentZerosDelta, "percentZerosDelta");
      customMetrics =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customMetrics));
    }

    /** The change of a column's share of zeros, when both profiles have one. */
    public static OptionalDouble zerosDelta(ColumnProfile base, ColumnProfile cur) {
      OptionalDouble b = base.number("percent_zeros");
      OptionalDouble c = cur.number("percent_zeros");
      return b.isPresent() && c.isPresent()
          ? OptionalDouble.of(c.getAsDouble() - b.getAsDouble())
          : OptionalDouble.empty();
    }
  }

  /**
   * The {@code :table} row of drift_metrics for one group: the change of its row count, the columns
   * that gained or lost all their values ({@code non_null_columns_delta}), the verdict over the
   * group's columns, and the table-level custom drift metrics.
   *
   * @param countDelta rows of the window minus rows of the compared side
   * @param nonNullAdded columns with values in the window that had none on the compared side
   * @param nonNullMissing columns with values on the compared side that have none in the window
   */
  public record TableDriftRow(
      Group group,
      String driftType,
      Optional<Instant> windowCmpStart,
      Optional<Instant> windowCmpEnd,
      long countDelta,
      int nonNullAdded,
      int nonNullMissing,
      Verdict verdict,
      Map<String, Object> customMetrics) {
    public TableDriftRow {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(driftType, "driftType");
      Objects.requireNonNull(verdict, "verdict");
      customMetrics =
          java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customMetrics));
    }

    /**
     * The row of a group compared with another: the change of its row count (from the {@code
     * :table} profiles) and of its non-null columns, the verdict over its compared columns.
     */
    public static TableDriftRow between(
        Group group,
        String driftType,
        Optional<Instant> cmpStart,
        Optional<Instant> cmpEnd,
        ColumnProfile baseTable,
        ColumnProfile curTable,
        java.util.Set<String> baseNonNull,
        java.util.Set<String> curNonNull,
        Verdict verdict,
        Map<String, Object> customMetrics) {
      int added = (int) curNonNull.stream().filter(x -> !baseNonNull.contains(x)).count();
      int missing = (int) baseNonNull.stream().filter(x -> !curNonNull.contains(x)).count();
      long countDelta =
          (long) (curTable.number("count").orElse(0) - baseTable.number("count").orElse(0));
      return new TableDriftRow(
          group, driftType, cmpStart, cmpEnd, countDelta, added, missing, verdict, customMetrics);
    }
  }

  /**
   * One row of the data_quality table: a check of one window of the whole table (every model, no
   * slice) against the baseline table.
   */
  public record QualityRow(Group group, QualityCheck check) {
    public QualityRow {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(check, "check");
    }
  }

  /** True when the run's verdict is DRIFT. */
  public boolean driftDetected() {
    return verdict().driftDetected();
  }
}
