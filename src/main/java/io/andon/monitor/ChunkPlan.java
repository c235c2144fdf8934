package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.data.Duck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Row chunks of a monitor's table: numbers the rows in timestamp order (file order without a
 * timestamp; rows without a timestamp are left out) in a copy of the table with the column {@link
 * #ROW}, and cuts them by a {@link Chunking}.
 */
final class ChunkPlan {
  /** The column that holds a row's place, from 0. */
  static final String ROW = "__andon_row";

  /**
   * One chunk as a window of the monitor: its rows, the time they span (first to last timestamp;
   * empty without a timestamp) and the predicate that selects them.
   */
  record Slot(Chunk chunk, Optional<Window> window, String where) {}

  private final Duck duck;

  ChunkPlan(Duck duck) {
    this.duck = duck;
  }

  /**
   * A copy of {@code t} named {@code name}, its rows numbered in {@link #ROW}: ordered by the
   * parsed timestamp when {@code timed}, else in file order.
   */
  Duck.Table numbered(Duck.Table t, String name, boolean timed, String where) {
    try (Statement s = duck.connection().createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + Duck.ident(name + "_copy")
              + " AS SELECT * FROM "
              + Duck.ident(t.name())
              + " WHERE "
              + where
              + (timed ? " AND " + WindowPlan.TS + " IS NOT NULL" : ""));
      s.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + Duck.ident(name)
              + " AS SELECT *, row_number() OVER (ORDER BY "
              + (timed ? WindowPlan.TS + ", " : "")
              + "rowid) - 1 AS "
              + ROW
              + " FROM "
              + Duck.ident(name + "_copy"));
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Duck.ident(name))) {
        rs.next();
        rows = rs.getLong(1);
      }
      return new Duck.Table(name, t.role(), t.source(), rows, t.columns());
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot number the rows of " + t.source().describe() + ": " + Duck.clean(e.getMessage()),
          e);
    }
  }

  /** A view {@code name} of the rows of chunk {@code c} of a numbered table. */
  Duck.Table view(Duck.Table numbered, String name, Chunk c) {
    try (Statement s = duck.connection().createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP VIEW "
              + Duck.ident(name)
              + " AS SELECT * FROM "
              + Duck.ident(numbered.name())
              + " WHERE "
              + where(c));
      return new Duck.Table(name, numbered.role(), numbered.source(), c.rows(), numbered.columns());
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot select a chunk's rows: " + Duck.clean(e.getMessage()), e);
    }
  }

  static String where(Chunk c) {
    return ROW + " >= " + c.start() + " AND " + ROW + " < " + c.end();
  }

  /** The chunks of a numbered table, with the time each spans when {@code timed}. */
  List<Slot> slots(Duck.Table numbered, Chunking chunking, boolean timed, String what) {
    List<Slot> out = new ArrayList<>();
    for (Chunk c : chunking.split((int) numbered.rows(), what)) {
      String where = where(c);
      out.add(new Slot(c, timed ? span(numbered, where) : Optional.empty(), where));
    }
    return out;
  }

  /**
   * The time windows of a table numbered in timestamp order as chunks: each window's rows are
   * consecutive. Windows without rows are left out.
   */
  List<Slot> timeSlots(Duck.Table numbered, List<Window> windows) {
    List<Slot> out = new ArrayList<>();
    try (Statement s = duck.connection().createStatement()) {
      for (Window w : windows) {
        String where = w.where(WindowPlan.TS);
        try (ResultSet rs =
            s.executeQuery(
                "SELECT min("
                    + ROW
                    + "), max("
                    + ROW
                    + ") FROM "
                    + Duck.ident(numbered.name())
                    + " WHERE "
                    + where)) {
          rs.next();
          long first = rs.getLong(1);
          if (!rs.wasNull()) {
            Chunk c = new Chunk(out.size(), (int) first, (int) rs.getLong(2) + 1);
            out.add(new Slot(c, Optional.of(w), where(c)));
          }
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot cut the time windows into chunks: " + Duck.clean(e.getMessage()), e);
    }
    return out;
  }

  private Optional<Window> span(Duck.Table t, String where) {
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT min("
                    + WindowPlan.TS
                    + "), max("
                    + WindowPlan.TS
                    + ") FROM "
                    + Duck.ident(t.name())
                    + " WHERE "
                    + where)) {
      rs.next();
      return Optional.of(new Window(instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))));
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot read the time of a chunk: " + Duck.clean(e.getMessage()), e);
    }
  }

  private static Instant instant(Timestamp ts) {
    return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
