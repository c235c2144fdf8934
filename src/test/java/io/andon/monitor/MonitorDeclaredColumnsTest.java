package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.monitor.quality.Bounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columns a monitor file names: {@code bounds} used by the out_of_range check of every window,
 * and every named column checked against the table, with its file:line, before any row is computed.
 * The data: a baseline of ages 0..199, two days of 600 rows; day 2 has 7 ages of 150, inside the
 * baseline's range but outside the declared bounds 0..120.
 */
class MonitorDeclaredColumnsTest {
  @TempDir Path dir;

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-05T00:00:00Z"), ZoneOffset.UTC);

  @BeforeEach
  void data() throws IOException {
    StringBuilder base = new StringBuilder("age,country\n");
    for (int i = 0; i < 600; i++) {
      base.append(i % 200).append(',').append(i % 2 == 0 ? "FR" : "DE").append('\n');
    }
    Files.writeString(dir.resolve("base.csv"), base);
    StringBuilder cur = new StringBuilder("ts,age,country\n");
    for (int d = 1; d <= 2; d++) {
      for (int i = 0; i < 600; i++) {
        int age = d == 2 && i < 7 ? 150 : 20 + i % 50;
        cur.append(String.format("2026-01-0%dT%02d:%02d:00Z", d, i / 60 % 24, i % 60))
            .append(',')
            .append(age)
            .append(',')
            .append(i % 2 == 0 ? "FR" : "DE")
            .append('\n');
      }
    }
    Files.writeString(dir.resolve("cur.csv"), cur);
  }

  private Path monitor(String extra) throws IOException {
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m,
        """
        name: declared
        table: cur.csv
        baseline_table: base.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 day"]
        min_sample: 100
        """
            + extra);
    return m;
  }

  /** "2026-01-02T00:00:00Z 7 true": out_of_range of age per window. */
  private static List<String> outOfRange(MonitorResult r) {
    List<String> out = new ArrayList<>();
    for (MonitorResult.QualityRow q : r.quality()) {
      if (q.check().check().id().equals("out_of_range") && q.check().columnName().equals("age")) {
        out.add(
            q.group().windowStart().orElseThrow()
                + " "
                + q.check().count()
                + " "
                + q.check().failed());
      }
    }
    return out;
  }

  @Test
  void declaredBoundsReplaceTheBaselinesRangeInEveryWindow() throws IOException {
    MonitorSpec spec = MonitorLoader.load(monitor("bounds:\n  age: {min: 0, max: 120}\n"));
    assertThat(spec.bounds()).containsExactly(Map.entry("age", new Bounds(0, 120)));
    MonitorResult r = new MonitorRun(spec, CLOCK, line -> {}).run();
    assertThat(outOfRange(r))
        .containsExactly("2026-01-01T00:00:00Z 0 false", "2026-01-02T00:00:00Z 7 true");
    assertThat(
            r.quality().stream()
                .filter(q -> q.check().check().id().equals("out_of_range"))
                .map(q -> q.check().detail()))
        .allMatch(d -> d.contains("the declared bounds [0, 120]"));
  }

  @Test
  void withoutBoundsTheBaselinesWiderRangeLetsTheSameValuesPass() throws IOException {
    MonitorResult r = new MonitorRun(MonitorLoader.load(monitor("")), CLOCK, line -> {}).run();
    assertThat(outOfRange(r))
        .containsExactly("2026-01-01T00:00:00Z 0 false", "2026-01-02T00:00:00Z 0 false");
  }

  @Test
  void anOpenSideIsUnboundedAndTheCommandLineOverridesTheFile() throws IOException {
    MonitorSpec spec = MonitorLoader.load(monitor("bounds:\n  age: {max: 120}\n"));
    assertThat(spec.bounds().get("age").min()).isEqualTo(Double.NEGATIVE_INFINITY);
    MonitorSpec wider = spec.withBounds(Map.of("age", new Bounds(0, 200)), "--bounds");
    assertThat(outOfRange(new MonitorRun(wider, CLOCK, line -> {}).run()))
        .containsExactly("2026-01-01T00:00:00Z 0 false", "2026-01-02T00:00:00Z 0 false");
  }

  @Test
  void badBoundsAreRefusedAtLoadWithTheirPosition() throws IOException {
    Path m =
        monitor(
            """
            bounds:
              age: {min: 130, max: 120}
              score: {min: low}
              country: {min: 0, maxx: 1}
              flag: 5
            """);
    assertThatThrownBy(() -> MonitorLoader.load(m))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(
            m + ":9:9: the bounds of column 'age' have min 130 above max 120; min must be at most")
        .hasMessageContaining(m + ":10:16: 'min' must be a number, not 'low'")
        .hasMessageContaining(m + ":11:21: unknown key 'maxx'")
        .hasMessageContaining(m + ":12:9: the bounds of column 'flag' (min and max) must be a");
  }

  private List<String> progress = new ArrayList<>();

  private String runError(String extra) throws IOException {
    MonitorSpec spec = MonitorLoader.load(monitor(extra));
    InvalidInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidInputException.class, () -> new MonitorRun(spec, CLOCK, progress::add).run());
    assertThat(progress).noneMatch(l -> l.startsWith("granularity") || l.startsWith("chunked"));
    return e.getMessage();
  }

  @Test
  void boundsOfAColumnTheTableLacksOrOfATextColumnAreErrorsAtTheirLine() throws IOException {
    Path m = dir.resolve("m.yaml");
    String msg = runError("bounds:\n  agee: {max: 120}\n  country: {max: 1}\n");
    assertThat(msg)
        .startsWith("the monitor 'declared' names columns that do not fit its table cur.csv")
        .contains(m + ":9:3: 'bounds' names column 'agee', which ")
        .contains("Did you mean 'age'?")
        .contains(m + ":10:3: 'bounds' apply to numeric columns; column 'country' is VARCHAR");
  }

  @Test
  void everyColumnListOfTheMonitorIsCheckedBeforeAnyRowIsComputed() throws IOException {
    Path m = dir.resolve("m.yaml");
    String msg =
        runError(
            """
            columns: [age, countyr]
            ignore: [nope]
            column_thresholds:
              agge: {population_stability_index: 0.1}
            custom_metrics:
              - {name: span, type: aggregate, input_columns: [ag], definition: "max({{input_column}})"}
            multivariate:
              columns: [age, cuntry]
            """);
    assertThat(msg)
        .contains(m + ":8:16: 'columns' names column 'countyr'")
        .contains(m + ":9:10: 'ignore' names column 'nope'")
        .contains(m + ":11:3: 'column_thresholds' names column 'agge'")
        .contains(m + ":13:51: 'custom_metrics.input_columns' names column 'ag'")
        .contains(m + ":15:18: 'multivariate.columns' names column 'cuntry'");
  }

  @Test
  void aMultivariateColumnThatIsNotMonitoredIsAnErrorAtItsLine() throws IOException {
    Path m = dir.resolve("m.yaml");
    String msg = runError("multivariate:\n  columns: [age, ts]\n");
    assertThat(msg)
        .contains(
            m
                + ":9:18: 'multivariate.columns' names column 'ts', which the monitor does not"
                + " profile");
  }
}
