package io.andon.monitor;

import io.andon.monitor.MonitorResult.QualityRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Writes a monitor run's data-quality checks to the store's {@code data_quality} table. */
final class QualityRows {
  private static final String INSERT =
      "INSERT INTO data_quality (monitor_name, run_at, window_start, window_end, granularity,"
          + " model_id, slice_key, slice_value, check_name, column_name, failed, count, share,"
          + " detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private QualityRows() {}

  static void insert(Connection c, MonitorResult result) throws SQLException {
    String run = result.runAt().toString();
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      for (QualityRow r : result.quality()) {
        int i = MetricsStore.group(ps, result.monitorName(), run, r.group());
        ps.setString(i++, r.check().check().id());
        ps.setString(i++, r.check().columnName());
        ps.setInt(i++, r.check().failed() ? 1 : 0);
        ps.setLong(i++, r.check().count());
        ps.setDouble(i++, r.check().share());
        ps.setString(i, r.check().detail());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
