package io.andon.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.cli.AndonCli;
import io.andon.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code andon monitor --engine spark} on bad input: one paragraph, exit 2, nothing stored; and a
 * good run that stores its rows.
 */
class SparkBadInputTest {
  @TempDir static Path dir;

  record Outcome(int exit, String out, String err) {}

  @BeforeAll
  static void data() {
    Fixtures.log(dir.resolve("base.parquet"), 1200, 0.3, false);
    Fixtures.log(dir.resolve("cur.parquet"), 1200, 0.4, true);
    Fixtures.log(dir.resolve("cur.csv"), 1200, 0.4, true);
    Fixtures.log(dir.resolve("base.csv"), 1200, 0.3, false);
    Fixtures.sql(
        "COPY (SELECT * EXCLUDE (income), CAST(income AS VARCHAR) AS income FROM '"
            + dir.resolve("cur.parquet")
            + "') TO '"
            + dir.resolve("retyped.parquet")
            + "' (FORMAT parquet)");
  }

  static Outcome andon(String... args) {
    CommandLine cl = AndonCli.commandLine(args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Outcome(exit, out.toString(), err.toString());
  }

  /** {@code andon monitor MONITOR --engine spark --master local[2] --home HOME EXTRA...}. */
  static Outcome onLocalSpark(Path monitor, Path home, String... extra) {
    List<String> args = onSpark(monitor, "local[2]", home);
    args.addAll(List.of(extra));
    return andon(args.toArray(String[]::new));
  }

  /** The arguments of {@code andon monitor MONITOR --engine spark --master MASTER --home HOME}. */
  static List<String> onSpark(Path monitor, String master, Path home) {
    return new java.util.ArrayList<>(
        List.of(
            "monitor",
            monitor.toString(),
            "--engine",
            "spark",
            "--master",
            master,
            "--home",
            home.toString()));
  }

  static Path monitor(String name, String table, String extra) {
    return Fixtures.write(
        dir.resolve(name + ".yaml"),
        "name: "
            + name
            + "\ntable: "
            + table
            + "\nbaseline_table: base.parquet\nprofile_type: time_series\ntimestamp_col: ts\n"
            + "granularities: [\"1 day\"]\n"
            + extra);
  }

  static long storedRows(Path home, String monitor) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve(Store.DB_FILE));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM profile_metrics WHERE monitor_name = '" + monitor + "'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aMonitorOnSparkStoresItsRowsLikeOnOneMachine() throws Exception {
    Path home = dir.resolve("home-ok");
    Path m =
        Fixtures.write(
            dir.resolve("good.yaml"),
            "name: good\ntable: cur.csv\nbaseline_table: base.csv\nprofile_type: time_series\n"
                + "timestamp_col: ts\ngranularities: [\"1 day\"]\nslicing_exprs: [country]\n");
    Path delta = dir.resolve("delta-ok");
    Outcome o = onLocalSpark(m, home, "--delta", delta.toString());
    assertThat(o.exit()).as(o.err()).isZero();
    assertThat(o.out()).contains("monitor good:").contains("profile rows");
    assertThat(storedRows(home, "good")).isGreaterThan(10);
    assertThat(delta.resolve("profile_metrics/_delta_log")).isDirectory();
    assertThat(delta.resolve("drift_metrics/_delta_log")).isDirectory();
  }

  @Test
  void aMissingTableIsInvalidInputNamingIt() {
    Outcome o =
        andon("monitor", monitor("missing", "nope.parquet", "").toString(), "--engine", "spark");
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("nope.parquet").contains("no such file");
  }

  @Test
  void aBaselineWithOtherColumnTypesIsInvalidInputListingThem() throws Exception {
    Path home = dir.resolve("home-schema");
    Outcome o =
        andon(
            "monitor",
            monitor("schema", "retyped.parquet", "").toString(),
            "--engine",
            "spark",
            "--master",
            "local[2]",
            "--home",
            home.toString());
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("differ in their columns").contains("'income' is VARCHAR");
  }

  @Test
  void aTimestampColumnOfNumbersIsInvalidInput() {
    Path m =
        Fixtures.write(
            dir.resolve("wrongtype.yaml"),
            "name: wrongtype\ntable: cur.parquet\nprofile_type: time_series\n"
                + "timestamp_col: items\ngranularities: [\"1 day\"]\n");
    Outcome o = andon("monitor", m.toString(), "--engine", "spark", "--master", "local[2]");
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("timestamp_col 'items' is BIGINT, not a timestamp");
  }

