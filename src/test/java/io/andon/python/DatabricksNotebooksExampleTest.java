package io.andon.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs examples/databricks-notebooks as the README says, on a copy, with python3 alone (no pyspark,
 * no package index, no setuptools): notebooks, a Python file, and a wheel built from the bundle.
 */
class DatabricksNotebooksExampleTest {
  @TempDir Path tmp;

  @Test
  void theExampleBundleRunsEveryTaskWithNothingButPython3AndReusesItsEnvironment()
      throws Exception {
    Path copy = tmp.resolve("example");
    Path from = Path.of("examples/databricks-notebooks");
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.filter(p -> !p.toString().contains(".andon")).toList()) {
        Path to = copy.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Map<String, String> env = new java.util.HashMap<>(AndonProcess.offlinePip());
    // the first python3 on PATH, as a new user has it: its wheel builds with pip alone
    Path home = tmp.resolve("home");
    AndonProcess.Result r =
        AndonProcess.run(
            env,
            "run",
            "--home",
            home.toString(),
            copy.resolve("databricks.yml").toString(),
            "-t",
            "dev");
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(r.out())
        .containsPattern("ingest +SUCCESS")
        .containsPattern("explore +SUCCESS")
        .containsPattern("train +SUCCESS.*exited with threshold-v1@")
        .containsPattern("check_quality +SUCCESS +1 +\\S+ +outcome true")
        .containsPattern("report +SUCCESS")
        .containsPattern("publish +SUCCESS");
    assertThat(home.resolve("dbfs/my_project/2024-06-01/model_card.json")).exists();
    assertThat(AndonProcess.log(home, "publish"))
        .contains("building artifact 'python_artifact'")
        .contains("making the task's Python environment");

    Path home2 = home; // a second run builds the wheel again and reuses its environment
    AndonProcess.Result again =
        AndonProcess.run(
            env,
            "run",
            "--home",
            home2.toString(),
            copy.resolve("databricks.yml").toString(),
            "-t",
            "dev",
            "--param",
            "rows=300");
    assertThat(again.exit()).as(again.out()).isZero();
    assertThat(Files.readString(home.resolve("logs/run-2/publish.attempt-1.log")))
        .doesNotContain("making the task's Python environment");
  }
}
