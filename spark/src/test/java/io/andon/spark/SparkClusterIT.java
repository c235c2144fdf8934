package io.andon.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.EngineSettings;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorRun;
import io.andon.monitor.MonitorSpec;
import io.andon.store.Store;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spark engine on a real standalone cluster on this machine: a master and two workers started
 * as JVMs of their own on 127.0.0.1, andon's driver in this JVM shipping andon-spark.jar to the
 * executors through {@code spark.jars}, as a user's {@code --spark-conf} would. Runs after the jar
 * is built ({@code mvn verify}).
 */
class SparkClusterIT {
  @TempDir static Path dir;
  static StandaloneCluster cluster;
  static MonitorSpec spec;
  static Path monitor;
  static MonitorResult duck;
  static MonitorResult local;

  @BeforeAll
  static void start() {
    monitor = Fixtures.inferenceLog(dir);
    spec = MonitorLoader.load(monitor);
    duck = new MonitorRun(spec, SameRows.CLOCK, line -> {}).run();
    local =
        new SparkEngine()
            .run(
                spec,
                new EngineSettings(Optional.of("local[2]"), Map.of()),
                SameRows.CLOCK,
                line -> {});
    cluster = StandaloneCluster.start(dir, 2);
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** What a user passes to run on the cluster from this machine. */
  static Map<String, String> conf() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("spark.jars", System.getProperty("andon.spark.jar"));
    c.put("spark.driver.host", "127.0.0.1");
    c.put("spark.driver.bindAddress", "127.0.0.1");
    c.put("spark.executor.memory", "512m");
    return c;
  }

  static MonitorResult onCluster() {
    return new SparkEngine()
        .run(spec, new EngineSettings(Optional.of(cluster.url()), conf()), SameRows.CLOCK, l -> {});
  }

  @Test
  void aMonitorOnTwoWorkersWritesTheRowsOfLocalModeWithinTheSameBounds() {
    MonitorResult r = onCluster();
    SameRows.assertSameRows(duck, r);
    assertThat(SameRows.keys(r)).isEqualTo(SameRows.keys(local));
    assertThat(r.verdict().outcome()).isEqualTo(local.verdict().outcome());
  }

  @Test
  void anExecutorKilledMidJobIsReplacedBySparkAndTheRowsStillMatch() throws Exception {
    CompletableFuture<MonitorResult> run = CompletableFuture.supplyAsync(SparkClusterIT::onCluster);
    ProcessHandle victim = awaitBusyExecutor(run::isDone);
    assertThat(run).as("the run had not finished when its executor was killed").isNotDone();
    victim.destroyForcibly();
    MonitorResult r = run.get(5, TimeUnit.MINUTES);
    assertThat(victim.isAlive()).isFalse();
    SameRows.assertSameRows(duck, r);
    assertThat(SameRows.keys(r)).isEqualTo(SameRows.keys(local));
  }

  @Test
  void whenEveryExecutorDiesTheRunEndsInOneParagraphExit2AndStoresNothing() throws Exception {
    Path home = dir.resolve("home-dead");
    List<String> args = SparkBadInputTest.onSpark(monitor, cluster.url(), home);
    conf().forEach((k, v) -> args.addAll(List.of("--spark-conf", k + "=" + v)));
    args.addAll(List.of("--spark-conf", "spark.task.maxFailures=2"));
    CompletableFuture<SparkBadInputTest.Outcome> run =
        CompletableFuture.supplyAsync(() -> SparkBadInputTest.andon(args.toArray(String[]::new)));
    int killed = 0;
    long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
    while (!run.isDone() && System.nanoTime() < end) {
      for (ProcessHandle e : cluster.busyExecutors()) {
        e.destroyForcibly();
        killed++;
      }
      Thread.sleep(100);
    }
    SparkBadInputTest.Outcome o = run.get(1, TimeUnit.MINUTES);
    assertThat(killed).isPositive();
    assertThat(o.exit()).as(o.err()).isEqualTo(2);
    assertThat(o.err().strip().split("\n\n")).as(o.err()).hasSize(1);
    assertThat(o.err()).contains("the spark engine failed").contains("Nothing was stored");
    assertThat(home.resolve(Store.DB_FILE))
        .satisfiesAnyOf(
            p -> assertThat(p).doesNotExist(),
            p -> assertThat(SparkBadInputTest.storedRows(home, spec.name())).isZero());
  }

  /** The first executor that runs a task, while {@code done} is false. */
  private static ProcessHandle awaitBusyExecutor(Supplier<Boolean> done) throws Exception {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!done.get() && System.nanoTime() < end) {
      List<ProcessHandle> busy = cluster.busyExecutors();
      if (!busy.isEmpty()) {
        return busy.get(0);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no executor ran a task before the run ended");
  }
}
