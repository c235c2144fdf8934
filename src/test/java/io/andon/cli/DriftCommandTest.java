package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.monitor.MonitorFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code andon drift} end to end: real files, the real embedded DuckDB, the CLI contract. */
class DriftCommandTest {
  @TempDir Path dir;

  /** A CSV of n rows: x ~ N(mean, 1), y ~ uniform, c in {a,b,c} with the given weights. */
  private Path csv(String name, int n, double mean, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("x,y,c\n");
    for (int i = 0; i < n; i++) {
      double g =
          Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
      double u = r.nextDouble();
      String c = u < 0.5 ? "a" : u < 0.8 ? "b" : "c";
      sb.append(String.format(Locale.ROOT, "%.6f,%.6f,%s%n", mean + g, r.nextDouble(), c));
    }
    return write(name, sb.toString());
  }

  private Path write(String name, String text) throws IOException {
    return new MonitorFixture(dir).write(name, text);
  }

  @Test
  void sameDistributionExitsZeroAndShiftedExitsOne() throws IOException {
    Path base = csv("base.csv", 2000, 0, 1);
    Path same = csv("same.csv", 2000, 0, 2);
    Path shifted = csv("shifted.csv", 2000, 1.0, 3);
    Cli quiet = Cli.drift(base, same);
    assertThat(quiet.exit).as(quiet.out + quiet.err).isZero();
    assertThat(quiet.out).contains("result: no drift");
    Cli drift = Cli.drift(base, shifted, "--columns", "x");
    assertThat(drift.exit).isEqualTo(1);
    assertThat(drift.out).contains("drift in 'x'").contains("result: DRIFT");
  }

  @Test
  void jsonFollowsTheContractAndLeavesOutMetricsOfTheOtherType() throws IOException {
    Path base = csv("base.csv", 1000, 0, 1);
    Path cur = csv("cur.csv", 1000, 0.2, 2);
    Cli r = Cli.drift(base, cur, "--format", "json");
    JsonNode j = r.json();
    assertThat(j.get("columns")).hasSize(3);
    JsonNode x = j.get("columns").get(0);
    assertThat(x.get("column_name").asText()).isEqualTo("x");
    assertThat(x.get("data_type").asText()).isEqualTo("numeric");
    assertThat(x.has("drift_detected")).isTrue();
    for (String k :
        new String[] {
          "population_stability_index",
          "js_distance",
          "wasserstein_distance",
          "wasserstein_distance_normed",
          "count_delta",
          "avg_delta",
          "percent_null_delta",
          "percent_distinct_delta"
        }) {
      assertThat(x.has(k)).as(k).isTrue();
    }
    assertThat(x.get("ks_test").has("statistic")).isTrue();
    assertThat(x.get("ks_test").has("pvalue")).isTrue();
    assertThat(x.has("chi_squared_test")).isFalse();
    assertThat(x.has("tv_distance")).isFalse();
    assertThat(x.has("l_infinity_distance")).isFalse();
    JsonNode c = j.get("columns").get(2);
    assertThat(c.get("data_type").asText()).isEqualTo("categorical");
    assertThat(c.get("chi_squared_test").has("statistic")).isTrue();
    assertThat(c.get("chi_squared_test").has("pvalue")).isTrue();
    assertThat(c.has("tv_distance")).isTrue();
    assertThat(c.has("l_infinity_distance")).isTrue();
    assertThat(c.has("ks_test")).isFalse();
    assertThat(c.has("wasserstein_distance")).isFalse();
    assertThat(j.get("dataset").has("drift_detected")).isTrue();
    assertThat(j.get("dataset").get("drift_share").asDouble()).isBetween(0.0, 1.0);
    assertThat(r.exit).isEqualTo(j.get("dataset").get("drift_detected").asBoolean() ? 1 : 0);
  }

