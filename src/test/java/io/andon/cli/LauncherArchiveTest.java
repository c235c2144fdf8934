package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archives: the real {@code andon} script, in a folder of its own whose
 * {@code target/andon.jar} is a small program that writes down the arguments of each start.
 */
class LauncherArchiveTest {
  @TempDir Path tmp;
  private Path log;

  @BeforeEach
  void buildAJarThatRecordsItsArguments() throws IOException {
    Path src = tmp.resolve("build/Main.java");
    Files.createDirectories(src.getParent());
    Files.writeString(
        src,
        """
        import java.nio.file.*;
        public class Main {
          public static void main(String[] a) throws Exception {
            String line = String.join(" ", a);
            if (a.length > 1 && a[0].equals("tdg")) {
              line += Files.exists(Path.of(a[1], "Training.java")) ? " [java file]" : "";
            }
            Files.writeString(Path.of(System.getenv("RECORD")), line + "\\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          }
        }
        """);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, src.toString())).isZero();
    Files.createDirectories(tmp.resolve("target"));
    Files.createDirectories(tmp.resolve("examples/fraud-detection/target"));
    Files.createFile(tmp.resolve("examples/fraud-detection/target/fraud-detection.jar"));
    Manifest m = new Manifest();
    m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
    try (OutputStream out = Files.newOutputStream(tmp.resolve("target/andon.jar"));
        JarOutputStream jar = new JarOutputStream(out, m)) {
      jar.putNextEntry(new JarEntry("Main.class"));
      jar.write(Files.readAllBytes(tmp.resolve("build/Main.class")));
      jar.closeEntry();
    }
    Files.copy(Path.of("andon"), tmp.resolve("andon"));
    Files.setPosixFilePermissions(
        tmp.resolve("andon"), PosixFilePermissions.fromString("rwxr-xr-x"));
    log = tmp.resolve("record.txt");
  }

  private List<String> launch(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of("sh", tmp.resolve("andon").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("RECORD", log.toString());
    pb.environment().remove("ANDON_JAVA_OPTS");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return Files.readAllLines(log, StandardCharsets.UTF_8);
  }

  @Test
  void theFirstTdgTrainsAnArchiveOfItsOwnByGradingAJavaFileThenRunsTheCommandAsGiven()
      throws Exception {
    List<String> starts = launch("tdg", "some/project", "--format", "json");

    assertThat(starts).hasSize(2);
    assertThat(starts.get(0)).startsWith("tdg ").endsWith("[java file]").contains("--home");
    assertThat(starts.get(1)).isEqualTo("tdg some/project --format json");
    assertThat(tmp.resolve("target/andon-tdg.jsa")).isRegularFile();
    assertThat(tmp.resolve("target/andon.jsa")).doesNotExist();

    assertThat(launch("tdg", "again")).hasSize(3).last().isEqualTo("tdg again");
  }

  @Test
  void otherCommandsTrainTheirArchiveOnAJobRun() throws Exception {
    List<String> starts = launch("--version");

    assertThat(starts).hasSize(2);
    assertThat(starts.get(0)).startsWith("run --home ").endsWith("train.yml");
    assertThat(starts.get(1)).isEqualTo("--version");
    assertThat(tmp.resolve("target/andon.jsa")).isRegularFile();
    assertThat(tmp.resolve("target/andon-tdg.jsa")).doesNotExist();
  }
}
