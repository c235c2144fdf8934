package io.andon.monitor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.monitor.ChunkedRow;
import io.andon.monitor.DriftAnalysis;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.Window;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.util.Json;
import java.util.List;
import java.util.Optional;

/**
 * The chunked methods of a monitor run (performance estimation, multivariate drift, thresholds
 * learned from reference chunks) as JSON and as text lines.
 */
public final class ChunkedReport {
  private ChunkedReport() {}

  /**
   * One object per method, metric, column and model: its band, how many analysed chunks alert, the
   * last value, and every chunk.
   */
  public static ArrayNode json(MonitorResult r) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (ChunkedRow row : r.chunked()) {
      ChunkSeries s = row.series();
      ObjectNode o = out.addObject();
      o.put("method", s.method());
      o.put("metric", s.metric());
      o.put("column_name", s.column().isEmpty() ? null : s.column());
      o.put("model_id", row.modelId().orElse(null));
      o.put("slice_key", row.sliceKey().orElse(null));
      o.put("slice_value", row.sliceValue().orElse(null));
      o.put("chunking", row.chunking());
      o.put("lower_threshold", s.threshold().lower());
      number(o, "upper_threshold", s.threshold().upper());
      List<ChunkValue> analysis = s.analysis();
      o.put("alert", s.alerts());
      o.put("alerting_chunks", analysis.stream().filter(ChunkValue::alert).count());
      o.put("analysed_chunks", analysis.size());
      o.put("not_enough_data_chunks", analysis.stream().filter(v -> !v.enoughData()).count());
      if (!analysis.isEmpty()) {
        o.put("last_value", analysis.get(analysis.size() - 1).value());
      }
      ArrayNode chunks = o.putArray("chunks");
      for (int i = 0; i < s.values().size(); i++) {
        ChunkValue v = s.values().get(i);
        Optional<Window> w = row.windows().get(i);
        ObjectNode c = chunks.addObject();
        c.put("period", v.reference() ? "REFERENCE" : "ANALYSIS");
        c.put("chunk_index", v.chunk().index());
        c.put("start_row", v.chunk().start());
        c.put("end_row", v.chunk().end());
        c.put("window_start", w.map(x -> x.start().toString()).orElse(null));
        c.put("window_end", w.map(x -> x.end().toString()).orElse(null));
        c.put("value", v.value());
        v.samplingError().ifPresent(x -> c.put("sampling_error", x));
        v.lowerConfidence().ifPresent(x -> c.put("lower_confidence", x));
        v.upperConfidence().ifPresent(x -> number(c, "upper_confidence", x));
        c.put("alert", v.alert());
        c.put("status", v.status());
      }
    }
    return out;
  }

  private static void number(ObjectNode o, String k, double v) {
    if (Double.isFinite(v)) {
      o.put(k, v);
    } else {
      o.putNull(k);
    }
  }

  /**
   * "cbpe accuracy (size 250): 2 of 8 chunks alert, last 0.631, band [0.6267, 0.7983]", one line
   * per series, then a line per alerting chunk.
   */
  public static String text(MonitorResult r) {
    StringBuilder sb = new StringBuilder();
    for (ChunkedRow row : r.chunked()) {
      ChunkSeries s = row.series();
      List<ChunkValue> analysis = s.analysis();
      String name =
          s.method()
              + " "
              + s.metric()
              + (s.column().isEmpty() ? "" : " '" + s.column() + "'")
              + row.modelId().map(m -> " model " + m).orElse("")
              + row.sliceKey()
                  .map(k -> " [" + k + "=" + row.sliceValue().orElse("") + "]")
                  .orElse("");
      String band =
          "band ["
              + DriftAnalysis.fmt(s.threshold().lower())
              + ", "
              + (Double.isFinite(s.threshold().upper())
                  ? DriftAnalysis.fmt(s.threshold().upper())
                  : "inf")
              + "]";
      if (analysis.isEmpty()) {
        sb.append("  ")
            .append(name)
            .append(": learned from ")
            .append(s.values().size())
            .append(" reference chunks (")
            .append(row.chunking())
            .append("), ")
            .append(band)
            .append('\n');
        continue;
      }
      long alerts = analysis.stream().filter(ChunkValue::alert).count();
      long small = analysis.stream().filter(v -> !v.enoughData()).count();
      sb.append("  ")
          .append(name)
          .append(" (")
          .append(row.chunking())
          .append("): ")
          .append(alerts)
          .append(" of ")
          .append(analysis.size())
          .append(" chunks alert")
          .append(small > 0 ? " (" + small + " NOT_ENOUGH_DATA)" : "")
          .append(", last ")
          .append(DriftAnalysis.fmt(analysis.get(analysis.size() - 1).value()))
          .append(", ")
          .append(band)
          .append('\n');
      int first = s.values().size() - analysis.size();
      for (int i = 0; i < analysis.size(); i++) {
        ChunkValue v = analysis.get(i);
        if (v.alert()) {
          sb.append("    alert ")
              .append(name)
              .append(" chunk ")
              .append(v.chunk().index())
              .append(" (rows ")
              .append(v.chunk().start())
              .append("-")
              .append(v.chunk().end() - 1)
              .append(
                  row.windows()
                      .get(first + i)
                      .map(w -> ", " + w.start() + " to " + w.end())
                      .orElse(""))
              .append("): ")
              .append(DriftAnalysis.fmt(v.value()))
              .append('\n');
        }
      }
    }
    return sb.toString();
  }
}
