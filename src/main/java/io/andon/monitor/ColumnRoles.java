package io.andon.monitor;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Columns that are not features: identifiers. An id has a new value on every row, so it always
 * "drifts" and, counted in the share of drifted columns, would sway the dataset verdict. A column
 * is taken for an id when it is integer or text on both sides, has at least {@link #MIN_VALUES}
 * values on each side and no value twice on either side. Floating-point columns are never ids:
 * continuous measurements are all distinct too.
 */
public final class ColumnRoles {
  /** Fewer values than this prove nothing about uniqueness. */
  public static final int MIN_VALUES = 100;

  private static final Set<String> INTEGER_TYPES =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "UHUGEINT");

  private ColumnRoles() {}

  /** The notice for an id column, or empty when {@code name} does not look like one. */
  public static Optional<String> idNotice(
      String name, String baseType, String curType, ColumnSample base, ColumnSample cur) {
    if (!(idType(baseType) && idType(curType) && base.allDistinct() && cur.allDistinct())) {
      return Optional.empty();
    }
    return Optional.of(
        "column '"
            + name
            + "' looks like an id (every value distinct on both"
            + " sides); left out of the comparison and the drift share. Name it in --columns (or"
            + " 'columns' of a monitor) to compare it anyway.");
  }

  /** True for the types an id can have: integers and text. */
  public static boolean idType(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return INTEGER_TYPES.contains(t) || t.equals("VARCHAR") || t.startsWith("VARCHAR(");
  }
}
