package io.andon.monitor.data;

import io.andon.error.InvalidInputException;
import io.andon.monitor.CategoricalSample;
import io.andon.monitor.NumericSample;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Fetches one column of a loaded table as a sample for the statistics. */
public final class Columns {
  private final Duck duck;

  public Columns(Duck duck) {
    this.duck = duck;
  }

  /**
   * The numeric values of a column. A text column is cast value by value; values that are not
   * numbers are counted in {@link NumericSample#unparseable()} and treated as nulls.
   */
  public NumericSample numeric(Duck.Table t, Duck.ColumnInfo col) {
    String c = Duck.ident(col.name());
    String v = col.isNumeric() ? "CAST(" + c + " AS DOUBLE)" : "TRY_CAST(" + c + " AS DOUBLE)";
    String from = Duck.ident(t.name());
    try (Statement s = duck.connection().createStatement()) {
      long rows;
      long nonNull;
      long parsed;
      long nans;
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*), count("
                  + c
                  + "), count("
                  + v
                  + "), count(*) FILTER (WHERE isnan("
                  + v
                  + ")) FROM "
                  + from)) {
        rs.next();
        rows = rs.getLong(1);
        nonNull = rs.getLong(2);
        parsed = rs.getLong(3);
        nans = rs.getLong(4);
      }
      int n = Math.toIntExact(parsed - nans);
      double[] values = new double[n];
      int i = 0;
      // DuckDB sorts in parallel, before the values cross JDBC
      try (ResultSet rs =
          s.executeQuery(
              "SELECT "
                  + v
                  + " AS x FROM "
                  + from
                  + " WHERE "
                  + v
                  + " IS NOT NULL AND NOT isnan("
                  + v
                  + ") ORDER BY x")) {
        while (rs.next() && i < n) {
          values[i++] = rs.getDouble(1);
        }
      }
      if (i < n) {
        values = Arrays.copyOf(values, i);
      }
      if (!isSorted(values)) {
        Arrays.parallelSort(values);
      }
      long unparseable = nonNull - parsed;
      return new NumericSample(rows, rows - parsed, nans, unparseable, values);
    } catch (SQLException e) {
      throw readError(t, col, e);
    }
  }

  private static boolean isSorted(double[] v) {
    for (int i = 1; i < v.length; i++) {
      if (v[i - 1] > v[i]) {
        return false;
      }
    }
    return true;
  }

  /** Non-null values of a column. */
  public long nonNull(Duck.Table t, Duck.ColumnInfo col) {
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(" + Duck.ident(col.name()) + ") FROM " + Duck.ident(t.name()))) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw readError(t, col, e);
    }
  }

  /** A value of a text column that does not parse as a number, if there is one. */
  public Optional<String> firstNonNumber(Duck.Table t, Duck.ColumnInfo col) {
    String c = Duck.ident(col.name());
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CAST("
                    + c
                    + " AS VARCHAR) FROM "
                    + Duck.ident(t.name())
                    + " WHERE "
                    + c
                    + " IS NOT NULL AND TRY_CAST("
                    + c
                    + " AS DOUBLE) IS NULL LIMIT 1")) {
      return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
    } catch (SQLException e) {
      throw readError(t, col, e);
    }
  }

  /** Count of non-null values of a text column that parse as numbers, and of all non-null. */
  public long[] numberShare(Duck.Table t, Duck.ColumnInfo col) {
    String c = Duck.ident(col.name());
    try (Statement s = duck.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(TRY_CAST(CAST("
                    + c
                    + " AS VARCHAR) AS DOUBLE)), count("
                    + c
                    + ") FROM "
                    + Duck.ident(t.name()))) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    } catch (SQLException e) {
      throw readError(t, col, e);
    }
  }

  /** The categories of a column (as text) with their counts, most frequent first. */
  public CategoricalSample categorical(Duck.Table t, Duck.ColumnInfo col) {
    String c = Duck.ident(col.name());
    String from = Duck.ident(t.name());
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement s = duck.connection().createStatement()) {
      long rows;
      long nonNull;
      try (ResultSet rs = s.executeQuery("SELECT count(*), count(" + c + ") FROM " + from)) {
        rs.next();
        rows = rs.getLong(1);
        nonNull = rs.getLong(2);
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT CAST("
                  + c
                  + " AS VARCHAR), count(*) FROM "
                  + from
                  + " WHERE "
                  + c
                  + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      return new CategoricalSample(rows, rows - nonNull, counts);
    } catch (SQLException e) {
      throw readError(t, col, e);
    }
  }

  private static InvalidInputException readError(
      Duck.Table t, Duck.ColumnInfo col, SQLException e) {
    return new InvalidInputException(
        t.role()
            + " "
            + t.source().describe()
            + ": cannot read"
            + " column '"
            + col.name()
            + "' ("
            + col.type()
            + "): "
            + Duck.clean(e.getMessage()),
        e);
  }
}
