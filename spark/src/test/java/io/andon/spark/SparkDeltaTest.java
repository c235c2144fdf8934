package io.andon.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.monitor.EngineSettings;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Delta Lake on the spark engine (local[2]): the inference log monitor over Delta tables written by
 * Spark (the current one overwritten once, so its folder holds the files of two versions) gives the
 * rows the single-machine engine gives over the same data as Parquet, and {@code --delta DIR}
 * appends each run's rows to the Delta tables DIR/profile_metrics and DIR/drift_metrics.
 */
class SparkDeltaTest {
  @TempDir static Path dir;
  static SparkSessions.Session session;
  static MonitorResult duck;
  static MonitorResult spark;
  static MonitorSpec deltaSpec;

  @BeforeAll
  static void runOverDelta() throws IOException {
    Path parquetMonitor = Fixtures.inferenceLog(dir);
    duck = new MonitorRun(MonitorLoader.load(parquetMonitor), SameRows.CLOCK, line -> {}).run();
    session =
        SparkSessions.start(
            "delta test", new EngineSettings(Optional.of("local[2]"), Map.of()), line -> {});
    SparkSession s = session.spark();
    String cur = dir.resolve("cur_delta").toString();
    s.read().parquet(dir.resolve("base.parquet").toString()).write().format("delta").save(cur);
    s.read()
        .parquet(dir.resolve("cur.parquet").toString())
        .write()
        .format("delta")
        .mode("overwrite")
        .save(cur);
    s.read()
        .parquet(dir.resolve("base.parquet").toString())
        .write()
        .format("delta")
        .save(dir.resolve("base_delta").toString());
    Path deltaMonitor =
        Fixtures.write(
            dir.resolve("delta.yaml"),
            Files.readString(parquetMonitor)
                .replace("table: cur.parquet", "table: cur_delta")
                .replace("baseline_table: base.parquet", "baseline_table: base_delta"));
    deltaSpec = MonitorLoader.load(deltaMonitor);
    MonitorSpec spec = deltaSpec;
    // no master: the engine joins the running session, as inside a Spark application
    spark =
        new SparkEngine()
            .run(
                spec,
                new EngineSettings(
                    Optional.empty(), Map.of(), Optional.of(dir.resolve("metrics").toString())),
                SameRows.CLOCK,
                line -> {});
  }

  @AfterAll
  static void stop() {
    if (session != null) {
      session.close();
    }
  }

  @Test
  void aMonitorOverDeltaTablesReadsTheirCurrentVersionAndGivesTheRowsOfTheSameDataAsParquet() {
    SameRows.assertSameRows(duck, spark);
  }

  @Test
  void theSingleMachineEngineRefusesADeltaTableAndSaysToRunOnSpark() {
    assertThatThrownBy(() -> new MonitorRun(deltaSpec, SameRows.CLOCK, line -> {}).run())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("cur_delta: a Delta table")
        .hasMessageContaining("--engine spark");
  }

  @Test
  void theRunsRowsAreAppendedToDeltaTablesThatSparkReadsBack() {
    String profiles = dir.resolve("metrics/profile_metrics").toString();
    String drifts = dir.resolve("metrics/drift_metrics").toString();
    SparkSession s = session.spark();
    assertThat(s.read().format("delta").load(profiles).count()).isEqualTo(spark.profiles().size());
    assertThat(s.read().format("delta").load(drifts).count())
        .isEqualTo(spark.drifts().size() + spark.tableDrifts().size());
    Row r =
        s.read()
            .format("delta")
            .load(profiles)
            .where(
                "column_name = 'age' AND granularity = '1 day' AND model_id IS NULL"
                    + " AND slice_key IS NULL AND window_start = '2026-01-02T00:00:00Z'")
            .select("monitor_name", "count", "avg", "quantiles")
            .first();
    MonitorResult.ProfileRow age =
        spark.profiles().stream()
            .filter(
                p ->
                    p.columnName().equals("age")
                        && p.group().granularity().equals("1 day")
                        && p.group().modelId().isEmpty()
                        && p.group().sliceKey().isEmpty()
                        && p.group()
                            .windowStart()
                            .map(w -> w.toString().equals("2026-01-02T00:00:00Z"))
                            .orElse(false))
            .findFirst()
            .orElseThrow();
    assertThat(r.getString(0)).isEqualTo("eq");
    assertThat(r.getLong(1)).isEqualTo(age.metrics().get("count"));
    assertThat(r.getDouble(2)).isEqualTo(age.metrics().get("avg"));
    assertThat(r.getList(3)).isEqualTo(age.metrics().get("quantiles"));

    DeltaExport.write(s, spark, dir.resolve("metrics").toString());
    assertThat(s.read().format("delta").load(profiles).count())
        .isEqualTo(2L * spark.profiles().size());
    assertThat(s.sql("DESCRIBE HISTORY delta.`" + profiles + "`").count()).isEqualTo(2);
  }
}
