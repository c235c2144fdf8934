package io.andon.monitor.task;

import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code monitor_task} in job files:
 *
 * <pre>
 * monitor_task:
 *   monitor_file: monitors/churn.yaml   # run a monitor and store its metrics, or:
 *   baseline: data/baseline.parquet     # compare two tables like andon drift
 *   current: data/{{job.parameters.day}}/*.parquet
 *   columns: [age, country]
 *   fail_on_drift: true                 # default true: the task fails when drift is found
 * </pre>
 */
public final class MonitorTaskType implements PayloadType {
  static final String KEY = "monitor_task";
  private static final Set<String> KEYS =
      Set.of("monitor_file", "baseline", "current", "columns", "fail_on_drift");

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Payload parse(YMap body, Problems problems, Path baseDir) {
    problems.unknownKeys(body, KEYS, "monitor_task");
    Optional<String> file = problems.string(body, "monitor_file");
    Optional<String> baseline = problems.string(body, "baseline");
    Optional<String> current = problems.string(body, "current");
    boolean fail = problems.bool(body, "fail_on_drift").orElse(true);
    List<String> columns = new ArrayList<>();
    problems.list(body, "columns").forEach(n -> problems.scalarText(n, "a column")
        .ifPresent(columns::add));
    if (file.isPresent() && (baseline.isPresent() || current.isPresent())) {
      problems.add(body.keyLoc("monitor_file"), "monitor_task takes either 'monitor_file' or"
          + " 'baseline' and 'current', not both.");
      return null;
    }
    if (file.isEmpty() && (baseline.isEmpty() || current.isEmpty())) {
      problems.add(body.loc(), "monitor_task needs 'monitor_file', or both 'baseline' and"
          + " 'current'.");
      return null;
    }
    if (file.isPresent() && !columns.isEmpty()) {
      problems.add(body.keyLoc("columns"), "'columns' applies to baseline/current comparisons;"
          + " list columns in the monitor file instead.");
    }
    return new MonitorTaskPayload(file, baseline, current, columns, fail);
  }
}
