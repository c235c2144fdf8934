package io.andon.monitor.chunk;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Duck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Columns of a table read into memory, in the table's order: numbers as doubles (NaN for null or
 * unparseable), categories as text (empty for null).
 */
public record Frame(int rows, Map<String, double[]> numbers, Map<String, String[]> categories) {
  public Frame {
    numbers = Map.copyOf(numbers);
    categories = Map.copyOf(categories);
  }

  /** The numbers of {@code column}. */
  public double[] number(String column) {
    return Objects.requireNonNull(numbers.get(column), () -> "no numeric column " + column);
  }

  /** The categories of {@code column} (empty text for null). */
  public String[] category(String column) {
    return Objects.requireNonNull(categories.get(column), () -> "no categorical column " + column);
  }

  /**
   * Reads {@code numeric} and {@code categorical} columns of {@code table}, ordered by {@code
   * orderBy} (then by the table's row order), keeping only rows where {@code where} holds.
   */
  public static Frame read(
      Duck duck,
      Duck.Table table,
      List<String> numeric,
      List<String> categorical,
      Optional<String> orderBy,
      String where) {
    List<String> select = new ArrayList<>();
    numeric.forEach(c -> select.add("TRY_CAST(" + Duck.ident(c) + " AS DOUBLE)"));
    categorical.forEach(c -> select.add("CAST(" + Duck.ident(c) + " AS VARCHAR)"));
    if (select.isEmpty()) {
      select.add("1");
    }
    String sql =
        "SELECT "
            + String.join(", ", select)
            + " FROM "
            + Duck.ident(table.name())
            + " WHERE "
            + where
            + " ORDER BY "
            + orderBy.map(o -> o + ", ").orElse("")
            + "rowid";
    List<double[]> nums = new ArrayList<>();
    List<String[]> cats = new ArrayList<>();
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        double[] nr = new double[numeric.size()];
        for (int i = 0; i < nr.length; i++) {
          double v = rs.getDouble(i + 1);
          nr[i] = rs.wasNull() ? Double.NaN : v;
        }
        String[] cr = new String[categorical.size()];
        for (int i = 0; i < cr.length; i++) {
          String v = rs.getString(numeric.size() + i + 1);
          cr[i] = v == null ? "" : v;
        }
        nums.add(nr);
        cats.add(cr);
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          "cannot read " + table.source().describe() + ": " + Duck.clean(e.getMessage()), e);
    }
    int n = nums.size();
    Map<String, double[]> numbers = new LinkedHashMap<>();
    for (int c = 0; c < numeric.size(); c++) {
      double[] col = new double[n];
      for (int r = 0; r < n; r++) {
        col[r] = nums.get(r)[c];
      }
      numbers.put(numeric.get(c), col);
    }
    Map<String, String[]> categories = new LinkedHashMap<>();
    for (int c = 0; c < categorical.size(); c++) {
      String[] col = new String[n];
      for (int r = 0; r < n; r++) {
        col[r] = cats.get(r)[c];
      }
      categories.put(categorical.get(c), col);
    }
    return new Frame(n, numbers, categories);
  }

  /** The rows {@code start <= i < end}. */
  public Frame slice(int start, int end) {
    Map<String, double[]> nn = new LinkedHashMap<>();
    numbers.forEach((k, v) -> nn.put(k, Arrays.copyOfRange(v, start, end)));
    Map<String, String[]> cc = new LinkedHashMap<>();
    categories.forEach((k, v) -> cc.put(k, Arrays.copyOfRange(v, start, end)));
    return new Frame(end - start, nn, cc);
  }

  /** The rows of {@code c}. */
  public Frame slice(Chunk c) {
    return slice(c.start(), c.end());
  }
}
