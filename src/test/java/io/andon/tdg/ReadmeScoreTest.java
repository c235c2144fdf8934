package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.tdg.docs.ReadmeScore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeScoreTest {
  @Test
  void aCompleteReadmeHasEveryPart() {
    Map<String, Boolean> parts =
        ReadmeScore.score(
            """
        # demo

        [![build](https://example.invalid/badge.svg)](https://example.invalid)

        Demo turns CSV files into charts that a team can read at a glance every morning.

        ## Installation

        Add the dependency to your pom.

        ## Usage

        ```
        demo chart data.csv
        ```

        ## License

        Apache-2.0
        """);
    assertThat(parts)
        .containsOnly(
            Map.entry("what", true),
            Map.entry("install", true),
            Map.entry("usage", true),
            Map.entry("example", true),
            Map.entry("license", true));
  }

  @Test
  void eachMissingPartIsReported() {
    Map<String, Boolean> parts = ReadmeScore.score("# demo\n\nA tool.\n");
    assertThat(parts)
        .containsOnly(
            Map.entry("what", false),
            Map.entry("install", false),
            Map.entry("usage", false),
            Map.entry("example", false),
            Map.entry("license", false));
  }

  @Test
  void anInstallCommandInACodeBlockCountsAsInstallAndALicenseFileAsLicense(@TempDir Path tmp)
      throws IOException {
    Files.writeString(
        tmp.resolve("README.md"),
        """
        demo
        ====

        Run it
        ------

            java -jar demo.jar --help
        """);
    Files.writeString(tmp.resolve("LICENSE"), "MIT");
    ReadmeScore.Result r = ReadmeScore.of(tmp);
    assertThat(r.file()).hasValue("README.md");
    assertThat(r.parts())
        .containsEntry("install", true)
        .containsEntry("usage", true)
        .containsEntry("example", true)
        .containsEntry("license", true)
        .containsEntry("what", false);
    assertThat(r.score()).isEqualTo(80.0);
    assertThat(r.missing()).containsExactly("what");
  }

  @Test
  void noReadmeScoresZeroWithEveryPartMissing(@TempDir Path tmp) {
    ReadmeScore.Result r = ReadmeScore.of(tmp);
    assertThat(r.file()).isEmpty();
    assertThat(r.score()).isZero();
    assertThat(r.missing()).containsExactlyElementsOf(ReadmeScore.PARTS);
  }
}
