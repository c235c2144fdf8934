package io.andon.monitor.quality;

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
}
