package io.andon.monitor.task;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.DriftReport;
import io.andon.monitor.MetricsStore;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.TableComparison;
import io.andon.monitor.data.DataSource;
import io.andon.util.Json;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs a {@code monitor_task}. Task values: {@code drift_detected}, {@code drifted_columns}
 * (names), and {@code drift_share} (comparison) or {@code profile_rows}/{@code drift_rows} and
 * {@code chunked_alerts} (how many chunked methods' series alert; monitor file).
 */
public final class MonitorTaskRunner implements PayloadRunner {
  @Override
  public String key() {
    return MonitorTaskType.KEY;
  }

  @Override
  public TaskOutcome run(Payload payload, TaskContext ctx) {
    MonitorTaskPayload p = (MonitorTaskPayload) payload;
    if (p.monitorFile().isPresent()) {
      Path file = resolve(ctx, ctx.resolve(p.monitorFile().get()));
      MonitorResult r =
          new MonitorRun(
                  MonitorLoader.load(file), Clock.systemUTC(), line -> ctx.log().println(line))
              .run();
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
    DriftReport r = TableComparison.compare(b, c, options, line -> ctx.log().println(line));
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
}
