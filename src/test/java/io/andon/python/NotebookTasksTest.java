package io.andon.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the bundle bundles/valid/notebooks-basic once with real Python processes: a shell task, a
 * source notebook, a Jupyter notebook, a Python file and a notebook reading secrets.
 */
class NotebookTasksTest {
  @TempDir static Path tmp;
  static Path home;
  static AndonProcess.Result run;

  @BeforeAll
  static void runTheBundle() throws Exception {
    home = tmp.resolve("home");
    Path secrets = tmp.resolve("secrets.json");
    Files.writeString(secrets, "{\"db\": {\"password\": \"pa55word-from-file\"}}");
    Map<String, String> env = new HashMap<>();
    env.put("ANDON_SECRET_APP_TOKEN", "s3cr3t-token-value");
    env.put("ANDON_SECRETS_FILE", secrets.toString());
    run =
        AndonProcess.run(
            env,
            "run",
            "--home",
            home.toString(),
            "--max-parallel",
            "2",
            AndonProcess.BUNDLES.resolve("valid/notebooks-basic/databricks.yml").toString());
  }

  @Test
  void everyPythonTaskOfTheBundleSucceeds() {
    assertThat(run.exit()).as(run.out()).isZero();
    assertThat(run.out()).contains("run 1 SUCCESS");
  }

  @Test
  void jobParametersWinOverBaseParametersAndDeclaredWidgetsFallBackToTheirDefault()
      throws Exception {
    String log = AndonProcess.log(home, "nb");
    assertThat(log)
        .contains("day=2024-01-02") // the job parameter, not base_parameters' 1999
        .contains("greeting=hello 5") // {{tasks.seed.values.count}} resolved first
        .contains("unset=fallback")
        .contains("getArgument=dflt");
  }

  @Test
  void runMagicSharesTheNamespaceAndShMagicRunsAShellAndMarkdownIsSkipped() throws Exception {
    String log = AndonProcess.log(home, "nb");
    assertThat(log)
        .contains("shell says hi")
        .doesNotContain("# Main")
        .contains("helper factor=2"); // %run ./helper $factor="2"
    assertThat(run.out()).containsPattern("nb +SUCCESS.*\"doubled\":10");
  }

  @Test
  void taskValuesFlowBothWaysBetweenShellTasksNotebooksAndPythonFiles() throws Exception {
    assertThat(AndonProcess.log(home, "lab")).contains("lab got 10");
    assertThat(AndonProcess.log(home, "script")).contains("doubled from nb: 10");
    assertThat(AndonProcess.log(home, "after")).contains("lab=2 script=--n 10");
  }

  @Test
  void notebookExitEndsTheNotebookAsASuccessAndIsItsOutputShownAndReadDownstream()
      throws Exception {
    String log = AndonProcess.log(home, "nb");
    assertThat(log).doesNotContain("not reached").doesNotContain("was caught");
    assertThat(AndonProcess.log(home, "after")).contains("out=finished 2024-01-02");
    AndonProcess.Result show =
        AndonProcess.run(Map.of(), "runs", "show", "1", "--home", home.toString());
    assertThat(show.out()).contains("exited with finished 2024-01-02");
  }

  @Test
  void notebookRunStartsAChildNotebookWithArgumentsAndReturnsItsExitValue() throws Exception {
    assertThat(AndonProcess.log(home, "nb")).contains("child=42");
  }

  @Test
  void dbfsPathsLiveUnderTheAndonHomeAndDisplayPrintsATable() throws Exception {
    assertThat(home.resolve("dbfs/basic/out.txt")).hasContent("written");
    assertThat(AndonProcess.log(home, "nb")).contains("ls=out.txt").contains("1  two");
  }

  @Test
  void secretsComeFromTheEnvironmentOrTheSecretsFileAndAreRedactedFromTheLog() throws Exception {
    String log = AndonProcess.log(home, "secret");
    assertThat(log)
        .contains("the token is [REDACTED]")
        .contains("from the file: [REDACTED]")
        .doesNotContain("s3cr3t-token-value")
        .doesNotContain("pa55word-from-file");
  }
}
