package io.andon.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which Python runs the tasks, and what a user is told when there is none fit to run them. */
class PythonInterpreterTest {
  @TempDir Path tmp;

  private Path job() throws Exception {
    Files.writeString(tmp.resolve("hello.py"), "# Databricks notebook source\nprint('hello')\n");
    Path job = tmp.resolve("job.yml");
    Files.writeString(
        job,
        """
        name: hello
        tasks:
          - task_key: hello
            notebook_task: {notebook_path: hello}
          - task_key: after
            depends_on: [{task_key: hello}]
            run_if: ALL_DONE
            shell_task: {command: echo after}
        """);
    return job;
  }

  @Test
  void aMissingPythonFailsTheTaskSayingWhatToInstallAndTheJobGoesOn() throws Exception {
    AndonProcess.Result r =
        AndonProcess.run(
            Map.of("ANDON_PYTHON", "/no/such/python3"),
            "run",
            "--home",
            tmp.resolve("home").toString(),
            job().toString());
    assertThat(r.exit()).as(r.out()).isEqualTo(0); // SUCCESS_WITH_FAILURES: 'after' ran
    assertThat(r.out())
        .contains(
            "ANDON_PYTHON=/no/such/python3 is not an executable file;"
                + " point it at a Python 3.8 or newer")
        .contains("after SUCCESS");
  }

  @Test
  void aPythonTooOldFailsTheTaskNamingTheVersionNeeded() throws Exception {
    Path old = tmp.resolve("python3.6");
    Files.writeString(old, "#!/bin/sh\necho 3.6.9\n");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
    AndonProcess.Result r =
        AndonProcess.run(
            Map.of("ANDON_PYTHON", old.toString()),
            "run",
            "--home",
            tmp.resolve("home").toString(),
            job().toString());
    assertThat(r.out())
        .contains(
            "Python 3.6.9 at "
                + old
                + " is too old: andon runs Python"
                + " tasks with Python 3.8 or newer");
  }

  @Test
  void sqlNotebooksAreReportedAtValidation() throws Exception {
    AndonProcess.Result r =
        AndonProcess.run(
            Map.of(),
            "validate",
            AndonProcess.BUNDLES.resolve("invalid/notebooks-sql/databricks.yml").toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out())
        .contains("databricks.yml:11:28: notebook ")
        .contains("query.sql is a SQL notebook; andon runs Python notebooks only.");
  }
}
