package io.andon.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The set-up monitor tests share, in one folder: tables written row by row or by DuckDB, a
 * time-series monitor file, and a monitor run that prints nothing.
 */
public final class MonitorFixture {
  private final Path dir;

  public MonitorFixture(Path dir) {
    this.dir = dir;
  }

  /** A row of a daily table: the line (without its newline) of row {@code i} of day {@code day}. */
  @FunctionalInterface
  public interface DailyRow {
    String line(int day, int i);
  }

  /** Writes {@code text} to {@code name} in the folder, making its parent folders. */
  public Path write(String name, CharSequence text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  /** A CSV of {@code header} and {@code rows} lines, line {@code i} given by {@code row}. */
  public Path table(String name, String header, int rows, IntFunction<String> row)
      throws IOException {
    StringBuilder sb = new StringBuilder(header).append('\n');
    for (int i = 0; i < rows; i++) {
      sb.append(row.apply(i)).append('\n');
    }
    return write(name, sb);
  }

  /** A CSV of {@code header} and {@code perDay} lines for each of days 1 to {@code days}. */
  public Path daily(String name, String header, int days, int perDay, DailyRow row)
      throws IOException {
    return table(name, header, days * perDay, k -> row.line(k / perDay + 1, k % perDay));
  }

  /**
   * The UTC timestamp of minute {@code minute} (modulo one day) of {@code day} of {@code month}.
   */
  public static String stamp(String month, int day, int minute) {
    return String.format(
        Locale.ROOT, "%s-%02dT%02d:%02d:00Z", month, day, minute / 60 % 24, minute % 60);
  }

  /**
   * Writes m.yaml: a time-series monitor {@code name} of {@code table} against {@code baseline},
   * timestamped by column ts, in windows of {@code granularity}, and then the lines {@code more}
   * from line 7 on.
   */
  public Path timeSeriesMonitor(
      String name, String table, String baseline, String granularity, String more)
      throws IOException {
    return write(
        "m.yaml",
        "name: "
            + name
            + "\ntable: "
            + table
            + "\nbaseline_table: "
            + baseline
            + "\nprofile_type: time_series\ntimestamp_col: ts\ngranularities: [\""
            + granularity
            + "\"]\n"
            + more);
  }

  /** Loads and runs the monitor file at {@code clock}, without progress lines. */
  public static MonitorResult run(Path monitorFile, Clock clock) {
    return run(MonitorLoader.load(monitorFile), clock);
  }

  /** Runs {@code spec} at {@code clock}, without progress lines. */
  public static MonitorResult run(MonitorSpec spec, Clock clock) {
    return new MonitorRun(spec, clock, line -> {}).run();
  }

  /** Runs {@code statements} in order on one in-memory DuckDB, e.g. to write Parquet files. */
  public static void duckdb(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** The DuckDB statement that writes the rows of {@code query} to {@code target} as Parquet. */
  public static String toParquet(String query, Path target) {
    return "COPY (" + query + ") TO '" + target + "' (FORMAT parquet)";
  }
}
