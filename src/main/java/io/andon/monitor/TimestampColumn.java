package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Duck;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The rules of a monitor's {@code timestamp_col}, the same on every engine: which columns can be
 * one (a timestamp or date, or text parsed as ISO-8601), and what its unparsed and missing values
 * mean (rows left out of every window, with a warning; a column of which no value parses is invalid
 * input).
 */
public final class TimestampColumn {
  private TimestampColumn() {}

  /**
   * The SQL that reads column {@code ts} (of type {@code col}, quoted by {@code ident}) as a
   * timestamp, null where text does not parse; invalid input for a column of another type.
   */
  public static String cast(String ts, Duck.ColumnInfo col, UnaryOperator<String> ident) {
    if (col.isTemporal()) {
      return "CAST(" + ident.apply(ts) + " AS TIMESTAMP)";
    }
    if (col.isText()) {
      return "TRY_CAST(" + ident.apply(ts) + " AS TIMESTAMP)";
    }
    throw new InvalidInputException(
        "timestamp_col '"
            + ts
            + "' is "
            + col.type()
            + ", not a timestamp. Store it as a TIMESTAMP or DATE column, or as ISO-8601 text such"
            + " as '2026-11-28 13:45:00'.");
  }

  /**
   * Judges the read column {@code ts} of {@code table}: of {@code rows} rows, {@code bad} have a
   * value that does not parse ({@code example} is one) and {@code nulls} have none. Invalid input
   * when no value parses; otherwise a warning for each kind of row left out.
   */
  public static void judge(
      String ts,
      String table,
      long rows,
      long bad,
      long nulls,
      String example,
      List<String> warnings) {
    if (bad > 0 && bad + nulls == rows) {
      throw new InvalidInputException(
          "timestamp_col '"
              + ts
              + "' of "
              + table
              + " does not parse as a timestamp (e.g. '"
              + example
              + "'). Write timestamps as ISO-8601, such as '2026-11-28 13:45:00'.");
    }
    if (bad > 0) {
      warnings.add(
          "timestamp_col '"
              + ts
              + "': "
              + bad
              + " of "
              + rows
              + " values do not parse as timestamps (e.g. '"
              + example
              + "'); those rows are left out of every window.");
    }
    if (nulls > 0) {
      warnings.add(
          "timestamp_col '"
              + ts
              + "': "
              + nulls
              + " rows have no timestamp and are left out of every window.");
    }
  }
}
