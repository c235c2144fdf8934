package io.andon.monitor.quality;

import java.util.Locale;
import java.util.Objects;

/**
 * The outcome of one data-quality check of one column (or of the whole table, column {@code
 * :table}).
 *
 * @param count the rows, values or columns concerned (0 when the check passed)
 * @param share {@code count} over what it counts in (rows, non-null values or columns), 0 to 1
 * @param failed true when the check failed
 * @param detail what was found, for people
 */
public record QualityCheck(
    Kind check, String columnName, long count, double share, boolean failed, String detail) {

  /** The column name of table-level checks. */
  public static final String TABLE = ":table";

  /** The checks, named in outputs and gate selectors by {@link #id()}. */
  public enum Kind {
    /** Rows equal, in every column, to an earlier row. */
    DUPLICATED_ROWS,
    /** A column equal, row by row, to an earlier column. */
    DUPLICATED_COLUMN,
    /** A column with values, all of them one and the same. */
    CONSTANT_COLUMN,
    /** A column without a single value in a table with rows. */
    ALL_NULL_COLUMN,
    /** Numbers outside the baseline's [min, max] or the declared bounds. */
    OUT_OF_RANGE,
    /** Categories that the baseline does not have. */
    OUT_OF_LIST,
    /** A column whose SQL type differs from the baseline's. */
    TYPE_CHANGED,
    /** A column of the baseline that the current data lacks. */
    MISSING_COLUMN,
    /** A column of the current data that the baseline lacks. */
    NEW_COLUMN;

    /** The name in outputs: {@code duplicated_rows} and the like. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public QualityCheck {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(columnName, "columnName");
    Objects.requireNonNull(detail, "detail");
    if (count < 0 || !(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException(
          "count " + count + " and share " + share + " must be >= 0 and within [0, 1]");
    }
  }
}
