package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.andon.monitor.data.Columns;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.monitor.quality.ColumnSummary;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-quality summaries computed from the sorted samples equal DuckDB's (count, nulls,
 * distinct, mean, standard deviation, min, quartiles, max) on columns with nulls, NaN, infinities,
 * one value, no value, and in an empty window; and the out-of-range counts equal DuckDB's.
 */
class SampleSummariesTest {
  @TempDir Path dir;

  private Duck.Table table(Duck duck) throws Exception {
    Path file = dir.resolve("t.parquet");
    try (Statement s = duck.connection().createStatement()) {
      s.execute("SELECT setseed(0.7)");
      s.execute(
          "COPY (SELECT random() * 100 - 50 AS plain,"
              + " CASE WHEN i % 7 = 0 THEN NULL ELSE (i % 50)::INTEGER END AS ints,"
              + " CASE WHEN i % 11 = 0 THEN 'nan'::DOUBLE WHEN i % 13 = 0 THEN 'inf'::DOUBLE"
              + " WHEN i % 17 = 0 THEN '-inf'::DOUBLE WHEN i % 19 = 0 THEN NULL"
              + " ELSE round(random() * 10, 1) END AS odd,"
              + " CASE WHEN i % 5 = 0 THEN 'inf'::DOUBLE ELSE random() END AS with_inf,"
              + " 4.25::DOUBLE AS one_value,"
              + " CASE WHEN i = 3 THEN 1.5::DOUBLE END AS single,"
              + " NULL::DOUBLE AS nothing,"
              + " 'nan'::DOUBLE AS nans,"
              + " (i * 1000003)::BIGINT AS big"
              + " FROM range(3001) r(i)) TO '"
              + file
              + "' (FORMAT parquet)");
      s.execute("CREATE VIEW nowhere AS SELECT * FROM read_parquet('" + file + "') WHERE false");
    }
    return duck.load(DataSource.resolve(file.toString(), "--current"), "t", "--current");
  }

  @Test
  void summariesFromSortedSamplesEqualDuckDbsOnNullsNanInfinitiesAndEmptyWindows()
      throws Exception {
    try (Duck duck = Duck.open()) {
      Duck.Table t = table(duck);
      Duck.Table empty = new Duck.Table("nowhere", "--current", t.source(), 0, t.columns());
      Columns cols = new Columns(duck);
      for (Duck.Table table : new Duck.Table[] {t, empty}) {
        for (Duck.ColumnInfo c : table.columns()) {
          NumericSample s = cols.numeric(table, c);
          ColumnSummary want = ColumnSummary.of(duck, table, c);
          ColumnSummary got = SampleSummaries.of(c, s);
          String what = table.name() + "." + c.name();
          assertThat(got.count()).as(what).isEqualTo(want.count());
          assertThat(got.missing()).as(what).isEqualTo(want.missing());
          assertThat(got.distinct()).as(what).isEqualTo(want.distinct());
          same(what + " mean", got.mean(), want.mean());
          same(what + " std", got.std(), want.std());
          same(what + " min", got.min(), want.min());
          same(what + " q25", got.q25(), want.q25());
          same(what + " median", got.median(), want.median());
          same(what + " q75", got.q75(), want.q75());
          same(what + " max", got.max(), want.max());
        }
      }
    }
  }

  private static void same(String what, OptionalDouble got, OptionalDouble want) {
    assertThat(got.isPresent()).as(what + " present").isEqualTo(want.isPresent());
    if (want.isPresent()) {
      double w = want.getAsDouble();
      if (Double.isInfinite(w)) {
        assertThat(got.getAsDouble()).as(what).isEqualTo(w);
      } else {
        assertThat(got.getAsDouble())
            .as(what)
            .isCloseTo(w, within(1e-9 * Math.max(1, Math.abs(w))));
      }
    }
  }

  @Test
  void outOfRangeCountsFromTheSortedSampleEqualDuckDbsFilter() throws Exception {
    try (Duck duck = Duck.open()) {
      Duck.Table t = table(duck);
      Duck.ColumnInfo odd = t.column("odd").orElseThrow();
      NumericSample s = new Columns(duck).numeric(t, odd);
      SampleSummaries known =
          new SampleSummaries(Map.of("t", Map.of("odd", s)), Map.of("t", Map.of("odd", odd)));
      double[][] ranges = {{2, 7}, {0, 10}, {5, 5}, {-1, 11}, {3.3, 3.30001}};
      for (double[] r : ranges) {
        long want;
        try (Statement st = duck.connection().createStatement();
            var rs =
                st.executeQuery(
                    "SELECT count(*) FILTER (WHERE odd < "
                        + r[0]
                        + " OR odd > "
                        + r[1]
                        + ") FROM t")) {
          rs.next();
          want = rs.getLong(1);
        }
        assertThat(known.outside(t, odd, r[0], r[1]).getAsLong()).isEqualTo(want);
      }
      Duck.ColumnInfo plain = t.column("plain").orElseThrow();
      assertThat(known.summary(t, plain)).as("a column it did not read").isEmpty();
      assertThat(known.outside(t, plain, 0, 1)).isEmpty();
    }
  }
}
