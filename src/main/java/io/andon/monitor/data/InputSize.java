package io.andon.monitor.data;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * How many values an input holds, before reading it: rows times columns from a Parquet file's
 * metadata; for CSV and JSON lines, an estimate of one value per {@value #TEXT_BYTES_PER_VALUE}
 * bytes of file.
 */
public final class InputSize {
  /** Text bytes per value assumed for CSV and JSON lines (a number, its separator, some digits). */
  static final int TEXT_BYTES_PER_VALUE = 8;

  private InputSize() {}

  /** The values of {@code src}, exact for Parquet, estimated for text formats. */
  public static long values(DataSource src) {
    if (src.format() != DataSource.Format.PARQUET) {
      long bytes = 0;
      for (Path f : src.files()) {
        try {
          bytes += Files.size(f);
        } catch (IOException e) {
          throw new InvalidInputException(f + ": cannot read (" + e + ").", e);
        }
      }
      return bytes / TEXT_BYTES_PER_VALUE;
    }
    try (Connection c = Duck.connect(new Properties());
        Statement s = c.createStatement()) {
      // a Parquet file's row count is in its footer: DuckDB reads no data page for it
      return single(s, "SELECT count(*) FROM " + src.sql())
          * single(s, "SELECT count(*) FROM (DESCRIBE SELECT * FROM " + src.sql() + ")");
    } catch (SQLException e) {
      throw new InvalidInputException(
          src.describe() + ": cannot read it as PARQUET: " + Duck.clean(e.getMessage()) + ".", e);
    }
  }

  private static long single(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