  @Test
  void readsParquetJsonLinesFoldersAndGlobsThroughDuckdb() throws Exception {
    Path base = csv("base.csv", 1500, 0, 1);
    Path cur = csv("cur.csv", 1500, 0, 2);
    Files.createDirectories(dir.resolve("pq"));
    MonitorFixture.duckdb(
        MonitorFixture.toParquet(
            "SELECT * FROM read_csv('" + base + "')", dir.resolve("base.parquet")),
        MonitorFixture.toParquet(
            "SELECT * FROM read_csv('" + cur + "') LIMIT 700", dir.resolve("pq/part1.parquet")),
        MonitorFixture.toParquet(
            "SELECT * FROM read_csv('" + cur + "') OFFSET 700", dir.resolve("pq/part2.parquet")),
        "COPY (SELECT * FROM read_csv('"
            + cur
            + "')) TO '"
            + dir.resolve("cur.jsonl")
            + "' (FORMAT json)");
    Cli folder = Cli.drift(dir.resolve("base.parquet"), dir.resolve("pq"), "--format", "json");
    assertThat(folder.exit).as(folder.err).isZero();
    assertThat(folder.json().get("inputs").get("current_rows").asLong()).isEqualTo(1500);
    Cli glob = Cli.drift(base, dir.resolve("pq/part*.parquet"), "--format", "json");
    assertThat(glob.exit).as(glob.err).isZero();
    assertThat(glob.json().get("inputs").get("current_rows").asLong()).isEqualTo(1500);
    Cli jsonl = Cli.drift(base, dir.resolve("cur.jsonl"), "--format", "json");
    assertThat(jsonl.exit).as(jsonl.err).isZero();
    // the same data in three formats gives the same numbers
    JsonNode a = folder.json().get("columns").get(0);
    JsonNode b = jsonl.json().get("columns").get(0);
    assertThat(a.get("ks_test").get("statistic").asDouble())
        .isEqualTo(b.get("ks_test").get("statistic").asDouble());
    assertThat(a.get("population_stability_index").asDouble())
        .isEqualTo(b.get("population_stability_index").asDouble());
  }

  @Test
  void emptyFileIsInvalidInputNamingTheFile() throws IOException {
    Path base = csv("base.csv", 100, 0, 1);
    Path empty = write("empty.csv", "");
    Cli r = Cli.drift(base, empty);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--current").contains("empty.csv").contains("empty");
  }

  @Test
  void headerOnlyFileSaysItHasNoRows() throws IOException {
    Path base = csv("base.csv", 100, 0, 1);
    Path header = write("header.csv", "x,y,c\n");
    Cli r = Cli.drift(header, base);
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--baseline").contains("has no rows");
  }

