package io.andon.monitor.quality;

import static io.andon.monitor.data.Duck.ident;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Duck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One side's summary of a column, as the reports show it. The moments and quantiles are present for
 * numeric columns with values.
 *
 * @param count non-null values
 * @param missing null values
 * @param distinct distinct non-null values
 * @param sqlType the column's SQL type on this side
 */
public record ColumnSummary(
    String columnName,
    String sqlType,
    long count,
    long missing,
    long distinct,
    OptionalDouble mean,
    OptionalDouble std,
    OptionalDouble min,
    OptionalDouble q25,
    OptionalDouble median,
    OptionalDouble q75,
    OptionalDouble max) {
  public ColumnSummary {
    Objects.requireNonNull(columnName, "columnName");
    Objects.requireNonNull(sqlType, "sqlType");
  }

  /** The summary of column {@code ci} of table {@code t}, computed by {@code duck} in one query. */
  public static ColumnSummary of(Duck duck, Duck.Table t, Duck.ColumnInfo ci) {
    String c = ident(ci.name());
    String x = "CAST(" + c + " AS DOUBLE)";
    boolean num = ci.isNumeric();
    String sql =
        "SELECT count("
            + c
            + "), count(*) - count("
            + c
            + "), count(DISTINCT "
            + c
            + ")"
            + (num
                ? ", avg("
                    + x
                    + ") FILTER (WHERE NOT isnan("
                    + x
                    + ") AND isfinite("
                    + x
                    + "))"
                    + ", stddev_samp("
                    + x
                    + ") FILTER (WHERE isfinite("
                    + x
                    + "))"
                    + ", min("
                    + x
                    + "), quantile_cont("
                    + x
                    + ", 0.25), quantile_cont("
                    + x
                    + ", 0.5), quantile_cont("
                    + x
                    + ", 0.75), max("
                    + x
                    + ")"
                : "")
            + " FROM "
            + ident(t.name());
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      OptionalDouble[] m = new OptionalDouble[7];
      for (int i = 0; i < m.length; i++) {
        m[i] = num ? optional(rs, 4 + i) : OptionalDouble.empty();
      }
      return new ColumnSummary(
          ci.name(),
          ci.type(),
          rs.getLong(1),
          rs.getLong(2),
          rs.getLong(3),
          m[0],
          m[1],
          m[2],
          m[3],
          m[4],
          m[5],
          m[6]);
    } catch (SQLException e) {
      throw new InvalidInputException(
          "data-quality check failed (" + sql + "): " + Duck.clean(e.getMessage()), e);
    }
  }

  private static OptionalDouble optional(ResultSet rs, int i) throws SQLException {
    double v = rs.getDouble(i);
    return rs.wasNull() || Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
  }
}
