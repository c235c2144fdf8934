package io.andon.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How andon's runner starts a task's Python: compiled once, and with the path Python gives. */
class PythonRunnerStartTest {
  @TempDir Path tmp;

  @Test
  void andonsOwnModulesAreCompiledOnceUnderDontWriteBytecodeWhileTheTasksModulesAreNot()
      throws Exception {
    Files.createDirectories(tmp.resolve("nb"));
    Files.writeString(tmp.resolve("nb/helper.py"), "FACTOR = 3\n");
    Files.writeString(
        tmp.resolve("nb/main.py"),
        """
        # Databricks notebook source
        import helper
        print("product", helper.FACTOR * 2)
        """);
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: bytecode
        tasks:
          - task_key: main
            notebook_task: {notebook_path: nb/main}
        """);
    Path home = tmp.resolve("home");
    AndonProcess.Result r =
        AndonProcess.run(
            Map.of("PYTHONDONTWRITEBYTECODE", "1"),
            "run",
            "--home",
            home.toString(),
            tmp.resolve("job.yml").toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(AndonProcess.log(home, "main")).contains("product 6");
    List<String> compiled;
    try (Stream<Path> s = Files.walk(home.resolve("python"))) {
      compiled =
          s.filter(p -> p.toString().endsWith(".pyc"))
              .map(p -> p.getFileName().toString())
              .toList();
    }
    assertThat(compiled)
        .anyMatch(n -> n.startsWith("_runner."))
        .anyMatch(n -> n.startsWith("dbutils."));
    assertThat(tmp.resolve("nb/__pycache__"))
        .as("the user's PYTHONDONTWRITEBYTECODE holds for" + " the task's own modules")
        .doesNotExist();
  }

  @Test
  void aPythonFileSeesItsOwnFolderFirstOnTheModulePathAndNotTheWorkingFolder() throws Exception {
    Files.createDirectories(tmp.resolve("src"));
    Files.writeString(
        tmp.resolve("src/show.py"),
        """
        import os, sys
        print("first", sys.path[0])
        print("cwd on path", os.getcwd() in sys.path or "" in sys.path)
        """);
    Files.writeString(
        tmp.resolve("job.yml"),
        """
        name: path
        tasks:
          - task_key: show
            spark_python_task: {python_file: src/show.py}
        """);
    Path home = tmp.resolve("home");
    AndonProcess.Result r =
        AndonProcess.run(
            Map.of(), "run", "--home", home.toString(), tmp.resolve("job.yml").toString());
    assertThat(r.exit()).as(r.out()).isZero();
    assertThat(AndonProcess.log(home, "show"))
        .contains("first " + tmp.resolve("src").toAbsolutePath())
        .contains("cwd on path False");
  }
}
