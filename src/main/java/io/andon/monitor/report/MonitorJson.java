package io.andon.monitor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.MetricsStore;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.util.Json;
import java.time.Instant;

/** A monitor run as JSON: the rows of both metrics tables, as stored. */
public final class MonitorJson {
  private MonitorJson() {}

  public static ObjectNode toJson(MonitorResult r) {
    ObjectNode root = Json.object();
    root.put("monitor_name", r.monitorName());
    root.put("run_at", r.runAt().toString());
    root.put("drift_detected", r.driftDetected());
    root.set("verdict", JsonReport.verdictJson(r.verdict(), r.options()));
    ArrayNode wv = root.putArray("window_verdicts");
    for (MonitorResult.WindowVerdict v : r.windowVerdicts()) {
      ObjectNode o = wv.addObject();
      o.put("drift_type", v.driftType());
      o.put("granularity", v.granularity());
      o.put("window_start", v.windowStart().map(Instant::toString).orElse(null));
      o.put("model_id", v.modelId().orElse(null));
      o.put("verdict", v.verdict().outcome().name());
      o.put("drifted_columns", v.verdict().drifted());
      o.put("compared_columns", v.verdict().compared());
      o.put("not_enough_data_columns", v.verdict().notEnoughData());
    }
    root.put("chunked_alerts", r.chunkedAlerts().size());
    root.set("chunked", ChunkedReport.json(r));
    ArrayNode p = root.putArray("profile_metrics");
    for (ProfileRow row : r.profiles()) {
      ObjectNode o = p.addObject();
      group(o, row.group());
      o.put("column_name", row.columnName());
      o.put("data_type", row.dataType());
      o.put("log_type", row.logType());
      row.metrics().forEach((k, v) -> o.set(k, Json.mapper().valueToTree(v)));
    }
    ArrayNode d = root.putArray("drift_metrics");
    for (DriftRow row : r.drifts()) {
      ObjectNode o = d.addObject();
      group(o, row.group());
      o.put("window_cmp_start", row.windowCmpStart().map(Instant::toString).orElse(null));
      o.put("window_cmp_end", row.windowCmpEnd().map(Instant::toString).orElse(null));
      o.put("drift_type", row.driftType());
      o.setAll(JsonReport.columnJson(row.drift()));
      o.put("data_type", row.dataType());
      row.percentZerosDelta().ifPresent(z -> o.put("percent_zeros_delta", z));
      row.customMetrics().forEach((k, v) -> o.set(k, Json.mapper().valueToTree(v)));
    }
    for (MonitorResult.TableDriftRow row : r.tableDrifts()) {
      ObjectNode o = d.addObject();
      group(o, row.group());
      o.put("window_cmp_start", row.windowCmpStart().map(Instant::toString).orElse(null));
      o.put("window_cmp_end", row.windowCmpEnd().map(Instant::toString).orElse(null));
      o.put("drift_type", row.driftType());
      o.setAll(MetricsStore.tableJson(row));
    }
    ArrayNode q = root.putArray("data_quality");
    for (MonitorResult.QualityRow row : r.quality()) {
      ObjectNode o = q.addObject();
      group(o, row.group());
      o.setAll(QualityReport.json(row.check()));
    }
    ArrayNode w = root.putArray("warnings");
    r.warnings().forEach(w::add);
    return root;
  }

  private static void group(ObjectNode o, Group g) {
    o.put("window_start", g.windowStart().map(Instant::toString).orElse(null));
    o.put("window_end", g.windowEnd().map(Instant::toString).orElse(null));
    o.put("granularity", g.granularity());
    o.put("model_id", g.modelId().orElse(null));
    o.put("slice_key", g.sliceKey().orElse(null));
    o.put("slice_value", g.sliceValue().orElse(null));
  }
}
