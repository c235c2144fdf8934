package io.andon.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a monitor run produced: rows of the profile and drift metrics tables, warnings, and the
 * verdicts of the run and of each window, under the monitor's verdict rule ({@code options}).
 */
public record MonitorResult(String monitorName, Instant runAt, List<ProfileRow> profiles,
    List<DriftRow> drifts, List<String> warnings, DriftOptions options) {

  public MonitorResult {
    Objects.requireNonNull(monitorName, "monitorName");
    Objects.requireNonNull(runAt, "runAt");
    profiles = List.copyOf(profiles);
    drifts = List.copyOf(drifts);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(options, "options");
  }

  /**
   * The verdict of one window: its comparisons of one drift type, over every slice and column of
   * one model (or of the whole table when the monitor has no model id).
   */
  public record WindowVerdict(String driftType, String granularity, Optional<Instant> windowStart,
      Optional<String> modelId, Verdict verdict) {
    public WindowVerdict {
      Objects.requireNonNull(driftType, "driftType");
      Objects.requireNonNull(granularity, "granularity");
      Objects.requireNonNull(verdict, "verdict");
    }

    /** "BASELINE 1 day 2026-01-20T00:00:00Z model v2" and the like. */
    public String describe() {
      return driftType + " " + granularity + windowStart.map(w -> " " + w).orElse("")
          + modelId.map(m -> " model " + m).orElse("");
    }
  }

  /** The verdict over every drift row of the run. */
  public Verdict verdict() {
    return Verdict.of(drifts.stream().map(DriftRow::drift).toList(), options);
  }

  private record WindowKey(String driftType, String granularity, Optional<Instant> windowStart,
      Optional<String> modelId) {}

  /** The verdict of each window, in the order of the drift rows. */
  public List<WindowVerdict> windowVerdicts() {
    Map<WindowKey, List<ColumnDrift>> groups = new java.util.LinkedHashMap<>();
    for (DriftRow d : drifts) {
      Group g = d.group();
      groups.computeIfAbsent(new WindowKey(d.driftType(), g.granularity(), g.windowStart(),
          g.modelId()), k -> new java.util.ArrayList<>()).add(d.drift());
    }
    List<WindowVerdict> out = new java.util.ArrayList<>();
    groups.forEach((k, v) -> out.add(new WindowVerdict(k.driftType(), k.granularity(),
        k.windowStart(), k.modelId(), Verdict.of(v, options))));
    return out;
  }


  /**
   * Where a row belongs: a time window (empty for a snapshot or the baseline), its granularity,
   * the model, and the slice (empty key and value for the whole table).
   */
  public record Group(Optional<Instant> windowStart, Optional<Instant> windowEnd,
      String granularity, Optional<String> modelId, Optional<String> sliceKey,
      Optional<String> sliceValue) {
    public Group {
      Objects.requireNonNull(granularity, "granularity");
    }
  }

  /** One row of profile_metrics; logType is INPUT or BASELINE. */
  public record ProfileRow(Group group, String logType, String columnName, String dataType,
      Map<String, Object> metrics) {
    public ProfileRow {
      metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }
  }

  /** One row of drift_metrics: a column of a window compared with the baseline or the window before. */
  public record DriftRow(Group group, String driftType, Optional<Instant> windowCmpStart,
      Optional<Instant> windowCmpEnd, ColumnDrift drift, Map<String, Object> customMetrics) {
    public DriftRow {
      customMetrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(customMetrics));
    }
  }

  /** True when the run's verdict is DRIFT. */
  public boolean driftDetected() {
    return verdict().driftDetected();
  }
}
