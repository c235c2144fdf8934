package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code andon monitor --sketch / --exact / --sketch-above}: the mode asked, and asking wrong. */
class MonitorSketchFlagsTest {
  @TempDir Path dir;
  Path monitor;

  @BeforeEach
  void data() throws Exception {
    StringBuilder base = new StringBuilder("x,k\n");
    StringBuilder cur = new StringBuilder("x,k\n");
    for (int i = 0; i < 2000; i++) {
      base.append(i % 97 * 0.5).append(',').append(i % 7).append('\n');
      cur.append(i % 89 * 0.5).append(',').append(i % 7).append('\n');
    }
    Files.writeString(dir.resolve("base.csv"), base);
    Files.writeString(dir.resolve("cur.csv"), cur);
    monitor = dir.resolve("m.yaml");
    Files.writeString(
        monitor, "name: flags\ntable: cur.csv\nbaseline_table: base.csv\nprofile_type: snapshot\n");
  }

  @Test
  void sketchAboveZeroSwitchesToSketchesAndTheOutputSaysHowToForceExact() {
    Cli r = Cli.run("monitor", monitor.toString(), "--no-store", "--sketch-above", "0");
    assertThat(r.exit).as(r.err).isZero();
    assertThat(r.out).contains("(--sketch-above): numeric columns profiled and compared from");
    assertThat(r.out).contains("pass --exact to hold every value");
    Cli exact =
        Cli.run("monitor", monitor.toString(), "--no-store", "--sketch-above", "0", "--exact");
    assertThat(exact.exit).as(exact.err).isZero();
    assertThat(exact.out).doesNotContain("sketches");
  }

  @Test
  void sketchAndExactTogetherAreRefusedWithExit2() {
    Cli r = Cli.run("monitor", monitor.toString(), "--no-store", "--sketch", "--exact");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--sketch and --exact contradict each other");
  }

  @Test
  void aNegativeSketchAboveIsRefusedWithExit2() {
    Cli r = Cli.run("monitor", monitor.toString(), "--no-store", "--sketch-above", "-1");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--sketch-above must be 0 or more, got -1");
  }

  @Test
  void sketchWithTheSparkEngineIsRefusedRatherThanIgnored() {
    Cli r = Cli.run("monitor", monitor.toString(), "--no-store", "--engine", "spark", "--sketch");
    assertThat(r.exit).isEqualTo(2);
    assertThat(r.err).contains("--sketch applies to --engine duckdb only");
  }
}
