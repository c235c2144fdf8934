package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and run say what they accept and do not act on; --quiet hides it. */
class BundleNoticesCommandTest {
  static final String BUNDLE =
      Path.of("src/test/resources/bundles/valid/default-python/databricks.yml").toString();

  @TempDir Path tmp;

  @Test
  void validatePrintsEachKindOfIgnoredKeyOnceAndWarningsAsWarnings() {
    Cli c = Cli.run("validate", BUNDLE, "--home", tmp.toString());
    assertThat(c.exit).as(c.toString()).isZero();
    assertThat(c.out).contains("job default_python_job is valid (3 tasks, target dev)");
    // the address comes from the complex variable's default, where the warning points
    assertThat(c.err)
        .contains(
            "warning: "
                + BUNDLE
                + ":34:15: email_notifications of the job"
                + " lists addresses, but the job declares no e-mail destination")
        .contains("notice: ")
        .contains(
            ": compute settings, not used because andon runs every"
                + " task on this machine: job_clusters, job_cluster_key, new_cluster.\n")
        .doesNotContain("trigger");
    // the bundle's periodic trigger is read and shown, not noticed as ignored
    assertThat(c.out).contains("\n  trigger: every day\n");
    assertThat(c.err.lines().filter(l -> l.contains("compute settings"))).hasSize(1);
  }

  @Test
  void quietHidesTheNoticesAndRunLabelsThemNoticesAndStillRuns() {
    Cli quiet = Cli.run("validate", BUNDLE, "--quiet", "--home", tmp.toString());
    assertThat(quiet.exit).as(quiet.toString()).isZero();
    assertThat(quiet.err).isEmpty();
    Cli run = Cli.run("run", BUNDLE, "--home", tmp.toString(), "--max-parallel", "2");
    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.err)
        .contains("notice: ")
        .doesNotContain("warning: ")
        .contains(
            "email_notifications of the job lists addresses, but the job declares no"
                + " e-mail destination");
    assertThat(run.out).contains("SUCCESS");
  }
}
