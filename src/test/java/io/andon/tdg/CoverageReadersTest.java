package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import io.andon.tdg.coverage.CoverageReaders;
import io.andon.tdg.coverage.CoverageReport;
import io.andon.tdg.coverage.FileCoverage;
import io.andon.tdg.coverage.FileMutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageReadersTest {
  static final Path DIR = Path.of("src/test/resources/tdg/coverage");

  @Test
  void jacocoXmlGivesLineAndBranchCountsPerSourceFileDespiteItsDoctype() {
    CoverageReport r = CoverageReaders.read(DIR.resolve("jacoco.xml"));
    assertThat(r.format()).isEqualTo("jacoco");
    assertThat(r.files())
        .containsExactly(
            new FileCoverage("com/example/Calc.java", 3, 4, 1, 2),
            new FileCoverage("com/example/util/Text.java", 0, 2, 0, 4));
  }

  @Test
  void coberturaXmlMergesClassesOfOneFileAndIgnoresMethodLines() {
    CoverageReport r = CoverageReaders.read(DIR.resolve("cobertura.xml"));
    assertThat(r.format()).isEqualTo("cobertura");
    // lines 3, 5, 6, 8 of Calc and 12 of Calc$Inner: 3 of 5 hit; branches (1/2) + (1/2)
    assertThat(r.files()).containsExactly(new FileCoverage("com/example/Calc.java", 3, 5, 2, 4));
  }

  @Test
  void lcovUsesDaAndBrdaLinesAndFallsBackToTheSummaryCounts() {
    CoverageReport r = CoverageReaders.read(DIR.resolve("lcov.info"));
    assertThat(r.format()).isEqualTo("lcov");
    assertThat(r.files())
        .containsExactly(
            new FileCoverage("/home/ci/demo/src/main/java/com/example/Calc.java", 3, 4, 1, 2),
            new FileCoverage("src/main/java/com/example/util/Text.java", 0, 2, 0, 4));
  }

  @Test
  void pitMutationsCountDetectedMutantsPerFile() {
    CoverageReport r = CoverageReaders.read(DIR.resolve("mutations.xml"));
    assertThat(r.isMutationReport()).isTrue();
    // KILLED and TIMED_OUT are detected; SURVIVED and NO_COVERAGE are not
    assertThat(r.mutations())
        .containsExactly(
            new FileMutations("com/example/Calc.java", 2, 3),
            new FileMutations("com/example/util/Text.java", 0, 1));
  }

  @Test
  void malformedXmlNamesTheFileAndLine() {
    assertThatThrownBy(() -> CoverageReaders.read(DIR.resolve("malformed.xml")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("malformed.xml:4")
        .hasMessageContaining("malformed XML");
  }

  @Test
  void externalEntitiesAreNeverExpanded() {
    try {
      CoverageReport r = CoverageReaders.read(DIR.resolve("xxe.xml"));
      assertThat(r.files()).allSatisfy(f -> assertThat(f.path()).doesNotContain("root:"));
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).doesNotContain("root:");
    }
  }

  @Test
  void anUnknownFileIsRefusedWithTheFormatsAndoReads(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
    assertThatThrownBy(() -> CoverageReaders.read(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("JaCoCo XML");
    Path xml = Files.writeString(tmp.resolve("pom.xml"), "<project/>");
    assertThatThrownBy(() -> CoverageReaders.read(xml)).hasMessageContaining("root <project>");
    assertThatThrownBy(() -> CoverageReaders.read(tmp.resolve("missing.xml")))
        .hasMessageContaining("no such coverage report");
  }

  @Test
  void aTruncatedLcovFileIsRefused(@TempDir Path tmp) throws IOException {
    Path f = Files.writeString(tmp.resolve("lcov.info"), "SF:a/B.java\nDA:1,1\n");
    assertThatThrownBy(() -> CoverageReaders.read(f)).hasMessageContaining("end_of_record");
    Path g = Files.writeString(tmp.resolve("bad.info"), "SF:a/B.java\nDA:x,1\nend_of_record\n");
    assertThatThrownBy(() -> CoverageReaders.read(g)).hasMessageContaining("bad.info:2");
  }

  @Test
  void reportsAreFoundInTheUsualBuildFolders(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("target/site/jacoco"));
    Files.copy(DIR.resolve("jacoco.xml"), tmp.resolve("target/site/jacoco/jacoco.xml"));
    Files.createDirectories(tmp.resolve("target/pit-reports/202601011200"));
    Files.createDirectories(tmp.resolve("target/pit-reports/202601021200"));
    Files.copy(
        DIR.resolve("mutations.xml"), tmp.resolve("target/pit-reports/202601011200/mutations.xml"));
    Files.copy(
        DIR.resolve("mutations.xml"), tmp.resolve("target/pit-reports/202601021200/mutations.xml"));
    assertThat(CoverageReaders.discover(tmp))
        .containsExactly(
            tmp.resolve("target/site/jacoco/jacoco.xml"),
            tmp.resolve("target/pit-reports/202601021200/mutations.xml"));
  }
}
