package io.andon.monitor;

import io.andon.monitor.chunk.ChunkValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Appends the chunked methods' values to the store's {@code chunk_metrics} table (migrations V022,
 * V026): one row per method, metric, model, slice and chunk, of the reference (period REFERENCE)
 * and of the analysed table (period ANALYSIS), with the threshold band and the alert flag.
 */
final class ChunkMetricsStore {
  static final List<String> COLUMNS =
      List.of(
          "monitor_name",
          "run_at",
          "model_id",
          "method",
          "metric",
          "column_name",
          "chunking",
          "period",
          "chunk_index",
          "chunk_start_row",
          "chunk_end_row",
          "window_start",
          "window_end",
          "value",
          "sampling_error",
          "lower_confidence",
          "upper_confidence",
          "lower_threshold",
          "upper_threshold",
          "alert",
          "slice_key",
          "slice_value",
          "status");

  private ChunkMetricsStore() {}

  static void append(Connection c, MonitorResult r) throws SQLException {
    String sql =
        "INSERT INTO chunk_metrics ("
            + String.join(", ", COLUMNS)
            + ") VALUES ("
            + String.join(", ", java.util.Collections.nCopies(COLUMNS.size(), "?"))
            + ")";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (ChunkedRow row : r.chunked()) {
        List<ChunkValue> values = row.series().values();
        for (int v = 0; v < values.size(); v++) {
          ChunkValue x = values.get(v);
          Optional<Window> w = row.windows().get(v);
          int i = 1;
          ps.setString(i++, r.monitorName());
          ps.setString(i++, r.runAt().toString());
          ps.setString(i++, row.modelId().orElse(null));
          ps.setString(i++, row.series().method());
          ps.setString(i++, row.series().metric());
          ps.setString(i++, row.series().column());
          ps.setString(i++, x.reference() ? "reference" : row.chunking());
          ps.setString(i++, x.reference() ? "REFERENCE" : "ANALYSIS");
          ps.setInt(i++, x.chunk().index());
          ps.setInt(i++, x.chunk().start());
          ps.setInt(i++, x.chunk().end());
          ps.setString(i++, w.map(t -> t.start().toString()).orElse(null));
          ps.setString(i++, w.map(t -> t.end().toString()).orElse(null));
          ps.setDouble(i++, x.value());
          i = MetricsStore.real(ps, i, x.samplingError());
          i = MetricsStore.real(ps, i, x.lowerConfidence());
          i = MetricsStore.real(ps, i, x.upperConfidence());
          ps.setDouble(i++, row.series().threshold().lower());
          i = MetricsStore.real(ps, i, OptionalDouble.of(row.series().threshold().upper()));
          ps.setInt(i++, x.alert() ? 1 : 0);
          ps.setString(i++, row.sliceKey().orElse(null));
          ps.setString(i++, row.sliceValue().orElse(null));
          ps.setString(i, x.status());
          ps.addBatch();
        }
      }
      ps.executeBatch();
    }
  }
}