  @Test
  void anUnreachableMasterIsReportedWithinSecondsNotAfterSparksRetries() {
    long t0 = System.nanoTime();
    Outcome o =
        andon(
            "monitor",
            monitor("unreachable", "cur.parquet", "").toString(),
            "--engine",
            "spark",
            "--master",
            "spark://127.0.0.1:1");
    assertThat(o.exit()).isEqualTo(2);
    assertThat(o.err()).contains("cannot reach the Spark master spark://127.0.0.1:1");
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(30);
  }

  @Test
  void sparkSettingsWithoutTheSparkEngineAreRefused() {
    for (List<String> extra :
        List.of(
            List.of("--master", "local[2]"),
            List.of("--spark-conf", "a=b"),
            List.of("--delta", dir.resolve("never").toString()))) {
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of(
                      "monitor", monitor("plain", "cur.parquet", "").toString()),
                  extra.stream())
              .toArray(String[]::new);
      Outcome o = andon(args);
      assertThat(o.exit()).isEqualTo(2);
      assertThat(o.err()).contains("applies to --engine spark only");
    }
  }

  @Test
  void aJobThatFailsOnTheClusterStoresNothing() throws Exception {
    Path home = dir.resolve("home-fail");
    Path m =
        monitor(
            "failing",
            "cur.parquet",
            "custom_metrics:\n  - name: boom\n    type: aggregate\n    input_columns: [age]\n"
                + "    definition: max(raise_error('task failed on purpose'))\n");
    Outcome o = onLocalSpark(m, home);
    assertThat(o.exit()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains("the spark engine failed").contains("Nothing was stored");
    assertThat(home.resolve(Store.DB_FILE))
        .satisfiesAnyOf(
            p -> assertThat(p).doesNotExist(),
            p -> assertThat(storedRows(home, "failing")).isZero());
  }

  @Test
  void deltaTablesThatCannotBeWrittenAreInvalidInputAndNothingIsStored() throws Exception {
    Path home = dir.resolve("home-delta-fail");
    Path notAFolder = Fixtures.write(dir.resolve("a-file"), "not a folder\n");
    Outcome o =
        onLocalSpark(
            monitor("deltafail", "cur.parquet", ""), home, "--delta", notAFolder.toString());
    assertThat(o.exit()).as(o.err()).isEqualTo(2);
    assertThat(o.err()).contains("cannot append the run's profile_metrics to the Delta table");
    assertThat(home.resolve(Store.DB_FILE))
        .satisfiesAnyOf(
            p -> assertThat(p).doesNotExist(),
            p -> assertThat(storedRows(home, "deltafail")).isZero());
  }

  @Test
  void aMisspeltColumnIsInvalidInputAtItsFileLineBeforeSparkReadsARow() {
    Path m = monitor("misspelt", "cur.parquet", "columns: [age, incme]\n");
    Outcome o = andon("monitor", m.toString(), "--engine", "spark", "--master", "local[2]");
    assertThat(o.exit()).as(o.err()).isEqualTo(2);
    assertThat(o.err())
        .contains("misspelt.yaml:7:")
        .contains("'columns' names column 'incme'")
        .contains("income");
  }

  @Test
  void declaredBoundsAreRefusedAtTheirFileLineAsTheSparkEngineRunsNoDataQualityChecks() {
    Path m = monitor("bounded", "cur.parquet", "bounds:\n  age: {min: 0, max: 120}\n");
    Outcome o = andon("monitor", m.toString(), "--engine", "spark", "--master", "local[2]");
    assertThat(o.exit()).as(o.err()).isEqualTo(2);
    assertThat(o.err())
        .contains("bounded.yaml:8:")
        .contains("'bounds' of column 'age'")
        .contains("does not run");
    Outcome flag =
        andon(
            "monitor",
            monitor("flagged", "cur.parquet", "").toString(),
            "--bounds",
            "age=0:120",
            "--engine",
            "spark",
            "--master",
            "local[2]");
    assertThat(flag.exit()).as(flag.err()).isEqualTo(2);
    assertThat(flag.err()).contains("--bounds").contains("'bounds' of column 'age'");
  }
}
