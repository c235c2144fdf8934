package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

  @BeforeEach
  void data() throws IOException {
    StringBuilder base = new StringBuilder("age,income\n");
    StringBuilder ok = new StringBuilder("ts,age,income\n");
    StringBuilder bad = new StringBuilder("ts,age,income\n");
    for (int i = 0; i < 800; i++) {
      base.append(18 + i % 80).append(',').append(1000 + i).append('\n');
    }
    for (int d = 1; d <= 2; d++) {
      for (int i = 0; i < 800; i++) {
        String ts = String.format("2026-02-0%dT%02d:%02d:00Z", d, i / 60 % 24, i % 60);
        String income = "," + (1000 + (i * 7) % 800) + "\n";
        ok.append(ts).append(',').append(18 + (i * 3) % 80).append(income);
        bad.append(ts)
            .append(',')
            .append(d == 2 && i < 12 ? 130 : 18 + (i * 3) % 80)
            .append(income);
      }
    }
    Files.writeString(dir.resolve("base.csv"), base);
    Files.writeString(dir.resolve("ok.csv"), ok);
    Files.writeString(dir.resolve("bad.csv"), bad);
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

  private Path drift(String current) {
    Path json = dir.resolve("drift.json");
    Cli c =
        Cli.run(
            "drift",
            "--baseline",
            dir.resolve("base.csv").toString(),
            "--current",
            dir.resolve(current).toString(),
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
    Files.writeString(
        dir.resolve("m.yaml"),
        """
        name: ages
        table: bad.csv
        baseline_table: base.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 day"]
        bounds:
          age: {min: 0, max: 120}
        """);
    Path json = dir.resolve("monitor.json");
    Cli m =
        Cli.run(
            "monitor",
            "--no-store",
            dir.resolve("m.yaml").toString(),
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
            dir.resolve("m.yaml").toString(),
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
    Files.writeString(
        dir.resolve("m.yaml"),
        """
        name: ages
        table: bad.csv
        baseline_table: base.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 day"]
        bounds:
          age: {min: 0, max: 120}
        """);
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
    assertThat(Cli.run("monitor", "--home", bad, dir.resolve("m.yaml").toString()).exit).isZero();
    assertThat(
            Cli.run(
                    "monitor",
                    "--home",
                    wide,
                    dir.resolve("m.yaml").toString(),
                    "--bounds",
                    "age=0:200")
                .exit)
        .isZero();
    Cli triggered = Cli.run("alerts", "check", dir.resolve("alerts.yml").toString(), "--home", bad);
    assertThat(triggered.exit).as(triggered.toString()).isEqualTo(1);
    assertThat(triggered.out).containsPattern("ages_quality\\s+TRIGGERED");
    Cli ok = Cli.run("alerts", "check", dir.resolve("alerts.yml").toString(), "--home", wide);
    assertThat(ok.exit).as(ok.toString()).isZero();
    assertThat(ok.out).containsPattern("ages_quality\\s+OK");
  }
}
