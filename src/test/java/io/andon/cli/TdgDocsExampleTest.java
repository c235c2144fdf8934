package io.andon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/tdg.md's example runs as written, on the inputs shipped under examples/tdg. */
class TdgDocsExampleTest {
  @TempDir Path tmp;

  @Test
  void theDocumentedTdgExamplePrintsWhatTheDocsShow() throws Exception {
    String doc = Files.readString(Path.of("docs/tdg.md"));
    String prompt = "$ cd examples/tdg\n$ andon tdg calc --advisories osv/\n";
    int at = doc.indexOf(prompt);
    assertThat(at).as("the example in docs/tdg.md").isPositive();
    String shown = doc.substring(at + prompt.length(), doc.indexOf("```", at));
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.andon.cli.AndonCli",
                    "tdg",
                    "calc",
                    "--advisories",
                    "osv/"))
            .directory(Path.of("examples/tdg").toFile())
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.strip()).isEqualTo(shown.strip());
  }
}
