package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build says what it is doing: the real {@code andon} script, in a folder of
 * its own whose {@code mvnw} prints what Maven prints.
 */
class LauncherBuildTest {
  @TempDir Path tmp;

  private record Ran(int exit, String err) {}

  private Ran launch(String mavenOutput, int mavenExit) throws IOException, InterruptedException {
    Files.copy(Path.of("andon"), tmp.resolve("andon"));
    Files.writeString(
        tmp.resolve("mvnw"),
        "#!/bin/sh\ncat <<'OUT'\n"
            + mavenOutput
            + "OUT\n"
            + "mkdir -p target examples/fraud-detection/target\n"
            + "[ "
            + mavenExit
            + " = 0 ] && touch target/andon.jar"
            + " examples/fraud-detection/target/fraud-detection.jar\n"
            + "exit "
            + mavenExit
            + "\n");
    for (String f : new String[] {"andon", "mvnw"}) {
      Files.setPosixFilePermissions(tmp.resolve(f), PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Process p =
        new ProcessBuilder("sh", tmp.resolve("andon").toString(), "--version")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectErrorStream(false)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Ran(p.exitValue(), err);
  }

  @Test
  void theFirstBuildNamesEachMavenStepAndHowLongItTook() throws Exception {
    Ran r =
        launch(
            """
        [INFO] Scanning for projects...
        Downloading from central: https://repo.example/org/x/y/1.0/y-1.0.jar
        [INFO] --- compiler:3.14.0:compile (default-compile) @ andon ---
        [INFO] Compiling 400 source files
        [INFO] --- shade:3.6.0:shade (default) @ andon ---
        """,
            0);
    assertThat(r.err())
        .contains("andon: building", "about a minute on 2 cores")
        .contains("andon: build: downloading y-1.0.jar")
        .contains("andon: build: compiler:3.14.0:compile (default-compile)")
        .contains("andon: build: shade:3.6.0:shade (default)")
        .containsPattern("andon: built in \\d+ s")
        .doesNotContain("Compiling 400 source files", "Scanning for projects");
  }

  @Test
  void aFailedBuildPrintsMavensWholeOutputAndItsExitCode() throws Exception {
    Ran r =
        launch(
            """
        [INFO] --- compiler:3.14.0:compile (default-compile) @ andon ---
        [ERROR] Foo.java:[3,1] class, interface, enum, or record expected
        """,
            1);
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err())
        .contains("andon: the build failed (exit 1); Maven's output follows.")
        .contains("[ERROR] Foo.java:[3,1] class, interface, enum, or record expected")
        .doesNotContain("andon: built in");
  }
}
