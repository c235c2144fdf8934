package io.andon.monitor.task;

import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.MonitorEngines;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Parses {@code monitor_task} in job files:
 *
 * <pre>
 * monitor_task:
 *   monitor_file: monitors/churn.yaml   # run a monitor and store its metrics, or:
 *   baseline: data/baseline.parquet     # compare two tables like andon drift
 *   current: data/{{job.parameters.day}}/*.parquet
 *   columns: [age, country]             # or ignore: [request_id]
 *   drift_share: 0.5                    # optional: the share rule instead of "any column"
 *   min_sample: 500                     # rows per side below which it is NOT_ENOUGH_DATA
 *   fail_on_drift: true                 # default true: the task fails when drift is found
 *   engine: spark                       # monitor_file only: run it on Spark (default duckdb)
 *   spark_conf: {spark.master: "spark://head:7077"}   # with engine: spark
 * </pre>
 */
public final class MonitorTaskType implements PayloadType {
  static final String KEY = "monitor_task";
  private static final Set<String> KEYS =
      Set.of(
          "monitor_file",
          "baseline",
          "current",
          "columns",
          "fail_on_drift",
          "ignore",
          "drift_share",
          "min_sample",
          "engine",
          "spark_conf");

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public Optional<Payload> parse(YMap body, Problems problems, Path baseDir) {
    problems.unknownKeys(body, KEYS, "monitor_task");
    Optional<String> file = problems.string(body, "monitor_file");
    Optional<String> baseline = problems.string(body, "baseline");
    Optional<String> current = problems.string(body, "current");
    boolean fail = problems.bool(body, "fail_on_drift").orElse(true);
    List<String> columns = new ArrayList<>();
    problems
        .list(body, "columns")
        .forEach(n -> problems.scalarText(n, "a column").ifPresent(columns::add));
    if (file.isPresent() && (baseline.isPresent() || current.isPresent())) {
      problems.add(
          body.keyLoc("monitor_file"),
          "monitor_task takes either 'monitor_file' or" + " 'baseline' and 'current', not both.");
      return Optional.empty();
    }
    if (file.isEmpty() && (baseline.isEmpty() || current.isEmpty())) {
      problems.add(
          body.loc(), "monitor_task needs 'monitor_file', or both 'baseline' and" + " 'current'.");
      return Optional.empty();
    }
    List<String> ignore = new ArrayList<>();
    problems
        .list(body, "ignore")
        .forEach(n -> problems.scalarText(n, "a column").ifPresent(ignore::add));
    OptionalDouble share = problems.number(body, "drift_share");
    if (share.isPresent() && !(share.getAsDouble() > 0 && share.getAsDouble() <= 1)) {
      problems.add(
          body.get("drift_share").get().loc(),
          "drift_share must be a share in (0, 1]," + " such as 0.5.");
      share = OptionalDouble.empty();
    }
    long min = problems.integer(body, "min_sample").orElse(DriftOptions.DEFAULT_MIN_SAMPLE);
    if (min < 1 || min > Integer.MAX_VALUE) {
      problems.add(
          body.get("min_sample").get().loc(),
          "min_sample must be a number of rows, at" + " least 1.");
      min = DriftOptions.DEFAULT_MIN_SAMPLE;
    }
    String engine = problems.string(body, "engine").orElse(MonitorEngines.BUILT_IN);
    Map<String, String> sparkConf = new LinkedHashMap<>();
    problems
        .map(body, "spark_conf")
        .ifPresent(
            m ->
                m.entries()
                    .forEach(
                        (k, e) ->
                            problems
                                .scalarText(e.value(), "a Spark setting")
                                .ifPresent(v -> sparkConf.put(k, v))));
    if (file.isEmpty() && body.has("engine")) {
      problems.add(body.keyLoc("engine"), "'engine' applies to monitor_file only.");
    }
    if (!engine.equals("spark") && body.has("spark_conf")) {
      problems.add(
          body.keyLoc("spark_conf"), "'spark_conf' applies with engine: spark only; add it.");
    }
    if (!engine.equals(MonitorEngines.BUILT_IN) && !engine.equals("spark")) {
      problems.add(body.keyLoc("engine"), "engine must be duckdb or spark, not '" + engine + "'.");
    }
    if (file.isPresent()) {
      for (String k : List.of("columns", "ignore", "drift_share", "min_sample")) {
        if (body.has(k)) {
          problems.add(
              body.keyLoc(k),
              "'"
                  + k
                  + "' applies to baseline/current comparisons;"
                  + " set it in the monitor file instead.");
        }
      }
    }
    return Optional.of(
        new MonitorTaskPayload(
            file, baseline, current, columns, fail, ignore, share, (int) min, engine, sparkConf));
  }
}
