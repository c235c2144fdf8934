package io.andon.python;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs bundles/valid/notebooks-failures once: every task fails in its own way, with a message
 * naming the file and cell, and the cleanup task (run_if ALL_DONE) still runs.
 */
class PythonTaskFailuresTest {
  @TempDir static Path home;
  static AndonProcess.Result run;

  /** {@code andon runs show 1 --json}, read once. */
  static String shown;

  @BeforeAll
  static void runTheBundle() throws Exception {
    run =
        AndonProcess.run(
            AndonProcess.offlinePip(),
            "run",
            "--home",
            home.toString(),
            "--max-parallel",
            "2",
            AndonProcess.BUNDLES.resolve("valid/notebooks-failures/databricks.yml").toString());
  }

  private static String detail(String task) throws Exception {
    if (shown == null) {
      shown =
          AndonProcess.run(Map.of(), "runs", "show", "1", "--json", "--home", home.toString())
              .out();
    }
    for (JsonNode t : Json.read(shown).path("tasks")) {
      if (t.path("task_key").asText().equals(task)) {
        return t.path("result_state").asText() + " " + t.path("message").asText();
      }
    }
    throw new AssertionError("no task " + task + " in " + shown);
  }

  @Test
  void theRestOfTheJobFollowsRunIfAndTheHistoryKeepsEveryTask() throws Exception {
    assertThat(run.out()).contains("cleanup").contains("SUCCESS_WITH_FAILURES");
    assertThat(detail("cleanup")).startsWith("SUCCESS");
  }

  @Test
  void aCellThatRaisesFailsItsTaskNamingTheFileTheCellAndItsLines() throws Exception {
    assertThat(detail("raises"))
        .isEqualTo(
            "FAILED task 'raises' cell 2 of src/raises.py"
                + " (lines 6-8) raised ValueError: bad row 3");
    assertThat(AndonProcess.log(home, "raises")).contains("raises.py\", line 8");
  }

  @Test
  void aNotebookThatDoesNotParseFailsAfterTheCellsBeforeIt() throws Exception {
    assertThat(detail("broken"))
        .isEqualTo(
            "FAILED task 'broken' cell 2 of src/broken.py"
                + " (lines 6-7) does not parse: SyntaxError: invalid syntax (line 6)");
    assertThat(AndonProcess.log(home, "broken")).contains("cell one runs");
  }

  @Test
  void aMissingNotebookFailsItsTaskNamingTheFile() throws Exception {
    assertThat(detail("missing")).startsWith("FAILED notebook src/nope does not exist");
  }

  @Test
  void sparkWithoutPysparkFailsWithOneLineNamingTheTaskAndCell() throws Exception {
    assertThat(detail("sparky"))
        .startsWith(
            "FAILED task 'sparky' cell 2 of src/sparky.py"
                + " (line 6): this needs Spark, but pyspark cannot be imported");
  }

  @Test
  void anUnknownDbutilsCallFailsNamingTheCall() throws Exception {
    assertThat(detail("unknown_call"))
        .contains("dbutils.widgets.frobnicate is not available")
        .contains("cell 1 of src/unknown_call.py");
  }

  @Test
  void aWheelTaskWithoutThatEntryPointFailsNamingPackageAndEntryPoint() throws Exception {
    assertThat(detail("no_entry")).contains("package json has no entry point 'nope'");
  }

  @Test
  void aPackageThatNoReachableIndexHasIsNamed() throws Exception {
    assertThat(detail("no_index"))
        .startsWith(
            "FAILED pip cannot install package"
                + " 'andon-no-such-package-xyz': no package index it can reach has it");
  }

  @Test
  void aWheelThatDoesNotBuildFailsItsTaskNamingTheArtifact() throws Exception {
    assertThat(detail("wheel_build"))
        .startsWith("FAILED artifact 'broken_wheel' of ")
        .contains("did not build: `echo \"setup.py is missing\" && exit 3` exited with status 3");
    assertThat(AndonProcess.log(home, "wheel_build")).contains("setup.py is missing");
  }
}