  @Test
  void missingFileAndUnknownColumnAreInvalidInputWithHints() throws IOException {
    Path base = csv("base.csv", 100, 0, 1);
    Cli missing = Cli.drift(base, dir.resolve("nope.csv"));
    assertThat(missing.exit).isEqualTo(2);
    assertThat(missing.err).contains("nope.csv").contains("no such file");
    Cli unknown = Cli.drift(base, base, "--columns", "xx");
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err).contains("'xx'").contains("Did you mean 'x'?");
    Cli noGlob = Cli.drift(base, dir.resolve("*.parquet"));
    assertThat(noGlob.exit).isEqualTo(2);
    assertThat(noGlob.err).contains("no file matches");
  }

  @Test
  void columnMissingFromOneSideIsNamedAndTheOthersAreStillCompared() throws IOException {
    Path base = write("b.csv", "x,y,extra\n1,2,3\n2,3,4\n3,4,5\n4,5,6\n");
    Path cur = write("c.csv", "x,y\n1,2\n2,3\n3,4\n4,5\n");
    Cli r = Cli.drift(base, cur, "--format", "json", "--min-sample", "4");
    assertThat(r.exit).isZero();
    JsonNode j = r.json();
    assertThat(j.get("columns")).hasSize(2);
    assertThat(j.get("warnings").toString()).contains("column 'extra' is only in the baseline");
  }

  @Test
  void aColumnNamedByColumnsThatOneSideLacksIsInvalidInputNamingItsFileAndType()
      throws IOException {
    Path base = write("b.csv", "x,y,extra\n1,2,3\n2,3,4\n3,4,5\n4,5,6\n");
    Path cur = write("c.csv", "x,y,extras\n1,2,a\n2,3,b\n3,4,c\n4,5,d\n");
    Cli r = Cli.drift(base, cur, "--columns", "x,extra", "--min-sample", "4");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.out).isEmpty();
    assertThat(r.err.strip())
        .doesNotContain("\n")
        .contains("--columns names column 'extra'")
        .contains("baseline " + base + " has (BIGINT)")
        .contains("current data " + cur + " does not (its columns: x, y, extras)")
        .contains("Did you mean 'extras'?")
        .contains("Drop it from --columns");
  }

  @Test
  void allNullAndConstantColumnsGetAResultAndAReasonNeverASilentZero() throws IOException {
    StringBuilder b = new StringBuilder("k,n,z\n");
    StringBuilder c = new StringBuilder("k,n,z\n");
    for (int i = 0; i < 200; i++) {
      b.append("5,").append(i % 7).append(",").append(i % 3).append('\n');
      c.append("5,,").append(i % 3).append('\n');
    }
    Path base = write("b.csv", b.toString());
    Path cur = write("c.csv", c.toString());
    Cli r = Cli.drift(base, cur, "--format", "json");
    JsonNode cols = r.json().get("columns");
    JsonNode k = cols.get(0);
    assertThat(k.get("drift_detected").asBoolean()).isFalse();
    assertThat(k.get("status").asText()).isEqualTo("CONSTANT");
    assertThat(k.has("wasserstein_distance_normed")).isFalse();
    assertThat(k.get("reason").asText()).contains("constant: every value is 5 on both sides");
    JsonNode n = cols.get(1);
    assertThat(n.get("skipped").asText()).contains("'n'").contains("current data");
    assertThat(n.has("population_stability_index")).isFalse();
    assertThat(n.get("drift_detected").asBoolean()).isTrue();
    assertThat(n.get("reason").asText()).contains("nulls moved from 0.0% to 100.0%");
  }

  @Test
  void nanAndInfinityAreCountedApartAndNamed() throws IOException {
    StringBuilder b = new StringBuilder("v\n");
    StringBuilder c = new StringBuilder("v\n");
    for (int i = 0; i < 300; i++) {
      b.append(i).append('\n');
      c.append(i == 5 ? "nan" : i == 6 ? "inf" : String.valueOf(i)).append('\n');
    }
    Cli r =
        Cli.drift(
            write("b.csv", b.toString()),
            write("c.csv", c.toString()),
            "--format",
            "json",
            "--min-sample",
            "300");
    assertThat(r.exit).as(r.err).isZero();
    JsonNode v = r.json().get("columns").get(0);
    assertThat(v.get("current_count").asLong()).isEqualTo(299);
    assertThat(v.get("warnings").toString())
        .contains("1 NaN value in the current data")
        .contains("1 infinite value in the current data");
    assertThat(Double.isFinite(v.get("wasserstein_distance").asDouble())).isTrue();
  }

  @Test
  void mixedTypesAreReportedWithTheFixAndTheOverrideApplies() throws IOException {
    StringBuilder b = new StringBuilder("m\n");
    StringBuilder c = new StringBuilder("m\n");
    for (int i = 0; i < 100; i++) {
      b.append(i % 50).append('\n');
      c.append(i == 50 ? "n/a" : String.valueOf(i % 50)).append('\n');
    }
    Path base = write("b.csv", b.toString());
    Path cur = write("c.csv", c.toString());
    Cli r = Cli.drift(base, cur, "--format", "json");
    assertThat(r.exit).as("a type change drifts").isEqualTo(1);
    JsonNode m = r.json().get("columns").get(0);
    assertThat(m.get("data_type").asText()).isEqualTo("numeric");
    assertThat(m.get("reason").asText())
        .startsWith("type changed from BIGINT in the baseline to" + " VARCHAR in the current data");
    assertThat(r.json().get("warnings").toString())
        .contains("column 'm' is BIGINT in the baseline")
        .contains("'n/a'")
        .contains("--categorical m");
    Cli forced = Cli.drift(base, cur, "--format", "json", "--categorical", "m");
    assertThat(forced.json().get("columns").get(0).get("data_type").asText())
        .isEqualTo("categorical");
  }

  @Test
  void htmlReportIsWrittenToOutputAndIsSelfContained() throws IOException {
    Path base = csv("base.csv", 500, 0, 1);
    Path cur = csv("cur.csv", 500, 1, 2);
    Path out = dir.resolve("report/drift.html");
    Cli r = Cli.drift(base, cur, "--format", "html", "--output", out.toString(), "--columns", "x");
    assertThat(r.exit).isEqualTo(1);
    assertThat(r.out).contains("report written to");
    String html = Files.readString(out);
    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains("<svg")
        .contains("Summary")
        .doesNotContain("http://cdn")
        .doesNotContain("<script")
        .doesNotContain("src=\"http");
  }

  @Test
  void sketchModeStreamsTheFilesAndGivesTheSameVerdict() throws IOException {
    Path base = csv("base.csv", 20_000, 0, 1);
    Path shifted = csv("shifted.csv", 20_000, 0.5, 2);
    Cli exact = Cli.drift(base, shifted, "--format", "json");
    Cli sketch = Cli.drift(base, shifted, "--format", "json", "--sketch");
    assertThat(sketch.exit).as(sketch.err).isEqualTo(exact.exit);
    JsonNode e = exact.json().get("columns");
    JsonNode s = sketch.json().get("columns");
    assertThat(s).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(s.get(i).get("drift_detected")).isEqualTo(e.get(i).get("drift_detected"));
    }
    assertThat(s.get(0).get("ks_test").get("statistic").asDouble())
        .isCloseTo(
            e.get(0).get("ks_test").get("statistic").asDouble(),
            org.assertj.core.api.Assertions.within(0.03));
    assertThat(sketch.json().get("warnings").toString()).contains("streaming mode");
    assertThat(sketch.json().get("dataset").get("rule").asText())
        .isEqualTo(exact.json().get("dataset").get("rule").asText());
    Cli ignored = Cli.drift(base, shifted, "--format", "json", "--sketch", "--ignore", "c");
    assertThat(ignored.json().get("columns").findValuesAsText("column_name"))
        .containsExactly("x", "y");
  }

  @Test
  void textAfterTheTypeSnifferSampleIsReadNotRejected() throws IOException {
    StringBuilder b = new StringBuilder("v\n");
    StringBuilder c = new StringBuilder("v\n");
    for (int i = 0; i < 30_000; i++) {
      b.append(i % 1000).append('\n');
      c.append(i == 29_000 ? "bad" : String.valueOf(i % 1000)).append('\n');
    }
    Cli r =
        Cli.drift(write("b.csv", b.toString()), write("c.csv", c.toString()), "--format", "json");
    assertThat(r.exit).as(r.err + " (the type changed)").isEqualTo(1);
    assertThat(r.json().get("columns").get(0).get("reason").asText()).contains("type changed");
    assertThat(r.json().get("warnings").toString()).contains("'bad'");
  }

  /** Baseline and current with an id, a constant, a stable and a shifted column. */
  private void idConstantStableShifted(int rows) throws IOException {
    for (String side : new String[] {"b", "c"}) {
      SplittableRandom r = new SplittableRandom(side.equals("b") ? 1 : 2);
      StringBuilder sb = new StringBuilder("request_id,k,stable,shifted\n");
      for (int i = 0; i < rows; i++) {
        sb.append(side.equals("b") ? i : rows + i)
            .append(",7,")
            .append(
                String.format(
                    Locale.ROOT,
                    "%.5f,%.5f%n",
                    r.nextGaussian(),
                    r.nextGaussian() + (side.equals("c") ? 1 : 0)));
      }
      write(side + ".csv", sb.toString());
    }
  }

  @Test
  void idsAreLeftOutWithANoticeUnlessNamedAndIgnoreLeavesOutAnyColumn() throws IOException {
    idConstantStableShifted(1000);
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    Cli r = Cli.drift(b, c, "--format", "json");
    assertThat(r.exit).isEqualTo(1);
    JsonNode j = r.json();
    assertThat(j.get("columns").findValuesAsText("column_name"))
        .containsExactly("k", "stable", "shifted");
    assertThat(j.get("warnings").toString()).contains("'request_id' looks like an id");
    assertThat(j.get("dataset").get("compared_columns").asInt()).isEqualTo(2);
    Cli named = Cli.drift(b, c, "--format", "json", "--columns", "request_id,stable");
    assertThat(named.json().get("columns").get(0).get("column_name").asText())
        .isEqualTo("request_id");
    assertThat(named.json().get("columns").get(0).get("status").asText()).isEqualTo("DRIFT");
    Cli ignored = Cli.drift(b, c, "--ignore", "shifted");
    assertThat(ignored.exit).isZero();
    assertThat(ignored.out).contains("result: no drift (0 of 1 columns drifted");
    Cli unknown = Cli.drift(b, c, "--ignore", "shiftd");
    assertThat(unknown.exit).isEqualTo(2);
    assertThat(unknown.err)
        .contains("--ignore names column 'shiftd'")
        .contains("Did you mean 'shifted'?");
  }

  @Test
  void tooFewRowsExitFourAndSayNotEnoughData() throws IOException {
    idConstantStableShifted(120);
    Cli r = Cli.drift(dir.resolve("b.csv"), dir.resolve("c.csv"));
    assertThat(r.exit).isEqualTo(4);
    assertThat(r.out)
        .contains(
            "result: NOT_ENOUGH_DATA (0 of 0 columns drifted, share 0;"
                + " 2 with not enough data)")
        .contains("not enough data in 'shifted': not enough data:" + " 120 rows");
    Cli lower = Cli.drift(dir.resolve("b.csv"), dir.resolve("c.csv"), "--min-sample", "100");
    assertThat(lower.exit).isEqualTo(1);
  }

  @Test
  void aColumnThresholdAppliesToItsColumnAndABadOneIsInvalidInput() throws IOException {
    idConstantStableShifted(1000);
    Path b = dir.resolve("b.csv");
    Path c = dir.resolve("c.csv");
    Cli r =
        Cli.drift(
            b,
            c,
            "--format",
            "json",
            "--column-threshold",
            "shifted:population_stability_index=50",
            "--column-threshold",
            "shifted:wasserstein_distance_normed=50",
            "--column-threshold",
            "shifted:js_distance=0.99");
    assertThat(r.exit).as(r.err).isZero();
    assertThat(
            r.json()
                .get("thresholds")
                .get("columns")
                .get("shifted")
                .get("population_stability_index")
                .asDouble())
        .isEqualTo(50);
    Cli bad = Cli.drift(b, c, "--column-threshold", "shifted:psi=0.1");
    assertThat(bad.exit).isEqualTo(2);
    assertThat(bad.err).contains("unknown threshold 'psi'").contains("population_stability_index");
    Cli shape = Cli.drift(b, c, "--column-threshold", "0.1");
    assertThat(shape.exit).isEqualTo(2);
    assertThat(shape.err).contains("is not COL:METRIC=X");
  }

  @Test
  void badThresholdIsInvalidInput() throws IOException {
    Path base = csv("base.csv", 100, 0, 1);
    Cli r = Cli.drift(base, base, "--bins", "1");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("bins");
  }
}
