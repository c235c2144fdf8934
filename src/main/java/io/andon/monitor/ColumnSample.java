package io.andon.monitor;

/**
 * The values of one column in one window and slice, read for profiling and drift: numbers or
 * categories. Both sides of a comparison are of the same kind, as the column's type decides.
 */
public sealed interface ColumnSample permits NumericSample, SketchedSample, CategoricalSample {
  /** Rows of the window and slice, null values included. */
  long rows();

  /** Rows whose value is null (for numbers, also text that does not parse). */
  long nulls();

  /** This sample's profile metrics under {@code name}. */
  ColumnProfile profile(String name);

  /**
   * True when every value of the sample is distinct and there are enough of them to tell (at least
   * {@link ColumnRoles#MIN_VALUES}): the mark of an id column.
   */
  boolean allDistinct();

  /**
   * The drift of {@code current} against this sample as the baseline.
   *
   * @throws IllegalArgumentException when the two samples are not of the same kind
   */
  ColumnDrift driftTo(String name, ColumnSample current, DriftOptions options);
}
