package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's verdicts: settings read from the monitor file, NOT_ENOUGH_DATA for small slices,
 * and the false-alarm rate over many windows, slices and columns of stationary data.
 */
class MonitorVerdictTest {
  @TempDir Path dir;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

  private static final String[] REGIONS = {"north", "south", "east", "west"};

  /**
   * A stationary log: per day, 560 rows in each of four regions and 150 in a small one; two
   * normals, a lognormal, a small-integer column with many ties, integers 0-999, a 40-category and
   * a 10-category column with skewed frequencies, a flag, and a request id.
   */
  private Path log(String name, int days, long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb =
        new StringBuilder("ts,region,request_id,x,amount,visits,shop,flag,y," + "grade,score\n");
    long id = seed * 10_000_000L;
    for (int day = 1; day <= days; day++) {
      for (int i = 0; i < 4 * 560 + 150; i++) {
        String region = i < 4 * 560 ? REGIONS[i % 4] : "tiny";
        int shop = (int) Math.floor(40 * Math.pow(r.nextDouble(), 2));
        int visits = 0;
        double l = Math.exp(-3);
        double prod = r.nextDouble();
        while (prod > l) {
          visits++;
          prod *= r.nextDouble();
        }
        sb.append(
            String.format(
                Locale.ROOT,
                "2026-11-%02d %02d:%02d:00,%s,%d,%.5f,%.4f,%d,s%d,%s," + "%.3f,%s,%d%n",
                day,
                i % 24,
                i % 60,
                region,
                id++,
                r.nextGaussian(),
                Math.exp(r.nextGaussian()),
                visits,
                shop,
                r.nextDouble() < 0.2 ? "yes" : "no",
                10 + 3 * r.nextGaussian(),
                "ABCDEFGHIJ".charAt((int) (10 * r.nextDouble() * r.nextDouble())),
                r.nextInt(1000)));
      }
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb);
    return p;
  }

  private MonitorResult run(String yaml) throws Exception {
    Path m = dir.resolve("m.yaml");
    Files.writeString(m, yaml);
    return new MonitorRun(MonitorLoader.load(m), CLOCK, line -> {}).run();
  }

  @Test
  void stationaryDataRaisesAtMostOneFalseAlarmPerThousandComparisons() throws Exception {
    log("log.csv", 14, 1);
    log("base.csv", 1, 2);
    MonitorResult r =
        run(
            """
        table: log.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 day"]
        baseline_table: base.csv
        slicing_exprs: [region]
        """);
    long compared =
        r.drifts().stream()
            .filter(
                d ->
                    d.drift().status() == ColumnDrift.Status.DRIFT
                        || d.drift().status() == ColumnDrift.Status.NO_DRIFT)
            .count();
    long alarms = r.drifts().stream().filter(d -> d.drift().driftDetected()).count();
    long small =
        r.drifts().stream().filter(d -> d.group().sliceValue().orElse("").equals("tiny")).count();
    assertThat(compared).isGreaterThanOrEqualTo(1000);
    assertThat(alarms)
        .as(
            r.drifts().stream()
                .filter(d -> d.drift().driftDetected())
                .map(d -> d.group() + " " + d.drift().columnName() + ": " + d.drift().reason())
                .toList()
                .toString())
        .isLessThanOrEqualTo(compared / 1000);
    assertThat(small).isPositive();
    assertThat(
            r.drifts().stream()
                .filter(d -> d.group().sliceValue().orElse("").equals("tiny"))
                .allMatch(
                    d ->
                        d.drift().status() == ColumnDrift.Status.NOT_ENOUGH_DATA
                            || d.drift().status() == ColumnDrift.Status.CONSTANT))
        .isTrue();
    assertThat(r.warnings().toString()).contains("'request_id' looks like an id");
    assertThat(r.drifts()).noneMatch(d -> d.drift().columnName().equals("request_id"));
  }

  @Test
  void thresholdsMinimumSampleAndDriftShareComeFromTheMonitorFile() throws Exception {
    log("log.csv", 1, 3);
    log("base.csv", 1, 4);
    MonitorResult r =
        run(
            """
        table: log.csv
        baseline_table: base.csv
        slicing_exprs: [region]
        ignore: [flag, grade]
        min_sample: 100
        drift_share: 0.5
        thresholds:
          pvalue: 0.05
        column_thresholds:
          x: {wasserstein_distance_normed: 0.0001, pvalue: 1}
        """);
    assertThat(r.options().minSample()).isEqualTo(100);
    assertThat(r.profiles())
        .noneMatch(p -> p.columnName().equals("flag") || p.columnName().equals("grade"));
    assertThat(r.drifts()).noneMatch(d -> d.drift().columnName().equals("flag"));
    assertThat(r.options().driftShare().getAsDouble()).isEqualTo(0.5);
    assertThat(r.options().thresholds().alpha()).isEqualTo(0.05);
    assertThat(r.options().thresholdsFor("x").wassersteinNormed()).isEqualTo(0.0001);
    assertThat(r.options().thresholdsFor("y").wassersteinNormed()).isEqualTo(0.25);
    assertThat(r.drifts())
        .filteredOn(d -> d.drift().columnName().equals("x"))
        .allMatch(d -> d.drift().reason().contains("wasserstein_distance_normed"))
        .allMatch(d -> d.drift().reason().contains(">= 1.000e-04"));
    assertThat(r.drifts())
        .filteredOn(d -> d.group().sliceValue().orElse("").equals("tiny"))
        .noneMatch(d -> d.drift().status() == ColumnDrift.Status.NOT_ENOUGH_DATA);
    assertThat(r.verdict().outcome()).isEqualTo(Verdict.Outcome.NO_DRIFT);
    assertThat(r.verdict().rule())
        .contains("at least 50% of the compared columns")
        .contains("thresholds of their own for x");
  }

  @Test
  void badVerdictSettingsAreReportedWithTheirLine() throws Exception {
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m,
        """
        table: log.csv
        drift_share: 2
        min_sample: 0
        thresholds:
          psi: 0.1
          js_distance: -1
        """);
    assertThatThrownBy(() -> MonitorLoader.load(m))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("m.yaml:2:14")
        .hasMessageContaining("drift_share must be a share")
        .hasMessageContaining("m.yaml:3:13")
        .hasMessageContaining("min_sample must be")
        .hasMessageContaining("m.yaml:5:3")
        .hasMessageContaining("unknown key 'psi'")
        .hasMessageContaining("m.yaml:6:16")
        .hasMessageContaining("js_distance");
    log("log.csv", 1, 5);
    Files.writeString(m, "table: log.csv\nignore: [flg]\n");
    assertThatThrownBy(() -> new MonitorRun(MonitorLoader.load(m), CLOCK, line -> {}).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("m.yaml:2:10: 'ignore' names column 'flg'")
        .hasMessageContaining("Did you mean 'flag'?");
  }
}
