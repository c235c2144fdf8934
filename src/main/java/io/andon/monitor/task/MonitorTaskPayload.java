package io.andon.monitor.task;

import io.andon.job.Payload;
import io.andon.monitor.DriftOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A {@code monitor_task}: either runs a monitor file ({@code monitor_file}) and stores its metrics,
 * or compares {@code current} with {@code baseline} like {@code andon drift}. Paths may hold {@code
 * {{...}}} references. A monitor file runs on {@code engine} ({@code duckdb}, or {@code spark} with
 * the {@code spark_conf} settings).
 */
public record MonitorTaskPayload(
    Optional<String> monitorFile,
    Optional<String> baseline,
    Optional<String> current,
    List<String> columns,
    boolean failOnDrift,
    List<String> ignore,
    OptionalDouble driftShare,
    int minSample,
    String engine,
    Map<String, String> sparkConf)
    implements Payload {

  public MonitorTaskPayload {
    Objects.requireNonNull(monitorFile, "monitorFile");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    columns = List.copyOf(columns);
    ignore = List.copyOf(ignore);
    Objects.requireNonNull(driftShare, "driftShare");
    Objects.requireNonNull(engine, "engine");
    sparkConf = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sparkConf));
  }

  /** The comparison's options: columns, ignored columns, the dataset rule, the minimum sample. */
  public DriftOptions options() {
    return new DriftOptions(
        columns,
        Set.copyOf(ignore),
        Set.of(),
        Set.of(),
        10,
        DriftOptions.Thresholds.DEFAULT,
        Map.of(),
        driftShare,
        minSample,
        1);
  }

  @Override
  public String type() {
    return MonitorTaskType.KEY;
  }

  @Override
  public List<String> templates() {
    List<String> t = new ArrayList<>();
    monitorFile.ifPresent(t::add);
    baseline.ifPresent(t::add);
    current.ifPresent(t::add);
    return t;
  }
}
