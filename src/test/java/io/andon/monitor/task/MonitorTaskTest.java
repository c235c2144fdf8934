package io.andon.monitor.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.engine.PayloadRunner;
import io.andon.engine.RecordingContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.store.Store;
import io.andon.store.StoreRows;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor_task payload: found by ServiceLoader, parsed with located problems, and run against
 * real files and the real store. The engine's executor is not on this branch, so the test hands the
 * runner a plain TaskContext that records task values, as the executor will.
 */
class MonitorTaskTest {
  @TempDir Path dir;

  private static YMap yaml(String text) {
    return (YMap) YamlReader.parse("job.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  private static PayloadType type() {
    return RecordingContext.type("monitor_task");
  }

  private static PayloadRunner runner() {
    return RecordingContext.runner("monitor_task");
  }

  /** A task context as the executor provides it: references replaced, values recorded. */
  private RecordingContext context(Map<String, String> references, Optional<Store> store) {
    return new RecordingContext(
        1, "job", "check_drift", dir, dir.resolve("home"), store, references);
  }

  @Test
  void invalidPayloadsAreReportedWithTheirPosition() {
    Problems p = new Problems();
    Optional<Payload> none = type().parse(yaml("baseline: a.csv\nfail_on_drif: true\n"), p, dir);
    assertThat(none).isEmpty();
    assertThat(p.list().toString())
        .contains("job.yaml:2:1")
        .contains("Did you mean" + " 'fail_on_drift'?")
        .contains("needs 'monitor_file', or both 'baseline' and 'current'");
  }

  @Test
  void aMonitorFileTakesItsEngineAndSparkSettingsAndRefusesThemElsewhere() {
    Problems ok = new Problems();
    Optional<Payload> spark =
        type()
            .parse(
                yaml(
                    "monitor_file: m.yaml\nengine: spark\nspark_conf:\n"
                        + "  spark.master: local[2]\n  spark.executor.memory: 2g\n"),
                ok,
                dir);
    assertThat(ok.list()).isEmpty();
    MonitorTaskPayload p = (MonitorTaskPayload) spark.orElseThrow();
    assertThat(p.engine()).isEqualTo("spark");
    assertThat(p.sparkConf())
        .containsExactly(
            Map.entry("spark.master", "local[2]"), Map.entry("spark.executor.memory", "2g"));
    Problems bad = new Problems();
    type()
        .parse(
            yaml("baseline: a.csv\ncurrent: b.csv\nengine: flink\nspark_conf: {a: b}\n"), bad, dir);
    assertThat(bad.list().toString())
        .contains("'engine' applies to monitor_file only")
        .contains("'spark_conf' applies with engine: spark only")
        .contains("engine must be duckdb or spark, not 'flink'");
  }

  private Path csv(String name, double shift, long seed) throws Exception {
    SplittableRandom r = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder("x\n");
    for (int i = 0; i < 2000; i++) {
      sb.append(String.format(Locale.ROOT, "%.5f%n", r.nextGaussian() + shift));
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb);
    return p;
  }

  @Test
  void comparisonFailsTheTaskOnDriftAndPublishesTaskValues() throws Exception {
    csv("base.csv", 0, 1);
    csv("day1.csv", 1.0, 2);
    Problems p = new Problems();
    Payload payload =
        type().parse(yaml("baseline: base.csv\ncurrent: '{{day}}.csv'\n"), p, dir).orElseThrow();
    assertThat(p.isEmpty()).isTrue();
    assertThat(payload.templates()).contains("{{day}}.csv");
    RecordingContext ctx = context(Map.of("{{day}}", "day1"), Optional.empty());
    TaskOutcome out = runner().run(payload, ctx);
    assertThat(out.success()).isFalse();
    assertThat(out.message()).contains("DRIFT (1 of 1 columns drifted, share 1)").contains("(x)");
    assertThat(ctx.values().get("drift_detected").asBoolean()).isTrue();
    assertThat(ctx.values().get("verdict").asText()).isEqualTo("DRIFT");
    assertThat(ctx.values().get("drifted_columns").get(0).asText()).isEqualTo("x");
    assertThat(ctx.values().get("drift_share").asDouble()).isEqualTo(1.0);
    assertThat(ctx.values().get("columns").get(0).path("column_name").asText()).isEqualTo("x");
    assertThat(ctx.values().get("columns").get(0).path("status").asText()).isEqualTo("DRIFT");
    assertThat(ctx.values().get("columns").get(0).has("population_stability_index")).isTrue();
  }

  @Test
  void monitorFileRunsAndStoresItsMetrics() throws Exception {
    csv("base.csv", 0, 1);
    csv("cur.csv", 0, 3);
    Files.writeString(dir.resolve("m.yaml"), "name: m\ntable: cur.csv\nbaseline_table: base.csv\n");
    Problems p = new Problems();
    Payload payload = type().parse(yaml("monitor_file: m.yaml\n"), p, dir).orElseThrow();
    try (Store store = Store.open(dir.resolve("home"))) {
      RecordingContext ctx = context(Map.of(), Optional.of(store));
      TaskOutcome out = runner().run(payload, ctx);
      assertThat(out.success()).as(out.message()).isTrue();
      assertThat(ctx.values().get("drift_rows").asInt()).isEqualTo(1);
      assertThat(ctx.values().get("monitor_name").asText()).isEqualTo("m");
      String runAt = ctx.values().get("run_at").asText();
      String rows =
          StoreRows.first(
              store,
              "SELECT count(*) FROM drift_metrics WHERE monitor_name='m'"
                  + " AND column_name <> ':table' AND run_at = '"
                  + runAt
                  + "'");
      assertThat(rows).isEqualTo("1");
    }
  }

  @Test
  void aMonitorFileWithChunkedMethodsPublishesHowManyAlert() throws Exception {
    io.andon.monitor.chunk.NannyFixtures.copy(dir, "classification_reference.csv");
    io.andon.monitor.chunk.NannyFixtures.copy(dir, "classification_analysis.csv");
    Files.writeString(
        dir.resolve("pca.yaml"),
        """
        table: classification_analysis.csv
        baseline_table: classification_reference.csv
        columns: [x1, x2, x3, c]
        min_sample: 200
        chunking: {by: size, size: 250}
        multivariate: {methods: [pca_reconstruction]}
        """);
    Payload payload =
        type()
            .parse(yaml("monitor_file: pca.yaml\nfail_on_drift: false\n"), new Problems(), dir)
            .orElseThrow();
    try (Store store = Store.open(dir.resolve("home"))) {
      RecordingContext ctx = context(Map.of(), Optional.of(store));
      TaskOutcome out = runner().run(payload, ctx);
      assertThat(out.success()).as(out.message()).isTrue();
      assertThat(ctx.values().get("chunked_alerts").asInt()).isEqualTo(1);
    }
  }
}
