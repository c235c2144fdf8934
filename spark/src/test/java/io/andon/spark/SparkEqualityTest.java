package io.andon.spark;

import io.andon.monitor.EngineSettings;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine on local[2] against the single-machine engine on the same monitor (an inference
 * log with two models, two granularities, two slices, a baseline and custom metrics): every exact
 * metric equal (to 1e-9), every sketch-based one within its bound, the same rows and verdicts.
 */
class SparkEqualityTest {
  @TempDir static Path dir;
  static MonitorResult duck;
  static MonitorResult spark;

  @BeforeAll
  static void runBoth() {
    MonitorSpec spec = MonitorLoader.load(Fixtures.inferenceLog(dir));
    duck = new MonitorRun(spec, SameRows.CLOCK, line -> {}).run();
    spark =
        new SparkEngine()
            .run(
                spec,
                new EngineSettings(Optional.of("local[2]"), Map.of()),
                SameRows.CLOCK,
                line -> {});
  }

  @Test
  void bothEnginesWriteTheSameProfileRowsWithTheSameExactMetrics() {
    SameRows.assertSameProfiles(duck, spark);
  }

  @Test
  void bothEnginesWriteTheSameDriftRowsExactWhereExactAndSketchedWithinTheirBounds() {
    SameRows.assertSameDrifts(duck, spark);
  }

  @Test
  void bothEnginesGiveEachGroupTheSameTableDriftAndTheRunTheSameVerdict() {
    SameRows.assertSameTableDrifts(duck, spark);
  }
}
