package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.MonitorFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate over the data-quality rows of a real {@code andon drift} and {@code andon monitor} run,
 * selecting one row by several fields. The data: a baseline of ages 18..97 and incomes, and a
 * current table whose day 2 holds 12 ages of 130, outside the declared bounds 0..120.
 */
class DataQualityGateTest {
  @TempDir Path dir;
  private MonitorFixture fixture;

  @BeforeEach
  void data() throws IOException {
    fixture = new MonitorFixture(dir);
    fixture.table("base.csv", "age,income", 800, i -> (18 + i % 80) + "," + (1000 + i));
    fixture.daily("ok.csv", "ts,age,income", 2, 800, (d, i) -> row(d, i, 18 + (i * 3) % 80));
    fixture.daily(
        "bad.csv",
        "ts,age,income",
        2,
        800,
        (d, i) -> row(d, i, d == 2 && i < 12 ? 130 : 18 + (i * 3) % 80));
    Files.writeString(
        dir.resolve("gates.yml"),
        """
        gates:
          - name: age_in_range
            checks:
              - metric: drift.data_quality[check=out_of_range][column_name=age].count
                comparator: "<="
                threshold: 0
          - name: any_range
            checks:
              - metric: drift.data_quality[check=out_of_range].count
                comparator: "<="
                threshold: 0
          - name: no_such_column
            checks:
              - metric: drift.data_quality[check=out_of_range][column_name=weight].count
                comparator: "<="
                threshold: 0
          - name: day_two
            checks:
              - metric: >-
                  monitor.data_quality[check=out_of_range][column_name=age][window_start=2026-02-02T00:00:00Z].count
                comparator: "<="
                threshold: 0
          - name: every_day
            checks:
              - metric: monitor.data_quality[check=out_of_range][column_name=age].count
                comparator: "<="
                threshold: 0
        """);
  }

  private static String row(int day, int i, int age) {
    return MonitorFixture.stamp("2026-02", day, i) + "," + age + "," + (1000 + (i * 7) % 800);
  }

  /** Writes m.yaml: a daily monitor of bad.csv with the declared bounds 0..120 for age. */
  private Path agesMonitor() throws IOException {
    return fixture.timeSeriesMonitor(
        "ages", "bad.csv", "base.csv", "1 day", "bounds:\n  age: {min: 0, max: 120}\n");
  }

  private Path drift(String current) {
    Path json = dir.resolve("drift.json");
    Cli c =
        Cli.drift(
            dir.resolve("base.csv"),
            dir.resolve(current),
            "--ignore",
            "ts",
            "--bounds",
            "age=0:120",
            "--format",
            "json",
            "--output",
            json.toString());
    assertThat(c.exit).as(c.toString()).isIn(0, 1);
    return json;
  }

  private Cli gate(String gate, String metrics) {
    return Cli.run(
        "gate",
        "--home",
        dir.resolve("home").toString(),
        "--no-record",
        dir.resolve("gates.yml").toString(),
        "--gate",
        gate,
        "--metrics",
        metrics);
  }

  @Test
  void aRowSelectedByCheckAndColumnPassesOnCleanData() {
    Path json = drift("ok.csv");
    Cli g = gate("age_in_range", "drift=" + json);
    assertThat(g.exit).as(g.toString()).isZero();
    assertThat(g.out).contains("PASSED").contains("0 <= 0");
  }

  @Test
  void aRowSelectedByCheckAndColumnFailsWithTheCountOfValuesOutOfBounds() {
    Path json = drift("bad.csv");
    Cli g = gate("age_in_range", "drift=" + json);
    assertThat(g.exit).as(g.toString()).isEqualTo(1);
    assertThat(g.out).contains("FAILED").contains("12 is not <= 0");
  }

  @Test
  void aSelectorMatchingSeveralRowsOrNoneIsNotMeasuredNeverASilentPick() {
    Path json = drift("bad.csv");
    Cli several = gate("any_range", "drift=" + json);
    assertThat(several.exit).as(several.toString()).isEqualTo(1);
    assertThat(several.out)
        .contains("NOT_MEASURED")
        .contains("matches 2")
        .contains("column_name (age, income)");
    Cli none = gate("no_such_column", "drift=" + json);
    assertThat(none.exit).as(none.toString()).isEqualTo(1);
    assertThat(none.out).contains("NOT_MEASURED");
  }

  @Test
  void overAMonitorTheWindowIsOneMoreFieldOfTheSelector() throws IOException {
    Path monitor = agesMonitor();
    Path json = dir.resolve("monitor.json");
    Cli m =
        Cli.run(
            "monitor",
            "--no-store",
            monitor.toString(),
            "--format",
            "json",
            "--output",
            json.toString());
    assertThat(m.exit).as(m.toString()).isZero();
    Cli day2 = gate("day_two", "monitor=" + json);
    assertThat(day2.exit).as(day2.toString()).isEqualTo(1);
    assertThat(day2.out).contains("12 is not <= 0");
    Cli every = gate("every_day", "monitor=" + json);
    assertThat(every.out).contains("NOT_MEASURED").contains("window_start");
    Cli wider =
        Cli.run(
            "monitor",
            "--no-store",
            monitor.toString(),
            "--bounds",
            "age=0:200",
            "--format",
            "json",
            "--output",
            json.toString());
    assertThat(wider.exit).as(wider.toString()).isZero();
    Cli passes = gate("day_two", "monitor=" + json);
    assertThat(passes.exit).as(passes.toString()).isZero();
  }

  @Test
  void monitorHelpSaysTheCommandLineBoundsOverrideTheFile() {
    assertThat(Cli.run("monitor", "--help").out).contains("--bounds").contains("Overrides");
  }

  @Test
  void anAlertOverTheStoredDataQualityTableTriggersOnAValueOutOfBounds() throws IOException {
    Path monitor = agesMonitor();
    Files.writeString(
        dir.resolve("alerts.yml"),
        """
        alerts:
          - name: ages_quality
            query: >-
              SELECT count(*) AS failed FROM data_quality
              WHERE monitor_name = 'ages' AND failed = 1 AND check_name = 'out_of_range'
            condition: {column: failed, op: GREATER_THAN, threshold: 0}
        """);
    String bad = dir.resolve("bad-home").toString();
    String wide = dir.resolve("wide-home").toString();
    assertThat(Cli.run("monitor", "--home", bad, monitor.toString()).exit).isZero();
    assertThat(Cli.run("monitor", "--home", wide, monitor.toString(), "--bounds", "age=0:200").exit)
        .isZero();
    Cli triggered = Cli.run("alerts", "check", dir.resolve("alerts.yml").toString(), "--home", bad);
    assertThat(triggered.exit).as(triggered.toString()).isEqualTo(1);
    assertThat(triggered.out).containsPattern("ages_quality\\s+TRIGGERED");
    Cli ok = Cli.run("alerts", "check", dir.resolve("alerts.yml").toString(), "--home", wide);
    assertThat(ok.exit).as(ok.toString()).isZero();
    assertThat(ok.out).containsPattern("ages_quality\\s+OK");
  }
}
