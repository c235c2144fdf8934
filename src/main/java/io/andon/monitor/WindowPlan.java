package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.data.Duck;
import io.andon.util.Strings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time windows of a monitor: reads the timestamp column as UTC timestamps (a copy of the table
 * with one more column) and cuts the table into the windows of a granularity with DuckDB's {@code
 * time_bucket}.
 */
final class WindowPlan {
  /** Most windows one granularity may produce; more means the granularity is too fine. */
  static final int MAX_WINDOWS = 10_000;

  /** The column that holds the parsed timestamp. */
  static final String TS = "__andon_ts";

  private final Duck duck;

  WindowPlan(Duck duck) {
    this.duck = duck;
  }

  /**
   * The input with the column {@link #TS}: {@code timestampCol} as a timestamp. Rows whose
   * timestamp is null or does not parse are left out of every window, with a warning; a column that
   * does not parse at all is invalid input.
   */
  Duck.Table timed(Duck.Table input, Optional<String> timestampCol, List<String> warnings) {
    if (timestampCol.isEmpty()) {
      return input;
    }
    String ts = timestampCol.get();
    Duck.ColumnInfo col =
        input
            .column(ts)
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "timestamp_col '"
                            + ts
                            + "' is not a column of "
                            + input.source().describe()
                            + "."
                            + Strings.didYouMean(ts, MonitorColumns.names(input))
                            + " Columns: "
                            + String.join(", ", MonitorColumns.names(input))
                            + "."));
    String expr = TimestampColumn.cast(ts, col, Duck::ident);
    try (Statement s = duck.connection().createStatement()) {
      s.execute(
          "CREATE OR REPLACE TABLE input_ts AS SELECT *, "
              + expr
              + " AS "
              + TS
              + " FROM "
              + Duck.ident(input.name()));
      long bad;
      long nulls;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FILTER (WHERE "
                  + TS
                  + " IS NULL AND "
                  + Duck.ident(ts)
                  + " IS NOT NULL), count(*) FILTER (WHERE "
                  + Duck.ident(ts)
                  + " IS NULL) FROM input_ts")) {
        rs.next();
        bad = rs.getLong(1);
        nulls = rs.getLong(2);
      }
      String example = "";
      if (bad > 0) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT CAST("
                    + Duck.ident(ts)
                    + " AS VARCHAR) FROM"
                    + " input_ts WHERE "
                    + TS
                    + " IS NULL AND "
                    + Duck.ident(ts)
                    + " IS NOT NULL LIMIT 1")) {
          if (rs.next()) {
            example = rs.getString(1);
          }
        }
      }
      TimestampColumn.judge(
          ts, input.source().describe(), input.rows(), bad, nulls, example, warnings);
      return new Duck.Table(
          "input_ts", input.role(), input.source(), input.rows(), new ArrayList<>(input.columns()));
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot read timestamp_col '" + ts + "': " + e.getMessage(), e);
    }
  }

  /**
   * The windows of {@code g} that hold rows of {@code t}, oldest first; a snapshot (no interval)
   * has the one window at {@code runAt}.
   */
  List<Window> windows(Duck.Table t, Granularity g, Instant runAt) {
    List<Window> out = new ArrayList<>();
    if (g.interval().isEmpty()) {
      out.add(new Window(runAt, runAt));
      return out;
    }
    String bucket = "time_bucket(INTERVAL '" + g.interval() + "', " + TS + ")";
    try (Statement s = duck.connection().createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT count(DISTINCT " + bucket + ") FROM " + Duck.ident(t.name()))) {
        rs.next();
        long n = rs.getLong(1);
        if (n > MAX_WINDOWS) {
          throw new InvalidInputException(
              "granularity '"
                  + g.text()
                  + "' cuts the table into "
                  + n
                  + " windows (more than "
                  + MAX_WINDOWS
                  + "); choose a coarser granularity.");
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT DISTINCT "
                  + bucket
                  + " AS w, "
                  + bucket
                  + " + INTERVAL '"
                  + g.interval()
                  + "' FROM "
                  + Duck.ident(t.name())
                  + " WHERE "
                  + TS
                  + " IS NOT NULL ORDER BY w")) {
        while (rs.next()) {
          out.add(new Window(instant(rs.getObject(1)), instant(rs.getObject(2))));
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot cut windows of '" + g.text() + "': " + Duck.clean(e.getMessage()), e);
    }
    return out;
  }

  private static Instant instant(Object o) {
    if (o instanceof Timestamp ts) {
      return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (o instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (o instanceof OffsetDateTime odt) {
      return odt.toInstant();
    }
    return LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }
}
