package io.andon.monitor.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.DriftReport;
import io.andon.monitor.EngineSettings;
import io.andon.monitor.MetricsStore;
import io.andon.monitor.MonitorEngines;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.TableComparison;
import io.andon.monitor.data.DataSource;
import io.andon.util.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a {@code monitor_task}. Task values: {@code drift_detected}, {@code drifted_columns}
 * (names), and {@code drift_share} and {@code columns} (comparison: each column's statistics, at
 * most {@value #MAX_COLUMNS}, drifted first) or {@code profile_rows}/{@code drift_rows}, {@code
 * chunked_alerts} (how many chunked methods' series alert), {@code monitor_name} and {@code run_at}
 * (monitor file: the rows' keys in the metric tables).
 */
public final class MonitorTaskRunner implements PayloadRunner {
  /** How many columns the {@code columns} value holds, so that it stays under the value limit. */
  static final int MAX_COLUMNS = 100;

  @Override
  public String key() {
    return MonitorTaskType.KEY;
  }

  @Override
  public TaskOutcome run(Payload payload, TaskContext ctx) {
    MonitorTaskPayload p = (MonitorTaskPayload) payload;
    if (p.monitorFile().isPresent()) {
      Path file = resolve(ctx, ctx.resolve(p.monitorFile().get()));
      MonitorSpec spec = MonitorLoader.load(file);
      MonitorResult r =
          p.engine().equals(MonitorEngines.BUILT_IN)
              ? new MonitorRun(spec, Clock.systemUTC(), line -> ctx.log().println(line)).run()
              : MonitorEngines.find(p.engine())
                  .run(
                      spec,
                      new EngineSettings(Optional.empty(), p.sparkConf()),
                      Clock.systemUTC(),
                      line -> ctx.log().println(line));
      MetricsStore.append(ctx.store(), r);
      Set<String> drifted = new TreeSet<>();
      r.drifts().stream()
          .filter(d -> d.drift().driftDetected())
          .forEach(d -> drifted.add(d.drift().columnName()));
      ctx.putValue("drift_detected", BooleanNode.valueOf(r.driftDetected()));
      ctx.putValue("verdict", TextNode.valueOf(r.verdict().outcome().name()));
      ctx.putValue("profile_rows", IntNode.valueOf(r.profiles().size()));
      ctx.putValue("drift_rows", IntNode.valueOf(r.drifts().size()));
      ctx.putValue("drifted_columns", names(drifted));
      ctx.putValue("chunked_alerts", IntNode.valueOf(r.chunkedAlerts().size()));
      ctx.putValue("monitor_name", TextNode.valueOf(r.monitorName()));
      ctx.putValue("run_at", TextNode.valueOf(r.runAt().toString()));
      r.warnings().forEach(w -> ctx.log().println("warning: " + w));
      String msg =
          "monitor "
              + r.monitorName()
              + ": "
              + r.verdict().summary()
              + (drifted.isEmpty() ? "" : " (" + String.join(", ", drifted) + ")");
      return r.driftDetected() && p.failOnDrift()
          ? TaskOutcome.failure(msg)
          : TaskOutcome.success(msg);
    }
    DataSource b =
        DataSource.resolve(
            resolve(ctx, ctx.resolve(p.baseline().orElseThrow())).toString(), "baseline");
    DataSource c =
        DataSource.resolve(
            resolve(ctx, ctx.resolve(p.current().orElseThrow())).toString(), "current");
    DriftOptions options = p.options();
    DriftReport r =
        TableComparison.compare(
            TableComparison.Inputs.of(b, c, options), line -> ctx.log().println(line));
    Set<String> drifted = new TreeSet<>();
    for (ColumnDrift d : r.columns()) {
      if (d.driftDetected()) {
        drifted.add(d.columnName());
        ctx.log().println("drift in '" + d.columnName() + "': " + d.reason());
      }
    }
    ctx.putValue("drift_detected", BooleanNode.valueOf(r.driftDetected()));
    ctx.putValue("verdict", TextNode.valueOf(r.verdict().outcome().name()));
    ctx.putValue("drift_share", DoubleNode.valueOf(r.driftShare()));
    ctx.putValue("drifted_columns", names(drifted));
    ctx.putValue("columns", columns(r));
    String msg =
        r.verdict().summary() + (drifted.isEmpty() ? "" : " (" + String.join(", ", drifted) + ")");
    return r.driftDetected() && p.failOnDrift()
        ? TaskOutcome.failure(msg)
        : TaskOutcome.success(msg);
  }

  private static Path resolve(TaskContext ctx, String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : ctx.baseDir().resolve(path);
  }

  private static ArrayNode names(Set<String> names) {
    ArrayNode a = Json.mapper().createArrayNode();
    names.forEach(a::add);
    return a;
  }

  /** Each compared column's verdict and statistics, drifted columns first. */
  private static ArrayNode columns(DriftReport r) {
    ArrayNode out = Json.mapper().createArrayNode();
    r.columns().stream()
        .sorted(java.util.Comparator.comparing((ColumnDrift d) -> !d.driftDetected()))
        .limit(MAX_COLUMNS)
        .forEach(
            d -> {
              ObjectNode o = out.addObject();
              o.put("column_name", d.columnName());
              o.put("data_type", d.dataType());
              o.put("status", d.status().name());
              o.put("drift_detected", d.driftDetected());
              o.put("reason", d.reason());
              put(o, "population_stability_index", d.populationStabilityIndex());
              put(o, "js_distance", d.jsDistance());
              put(o, "wasserstein_distance_normed", d.wassersteinDistanceNormed());
              d.ksTest().ifPresent(k -> put(o, "ks_pvalue", OptionalDouble.of(k.pvalue())));
              d.chiSquaredTest()
                  .ifPresent(k -> put(o, "chi_squared_pvalue", OptionalDouble.of(k.pvalue())));
              o.put("percent_null_delta", d.percentNullDelta());
            });
    return out;
  }

  private static void put(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent() && Double.isFinite(v.getAsDouble())) {
      o.put(key, v.getAsDouble());
    }
  }
}
