package io.andon.monitor.quality;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.monitor.quality.QualityCheck.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every data-quality check on generated tables whose problems are planted, so the answer is known:
 * 1,000 baseline rows, 1,000 current rows.
 */
class DataQualityTest {
  @TempDir Path dir;

  private static final List<String> COUNTRIES = List.of("US", "DE", "FR");

  /** Baseline: id, age 20..69, country of three, score in [0, 1), flag 0/1, dropped. */
  private Path baseline() throws IOException {
    StringBuilder s = new StringBuilder("id,age,country,score,flag,dropped,konst\n");
    for (int i = 0; i < 1000; i++) {
      s.append(i)
          .append(',')
          .append(20 + i % 50)
          .append(',')
          .append(COUNTRIES.get(i % 3))
          .append(',')
          .append((i * 37 % 1000) / 1000.0)
          .append(',')
          .append(i % 2)
          .append(",b")
          .append(i)
          .append(",k")
          .append(i % 4)
          .append('\n');
    }
    return write("base.csv", s);
  }

  /**
   * Current: the last 30 rows repeat the first 30; 25 ages of 150 (out of range); 40 countries BR
   * (out of list); flag as yes/no (read as BOOLEAN: type changed); konst all 'x' (constant, and a
   * category the baseline's k0 to k3 lack); empty all null; age_copy equals age; dropped is gone,
   * added is new.
   */
  private Path current() throws IOException {
    StringBuilder s = new StringBuilder("id,age,country,score,flag,konst,empty,age_copy,added\n");
    String[] rows = new String[1000];
    for (int i = 0; i < 1000; i++) {
      int age = i >= 100 && i < 125 ? 150 : 20 + i % 50;
      String country = i >= 200 && i < 240 ? "BR" : COUNTRIES.get(i % 3);
      rows[i] =
          i
              + ","
              + age
              + ","
              + country
              + ","
              + (i * 37 % 1000) / 1000.0
              + ","
              + (i % 2 == 0 ? "no" : "yes")
              + ",x,,"
              + age
              + ",a"
              + i;
    }
    for (int i = 970; i < 1000; i++) {
      rows[i] = rows[i - 970];
    }
    for (String r : rows) {
      s.append(r).append('\n');
    }
    return write("cur.csv", s);
  }

  private Path write(String name, StringBuilder s) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, s);
    return p;
  }

  private TableQuality check(Map<String, Bounds> bounds) throws IOException {
    Path b = baseline();
    Path c = current();
    try (Duck duck = Duck.open()) {
      Duck.Table tb = duck.load(DataSource.resolve(b.toString(), "baseline"), "b", "--baseline");
      Duck.Table tc = duck.load(DataSource.resolve(c.toString(), "current"), "c", "--current");
      List<String> cols = tc.columns().stream().map(Duck.ColumnInfo::name).toList();
      return new DataQuality(duck).check(Optional.of(tb), tc, cols, Set.of(), bounds);
    }
  }

  private static QualityCheck find(TableQuality q, Kind k, String column) {
    return q.checks().stream()
        .filter(x -> x.check() == k && x.columnName().equals(column))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + k.id() + " check of " + column));
  }

  @Test
  void plantedProblemsAreFoundWithTheirCountsAndNothingElseFails() throws IOException {
    TableQuality q = check(Map.of());
    QualityCheck dup = find(q, Kind.DUPLICATED_ROWS, QualityCheck.TABLE);
    assertThat(dup.count()).isEqualTo(30);
    assertThat(dup.share()).isEqualTo(0.03);
    QualityCheck age = find(q, Kind.OUT_OF_RANGE, "age");
    assertThat(age.count()).isEqualTo(25);
    assertThat(age.failed()).isTrue();
    assertThat(age.detail()).contains("[20, 69]");
    QualityCheck country = find(q, Kind.OUT_OF_LIST, "country");
    assertThat(country.count()).isEqualTo(40);
    assertThat(country.detail()).contains("'BR'");
    assertThat(find(q, Kind.TYPE_CHANGED, "flag").detail())
        .isEqualTo("type changed from BIGINT in the baseline to BOOLEAN");
    assertThat(find(q, Kind.CONSTANT_COLUMN, "konst").count()).isEqualTo(1000);
    assertThat(find(q, Kind.ALL_NULL_COLUMN, "empty").count()).isEqualTo(1000);
    assertThat(find(q, Kind.DUPLICATED_COLUMN, "age_copy").detail()).contains("'age'");
    assertThat(find(q, Kind.MISSING_COLUMN, "dropped").failed()).isTrue();
    assertThat(find(q, Kind.NEW_COLUMN, "added").failed()).isTrue();
    assertThat(find(q, Kind.NEW_COLUMN, "empty").failed()).isTrue();
    assertThat(q.failed())
        .extracting(x -> x.check().id() + " " + x.columnName())
        .containsExactlyInAnyOrder(
            "duplicated_rows :table",
            "missing_column dropped",
            "new_column empty",
            "new_column age_copy",
            "new_column added",
            "out_of_range age",
            "out_of_list country",
            "type_changed flag",
            "constant_column konst",
            "out_of_list konst",
            "all_null_column empty",
            "duplicated_column age_copy");
    assertThat(find(q, Kind.OUT_OF_RANGE, "score").count()).isZero();
    assertThat(find(q, Kind.CONSTANT_COLUMN, "country").failed()).isFalse();
  }

  @Test
  void summariesGiveBothSidesCountsMomentsAndQuantiles() throws IOException {
    TableQuality q = check(Map.of());
    ColumnSummary b = q.baseline("age").orElseThrow();
    assertThat(b.count()).isEqualTo(1000);
    assertThat(b.missing()).isZero();
    assertThat(b.distinct()).isEqualTo(50);
    assertThat(b.mean().getAsDouble()).isEqualTo(44.5);
    assertThat(b.min().getAsDouble()).isEqualTo(20);
    assertThat(b.median().getAsDouble()).isEqualTo(44.5);
    assertThat(b.max().getAsDouble()).isEqualTo(69);
    ColumnSummary e = q.current("empty").orElseThrow();
    assertThat(e.missing()).isEqualTo(1000);
    assertThat(e.mean()).isEmpty();
    assertThat(q.baseline("added")).isEmpty();
  }

  @Test
  void declaredBoundsReplaceTheBaselineRangeAndTolerateNothing() throws IOException {
    TableQuality q = check(Map.of("score", new Bounds(0, 0.5)));
    QualityCheck score = find(q, Kind.OUT_OF_RANGE, "score");
    // i * 37 % 1000 runs over every residue once (501 to 999 above 0.5), less the 30 rows that
    // repeat rows 0 to 29: 497 values above 0.5
    assertThat(score.count()).isEqualTo(497);
    assertThat(score.detail()).contains("declared bounds [0, 0.5]");
    TableQuality wide = check(Map.of("age", new Bounds(0, 200)));
    assertThat(find(wide, Kind.OUT_OF_RANGE, "age").failed()).isFalse();
  }
}
