package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.gate.GatesFile;
import io.andon.monitor.MonitorLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {
  @TempDir Path tmp;

  @Test
  void jobAndBundleTemplatesValidateAndRunAsWritten() throws Exception {
    Cli job = Cli.run("init", "--dir", tmp.toString());
    assertThat(job.exit).as(job.toString()).isZero();
    assertThat(job.out).contains("wrote " + tmp.resolve("job.yml"));
    assertThat(Files.readString(tmp.resolve("job.yml"))).contains("# ");
    Cli valid = Cli.run("validate", tmp.resolve("job.yml").toString());
    assertThat(valid.exit).as(valid.toString()).isZero();
    Cli ran =
        Cli.run("run", "--home", tmp.resolve("home").toString(), tmp.resolve("job.yml").toString());
    assertThat(ran.exit).as(ran.toString()).isZero();
    Cli bundle = Cli.run("init", "--template", "bundle", "--dir", tmp.toString());
    assertThat(bundle.exit).as(bundle.toString()).isZero();
    Cli validBundle = Cli.run("validate", tmp.resolve("databricks.yml").toString(), "-t", "prod");
    assertThat(validBundle.exit).as(validBundle.toString()).isZero();
  }

  @Test
  void gatesAndMonitorTemplatesLoadAsWritten() throws Exception {
    assertThat(Cli.run("init", "--template", "gates", "--dir", tmp.toString()).exit).isZero();
    assertThat(GatesFile.load(tmp.resolve("gates.yml")).gates()).isNotEmpty();
    Cli gate =
        Cli.run(
            "gate",
            "--home",
            tmp.resolve("home").toString(),
            tmp.resolve("gates.yml").toString(),
            "--metric",
            "accuracy=0.97",
            "--metric",
            "latency_p99_ms=80");
    assertThat(gate.exit).as(gate.toString()).isZero();
    assertThat(Cli.run("init", "--template", "monitor", "--dir", tmp.toString()).exit).isZero();
    assertThat(MonitorLoader.load(tmp.resolve("monitor.yml")).name()).isEqualTo("my-monitor");
  }

  @Test
  void initNeverOverwritesAFile() throws Exception {
    Files.writeString(tmp.resolve("job.yml"), "mine\n");
    Cli again = Cli.run("init", "--dir", tmp.toString());
    assertThat(again.exit).isEqualTo(2);
    assertThat(again.err).contains("exists already", "never overwrites");
    assertThat(Files.readString(tmp.resolve("job.yml"))).isEqualTo("mine\n");
  }
}
