package io.andon.monitor.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.util.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a monitor run's rows as {@code profile_metrics.parquet} and {@code drift_metrics.parquet}
 * in a folder, through DuckDB (nested metrics such as quantiles stay nested).
 */
public final class ParquetExport {
  private ParquetExport() {}

  public static void write(MonitorResult r, Path dir) {
    try {
      Files.createDirectories(dir);
      JsonNode all = MonitorJson.toJson(r);
      try (Duck duck = Duck.open();
          Statement s = duck.connection().createStatement()) {
        for (String table : new String[] {"profile_metrics", "drift_metrics"}) {
          Path tmp = Files.createTempFile(dir, "." + table, ".jsonl");
          try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
              for (JsonNode row : all.get(table)) {
                w.write(Json.write(row));
                w.newLine();
              }
            }
            if (all.get(table).isEmpty()) {
              continue;
            }
            s.execute(
                "COPY (SELECT * FROM read_json_auto("
                    + DataSource.quote(tmp.toString())
                    + ", sample_size = -1)) TO "
                    + DataSource.quote(dir.resolve(table + ".parquet").toString())
                    + " (FORMAT parquet)");
          } finally {
            Files.deleteIfExists(tmp);
          }
        }
      }
    } catch (IOException | SQLException e) {
      throw new InvalidInputException(
          "cannot write Parquet files to "
              + dir
              + ": "
              + e
              + ". Pass --parquet to a writable folder.",
          e);
    }
  }
}
