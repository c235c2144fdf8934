package io.andon.ui.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.JobHarness;
import io.andon.monitor.DriftOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The monitors page's data from a real inference-log monitor run in a real store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorsTest {
  @TempDir static Path tmp;
  JobHarness h;
  Monitors monitors;

  @BeforeAll
  void runTheMonitor() {
    h = new JobHarness(tmp);
    ResultsFixture.write(tmp);
    h.run(
        """
        name: monitor_only
        tasks:
          - task_key: monitor
            monitor_task: {monitor_file: scoring.yaml}
        """);
    monitors = new Monitors(h.store, name -> Optional.empty());
  }

  @AfterAll
  void close() {
    h.close();
  }

  @Test
  void theListNamesEachMonitorWithItsLastRunAndWhetherItDrifted() {
    assertThat(monitors.list())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.name()).isEqualTo(ResultsFixture.MONITOR);
              assertThat(m.columns()).isEqualTo(2);
              assertThat(m.drifted()).isTrue();
            });
  }

  @Test
  void aColumnsChartsHaveOnePointPerWindowAgainstBaselineAndPreviousWindowWithThresholds() {
    MonitorView v = monitors.find(ResultsFixture.MONITOR, choice("x", null, null)).orElseThrow();
    assertThat(v.columns()).containsExactly("country", "x");
    assertThat(v.slices()).containsExactly("country=DE", "country=FR", "country=US");
    assertThat(v.models()).containsExactly("v1", "v2");
    assertThat(v.granularities()).containsExactly("1 day");
    MonitorView.Chart psi = chart(v, "population_stability_index");
    assertThat(psi.threshold()).hasValue(0.25);
    assertThat(psi.series())
        .extracting(MonitorView.Series::label)
        .containsExactly("against the baseline", "against the previous window");
    MonitorView.Series base = psi.series().get(0);
    assertThat(base.windows())
        .containsExactly("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06");
    assertThat(base.values()).allMatch(OptionalDouble::isPresent);
    assertThat(base.values().get(4).getAsDouble())
        .isGreaterThan(base.values().get(0).getAsDouble());
    assertThat(psi.series().get(1).values().get(0)).isEmpty();
    assertThat(chart(v, "percent_null").series().get(0).values())
        .allMatch(OptionalDouble::isPresent);
    assertThat(v.thresholdsFrom()).contains("defaults");
  }

  @Test
  void theMonitorFilesColumnThresholdsDrawTheThresholdLines() {
    Monitors withFile =
        new Monitors(
            h.store,
            name ->
                Optional.of(
                    new Monitors.Settings(
                        new DriftOptions(
                            List.of(),
                            Set.of(),
                            Set.of(),
                            Set.of(),
                            10,
                            DriftOptions.Thresholds.DEFAULT,
                            Map.of(
                                "x",
                                DriftOptions.Thresholds.DEFAULT.with(
                                    "population_stability_index", 0.2)),
                            OptionalDouble.empty(),
                            50,
                            1),
                        "scoring.yaml")));
    MonitorView v = withFile.find(ResultsFixture.MONITOR, choice("x", null, null)).orElseThrow();
    assertThat(chart(v, "population_stability_index").threshold()).hasValue(0.2);
    assertThat(v.thresholdsFrom()).isEqualTo("scoring.yaml");
  }

  @Test
  void aSliceAndAModelNarrowTheChartsAndModelQualityIsChartedPerWindow() {
    MonitorView all = monitors.find(ResultsFixture.MONITOR, choice("x", null, null)).orElseThrow();
    MonitorView fr =
        monitors.find(ResultsFixture.MONITOR, choice("x", "country=FR", "v1")).orElseThrow();
    assertThat(fr.selection().slice()).contains("country=FR");
    assertThat(fr.selection().model()).contains("v1");
    assertThat(chart(fr, "avg").series().get(0).values().get(0))
        .isNotEqualTo(chart(all, "avg").series().get(0).values().get(0));
    assertThat(all.modelCharts())
        .extracting(MonitorView.Chart::metric)
        .contains("accuracy_score", "f1_macro");
    MonitorView.Series acc = all.modelCharts().get(0).series().get(0);
    assertThat(acc.values().get(0).getAsDouble()).isGreaterThan(acc.values().get(4).getAsDouble());
  }

  @Test
  void theLatestWindowsHistogramIsDrawnAgainstTheBaseline() {
    MonitorView x = monitors.find(ResultsFixture.MONITOR, choice("x", null, null)).orElseThrow();
    MonitorView.Histogram hx = x.histogram().orElseThrow();
    assertThat(hx.numeric()).isTrue();
    assertThat(hx.window()).isEqualTo("2026-03-06 against the baseline");
    assertThat(hx.bars().labels()).hasSize(Histograms.BINS);
    MonitorView c =
        monitors.find(ResultsFixture.MONITOR, choice("country", null, null)).orElseThrow();
    MonitorView.Histogram hc = c.histogram().orElseThrow();
    assertThat(hc.numeric()).isFalse();
    assertThat(hc.bars().labels()).contains("FR", "DE", "US");
    assertThat(hc.bars().baseline().get(hc.bars().labels().indexOf("US"))).isZero();
  }

  @Test
  void anUnknownColumnFallsBackToADriftedOneAndAnUnknownMonitorFindsNothing() {
    MonitorView v =
        monitors.find(ResultsFixture.MONITOR, choice("nope", "a=b", "v9")).orElseThrow();
    assertThat(v.selection().column()).isIn("x", "country");
    assertThat(v.selection().slice()).isEmpty();
    assertThat(v.selection().model()).isEmpty();
    assertThat(monitors.find("nope", Monitors.Choice.DEFAULT)).isEmpty();
  }

  private static Monitors.Choice choice(String column, String slice, String model) {
    return new Monitors.Choice(
        Optional.ofNullable(column),
        Optional.ofNullable(slice),
        Optional.ofNullable(model),
        Optional.empty());
  }

  private static MonitorView.Chart chart(MonitorView v, String metric) {
    return v.charts().stream().filter(c -> c.metric().equals(metric)).findFirst().orElseThrow();
  }
}
