package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models and slices a monitor profiles separately, and the SQL predicates that select their
 * rows. A slicing column gives one slice per value (the {@link #MAX_SLICE_VALUES} most frequent); a
 * predicate gives a true and a false slice; the whole table is the slice with no key.
 */
final class Segments {
  static final int MAX_SLICE_VALUES = 100;

  /** One slice: its key and value as the tables show them, and the predicate of its rows. */
  record Slice(Optional<String> key, Optional<String> value, String where) {
    /** True for a slice of a predicate or of a boolean column: a protected group for fairness. */
    boolean isBoolean() {
      return value.filter(v -> v.equals("true") || v.equals("false")).isPresent();
    }

    /** The rows outside this slice. */
    Slice rest() {
      return new Slice(key, value.map(v -> "not " + v), "NOT COALESCE((" + where + "), FALSE)");
    }
  }

  private final MonitorSpec spec;
  private final Duck duck;

  Segments(MonitorSpec spec, Duck duck) {
    this.spec = spec;
    this.duck = duck;
  }

  /** The whole table, then the slices of each slicing expression. */
  List<Slice> slices(Duck.Table t) {
    List<Slice> out = new ArrayList<>();
    out.add(new Slice(Optional.empty(), Optional.empty(), "TRUE"));
    for (String expr : spec.slicingExprs()) {
      Optional<Duck.ColumnInfo> col = t.column(expr.strip());
      try (Statement s = duck.connection().createStatement()) {
        if (col.isPresent()) {
          String c = Duck.ident(col.get().name());
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT CAST("
                      + c
                      + " AS VARCHAR), count(*) FROM "
                      + Duck.ident(t.name())
                      + " WHERE "
                      + c
                      + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC,"
                      + " 1 LIMIT "
                      + MAX_SLICE_VALUES)) {
            while (rs.next()) {
              String v = rs.getString(1);
              out.add(
                  new Slice(
                      Optional.of(expr),
                      Optional.of(v),
                      "CAST(" + c + " AS VARCHAR) = " + DataSource.quote(v)));
            }
          }
        } else {
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FILTER (WHERE CAST(("
                      + expr
                      + ") AS BOOLEAN)) FROM "
                      + Duck.ident(t.name()))) {
            rs.next();
          }
          out.add(
              new Slice(
                  Optional.of(expr),
                  Optional.of("true"),
                  "COALESCE(CAST((" + expr + ") AS BOOLEAN), FALSE)"));
          out.add(
              new Slice(
                  Optional.of(expr),
                  Optional.of("false"),
                  "NOT COALESCE(CAST((" + expr + ") AS BOOLEAN), FALSE)"));
        }
      } catch (SQLException e) {
        throw new InvalidInputException(
            "slicing_exprs item '"
                + expr
                + "' is neither a column"
                + " nor a valid predicate over the columns: "
                + Duck.clean(e.getMessage())
                + ". Columns: "
                + String.join(", ", MonitorColumns.names(t))
                + ".",
            e);
      }
    }
    return out;
  }

  /** The model ids of the table, sorted; one empty model when the monitor has no model id. */
  List<Optional<String>> models(Duck.Table t) {
    if (spec.modelIdCol().isEmpty()) {
      return List.of(Optional.empty());
    }
    List<Optional<String>> out = new ArrayList<>();
    String c = Duck.ident(spec.modelIdCol().get());
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT DISTINCT CAST("
                    + c
                    + " AS VARCHAR) FROM "
                    + Duck.ident(t.name())
                    + " WHERE "
                    + c
                    + " IS NOT NULL ORDER BY 1")) {
      while (rs.next()) {
        out.add(Optional.of(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new InvalidInputException("cannot read model_id_col: " + Duck.clean(e.getMessage()), e);
    }
    return out.isEmpty() ? List.of(Optional.empty()) : out;
  }

  /**
   * A view {@code name} of the rows of {@code t} of one model and slice that also match {@code
   * where} (a window's predicate, or TRUE), with their count.
   */
  Duck.Table view(Duck.Table t, String name, Optional<String> model, Slice slice, String where) {
    String all =
        modelWhere(model, t)
            + " AND ("
            + slice.where()
            + ")"
            + (where.equals("TRUE") ? "" : " AND " + where);
    try (Statement s = duck.connection().createStatement()) {
      s.execute(
          "CREATE OR REPLACE TEMP VIEW "
              + Duck.ident(name)
              + " AS SELECT * FROM "
              + Duck.ident(t.name())
              + " WHERE "
              + all);
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Duck.ident(name))) {
        rs.next();
        rows = rs.getLong(1);
      }
      return new Duck.Table(name, t.role(), t.source(), rows, t.columns());
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot select rows (" + all + "): " + Duck.clean(e.getMessage()), e);
    }
  }

  /** The predicate of the rows of {@code model} in {@code t}; TRUE for every model. */
  String modelWhere(Optional<String> model, Duck.Table t) {
    if (model.isEmpty()
        || spec.modelIdCol().isEmpty()
        || t.column(spec.modelIdCol().get()).isEmpty()) {
      return "TRUE";
    }
    return "CAST("
        + Duck.ident(spec.modelIdCol().get())
        + " AS VARCHAR) = "
        + DataSource.quote(model.get());
  }
}
