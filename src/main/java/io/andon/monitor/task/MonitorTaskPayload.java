package io.andon.monitor.task;

import io.andon.job.Payload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code monitor_task}: either runs a monitor file ({@code monitor_file}) and stores its
 * metrics, or compares {@code current} with {@code baseline} like {@code andon drift}. Paths may
 * hold {@code {{...}}} references.
 */
public record MonitorTaskPayload(Optional<String> monitorFile, Optional<String> baseline,
    Optional<String> current, List<String> columns, boolean failOnDrift) implements Payload {

  public MonitorTaskPayload {
    Objects.requireNonNull(monitorFile, "monitorFile");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    columns = List.copyOf(columns);
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
