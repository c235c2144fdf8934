package io.andon.monitor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash-first count of repeated rows equals {@code rows - count(SELECT DISTINCT *)} on tables
 * without repeats, with a few, with many, and with NULL, NaN, -0.0 and text in the repeated rows.
 */
class RepeatedRowsTest {
  @TempDir Path dir;

  private static long count(Duck duck, String sql) {
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The count of repeated rows of {@code select}, checked against SELECT DISTINCT. */
  private long countedLikeSelectDistinct(String select) throws Exception {
    try (Duck duck = Duck.open()) {
      Path file = dir.resolve("t" + Math.abs(select.hashCode()) + ".parquet");
      try (Statement s = duck.connection().createStatement()) {
        s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
      }
      Duck.Table t = duck.load(DataSource.resolve(file.toString(), "--current"), "t", "--current");
      long distinct = count(duck, "SELECT count(*) FROM (SELECT DISTINCT * FROM t)");
      long got = RepeatedRows.count(t, sql -> count(duck, sql));
      assertThat(got).as(select).isEqualTo(t.rows() - distinct);
      return got;
    }
  }

  @Test
  void aTableWithoutRepeatsCountsNone() throws Exception {
    assertThat(countedLikeSelectDistinct("SELECT i, i * 0.5 AS x FROM range(20000) r(i)")).isZero();
  }

  @Test
  void repeatsOfNullNanNegativeZeroAndTextAreCountedAsDistinctDoes() throws Exception {
    long n =
        countedLikeSelectDistinct(
            "SELECT CASE WHEN i % 5 = 0 THEN NULL ELSE i % 40 END AS a,"
                + " CASE WHEN i % 3 = 0 THEN 'nan'::DOUBLE WHEN i % 3 = 1 THEN -0.0::DOUBLE"
                + " ELSE 0.0::DOUBLE END AS x,"
                + " CASE WHEN i % 7 = 0 THEN NULL ELSE 'k' || (i % 2) END AS s"
                + " FROM range(5000) r(i)");
    assertThat(n).isPositive().isLessThan(5000);
  }

  @Test
  void columnsNamedLikeTheQuerysOwnNamesChangeNothing() throws Exception {
    assertThat(countedLikeSelectDistinct("SELECT i % 4990 AS h, i % 2 AS n FROM range(5000) r(i)"))
        .isEqualTo(10);
  }

  @Test
  void aFewRepeatsAmongManyDistinctRowsAreCountedExactly() throws Exception {
    assertThat(
            countedLikeSelectDistinct(
                "SELECT i % 9990 AS a, (i % 9990) * 0.25 AS x FROM range(10000) r(i)"))
        .isEqualTo(10);
  }
}
