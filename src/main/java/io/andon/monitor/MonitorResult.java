package io.andon.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What a monitor run produced: rows of the profile and drift metrics tables, and warnings. */
public record MonitorResult(String monitorName, Instant runAt, List<ProfileRow> profiles,
    List<DriftRow> drifts, List<String> warnings) {

  public MonitorResult {
    Objects.requireNonNull(monitorName, "monitorName");
    Objects.requireNonNull(runAt, "runAt");
    profiles = List.copyOf(profiles);
    drifts = List.copyOf(drifts);
    warnings = List.copyOf(warnings);
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

  /** True when any drift row says drift. */
  public boolean driftDetected() {
    return drifts.stream().anyMatch(d -> d.drift().driftDetected());
  }
}
