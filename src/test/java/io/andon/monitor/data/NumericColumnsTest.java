package io.andon.monitor.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.NumericSample;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk read (one scan per table, Arrow or JDBC, columns sorted on workers) gives exactly the
 * samples of the one-column-at-a-time read, on generated data with nulls, NaN and infinities.
 */
class NumericColumnsTest {
  @TempDir Path dir;

  /** Columns: plain doubles, integers with nulls, NaN and infinities, all null, all NaN. */
  private static final String COLUMNS =
      "random() AS plain, "
          + "CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 50)::INTEGER END AS ints, "
          + "CASE WHEN i % 11 = 0 THEN 'nan'::DOUBLE WHEN i % 13 = 0 THEN 'inf'::DOUBLE"
          + " WHEN i % 17 = 0 THEN '-inf'::DOUBLE WHEN i % 19 = 0 THEN NULL"
          + " ELSE round(random() * 10, 1) END AS odd, "
          + "NULL::DOUBLE AS nothing, "
          + "'nan'::DOUBLE AS nans, "
          + "(i % 3)::BIGINT AS small_big";

  private Duck.Table table(Duck duck, int rows) throws Exception {
    Path file = dir.resolve("t" + rows + ".parquet");
    try (Statement s = duck.connection().createStatement()) {
      s.execute("SELECT setseed(0.3)");
      s.execute(
          "COPY (SELECT "
              + COLUMNS
              + " FROM range("
              + rows
              + ") r(i)) TO '"
              + file
              + "' (FORMAT parquet)");
    }
    return duck.load(DataSource.resolve(file.toString(), "--current"), "t", "--current");
  }

  private static void assertSameAsOneByOne(Duck duck, Duck.Table t, Map<String, NumericSample> m) {
    Columns one = new Columns(duck);
    assertThat(m.keySet()).hasSize(t.columns().size());
    for (Duck.ColumnInfo c : t.columns()) {
      NumericSample want = one.numeric(t, c);
      NumericSample got = m.get(c.name());
      assertThat(got.rows()).as(c.name()).isEqualTo(want.rows());
      assertThat(got.nulls()).as(c.name()).isEqualTo(want.nulls());
      assertThat(got.nans()).as(c.name()).isEqualTo(want.nans());
      assertThat(got.unparseable()).as(c.name()).isZero();
      assertThat(got.sorted()).as(c.name()).isEqualTo(want.sorted());
    }
  }

  @Test
  void theBulkReadGivesTheSamplesOfTheColumnByColumnReadOverArrowAndOverJdbc() throws Exception {
    try (Duck duck = Duck.open();
        Workers workers = new Workers(2)) {
      Duck.Table t = table(duck, 5000);
      for (BulkScan.Transport how : BulkScan.Transport.values()) {
        Map<String, NumericSample> m =
            new NumericColumns(duck, workers, how)
                .read(List.of(new NumericColumns.Request(t, t.columns())))
                .get(0);
        assertSameAsOneByOne(duck, t, m);
      }
    }
  }

  @Test
  void aLargeTableTravelsOverArrowAndStillGivesTheSameSamples() throws Exception {
    assertThat(BulkScan.arrowAvailable()).as("the test JVM opens java.nio as andon's jar").isTrue();
    int rows = (int) (BulkScan.ARROW_MIN_VALUES / 6) + 1;
    assertThat(BulkScan.choose((long) rows * 6)).isEqualTo(BulkScan.Transport.ARROW);
    assertThat(BulkScan.choose(1000)).isEqualTo(BulkScan.Transport.JDBC);
    try (Duck duck = Duck.open();
        Workers workers = new Workers(2)) {
      Duck.Table t = table(duck, rows);
      Map<String, NumericSample> m =
          new NumericColumns(duck, workers)
              .read(List.of(new NumericColumns.Request(t, t.columns())))
              .get(0);
      assertSameAsOneByOne(duck, t, m);
    }
  }

  @Test
  void bothSidesAreReadAndAnEmptyWindowGivesEmptySamples() throws Exception {
    try (Duck duck = Duck.open();
        Workers workers = new Workers(3)) {
      Duck.Table t = table(duck, 2000);
      try (Statement s = duck.connection().createStatement()) {
        s.execute("CREATE VIEW empty_window AS SELECT * FROM t WHERE false");
      }
      Duck.Table empty = new Duck.Table("empty_window", "--current", t.source(), 0, t.columns());
      List<Map<String, NumericSample>> both =
          new NumericColumns(duck, workers)
              .read(
                  List.of(
                      new NumericColumns.Request(t, t.columns()),
                      new NumericColumns.Request(empty, t.columns().subList(0, 2))));
      assertSameAsOneByOne(duck, t, both.get(0));
      assertThat(both.get(1)).containsOnlyKeys("plain", "ints");
      for (NumericSample s : both.get(1).values()) {
        assertThat(s.rows()).isZero();
        assertThat(s.sorted()).isEmpty();
      }
    }
  }
}
