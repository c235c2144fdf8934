package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.andon.error.InvalidInputException;
import io.andon.tdg.security.Cvss3;
import io.andon.tdg.security.Dependency;
import io.andon.tdg.security.DependencyReaders;
import io.andon.tdg.security.Finding;
import io.andon.tdg.security.OsvDatabase;
import io.andon.tdg.security.SecurityScan;
import io.andon.tdg.security.Severity;
import io.andon.tdg.security.VulnerabilityReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityTest {
  static final Path DIR = Path.of("src/test/resources/tdg/security");
  static final OsvDatabase OSV = OsvDatabase.load(DIR.resolve("osv"));

  private static List<Finding> match(String name, String version) {
    String[] ga = name.split(":");
    return OSV.match(List.of(Dependency.maven(ga[0], ga[1], version, "test")));
  }

  @ParameterizedTest(name = "log4j-core {0} affected={1}")
  @CsvSource({
    "2.0-beta8, false", // before the first introduced (Maven order: beta8 < beta9)
    "2.0-beta9, true",
    "2.0, true",
    "2.3, true",
    "2.3.1, false", // fixed
    "2.3.2, false",
    "2.4, true",
    "2.12.1, true",
    "2.12.2, false",
    "2.13.0, true",
    "2.14.1, true",
    "2.15.0, false",
    "2.17.1, false"
  })
  void ecosystemRangesUseMavenVersionOrder(String version, boolean affected) {
    assertThat(match("org.apache.logging.log4j:log4j-core", version)).hasSize(affected ? 1 : 0);
  }

  @Test
  void aMatchCarriesSeverityAliasesAndTheFirstFixedVersion() {
    Finding f = match("org.apache.logging.log4j:log4j-core", "2.14.1").get(0);
    assertThat(f.id()).isEqualTo("GHSA-jfh8-c2jp-5v3q");
    assertThat(f.aliases()).containsExactly("CVE-2021-44228");
    assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(f.fixedIn()).isEqualTo("2.15.0");
    assertThat(match("org.apache.logging.log4j:log4j-core", "2.10.0").get(0).fixedIn())
        .isEqualTo("2.12.2");
  }

  @ParameterizedTest(name = "example-parser {0} affected={1}")
  @CsvSource({"0.1, true", "1.4.2, true", "1.4.2.1, false", "1.5.0, false"})
  void lastAffectedIncludesThatVersionAndIntroducedZeroMeansEveryEarlierOne(
      String version, boolean affected) {
    List<Finding> m = match("com.example:example-parser", version);
    assertThat(m).hasSize(affected ? 1 : 0);
    // no database severity: the CVSS vector AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H scores 7.5
    m.forEach(f -> assertThat(f.severity()).isEqualTo(Severity.HIGH));
  }

  @ParameterizedTest(name = "example-util {0} affected={1}")
  @CsvSource({
    "0.9, true", // listed in versions
    "0.9.1, false",
    "1.0.0, true",
    "1.9.5, true",
    "1.10.0-alpha, true", // semver: 1.10.0-alpha < 1.10.0-rc.1
    "1.10.0-rc.1, false",
    "1.10.0, false",
    "1.2.0-rc.1, true"
  })
  void semverRangesUseSemanticVersionPrecedence(String version, boolean affected) {
    assertThat(match("com.example:example-util", version)).hasSize(affected ? 1 : 0);
  }

  @Test
  void otherEcosystemsAreIgnored() {
    assertThat(match("example-util:example-util", "1.0.0")).isEmpty();
  }

  @Test
  void cvss3BaseScoresMatchTheSpecificationsCalculator() {
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).hasValue(9.8);
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H")).hasValue(10.0);
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N")).hasValue(5.9);
    assertThat(Cvss3.baseScore("CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H")).hasValue(7.8);
    assertThat(Cvss3.baseScore("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N")).hasValue(0.0);
    assertThat(Cvss3.baseScore("CVSS:4.0/AV:N")).isEmpty();
  }

  @Test
  void pomVersionsResolveThroughPropertiesAndDependencyManagementAndSkipTestScope() {
    DependencyReaders.PomDependencies pom =
        DependencyReaders.pom(DIR.resolve("project/pom.xml"), "pom.xml");
    assertThat(pom.resolved())
        .extracting(Dependency::name, Dependency::version)
        .containsExactly(
            tuple("org.apache.logging.log4j:log4j-core", "2.14.1"),
            tuple("com.example:example-util", "1.9.5"),
            tuple("com.example:example-parser", "1.5.0"));
    assertThat(pom.resolved().get(0).origin()).isEqualTo("pom.xml:20");
    assertThat(pom.unresolved()).containsExactly("com.example:from-parent-bom (pom.xml:34)");
  }

  @Test
  void scanningAProjectSplitsVulnerabilitiesFromAdvisories() {
    SecurityScan.Result r =
        SecurityScan.run(DIR.resolve("project"), Optional.of(DIR.resolve("osv")), List.of());
    assertThat(r.measured()).isTrue();
    assertThat(r.vulnerabilities()).extracting(Finding::id).containsExactly("GHSA-jfh8-c2jp-5v3q");
    assertThat(r.advisories()).extracting(Finding::id).containsExactly("OSV-test-moderate");
    assertThat(r.dependencySource()).startsWith("pom.xml");
  }

  @Test
  void withoutAdvisoryDataSecurityIsNotMeasuredAndSaysWhatToPass() {
    SecurityScan.Result r = SecurityScan.run(DIR.resolve("project"), Optional.empty(), List.of());
    assertThat(r.measured()).isFalse();
    assertThat(r.reason()).contains("--advisories DIR");
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void owaspDependencyCheckReportsAreRead() {
    List<Finding> f = VulnerabilityReports.read(DIR.resolve("dependency-check-report.json"));
    assertThat(f)
        .extracting(Finding::id, Finding::packageName, Finding::version, Finding::severity)
        .containsExactly(
            tuple("CVE-2022-42889", "org.apache.commons:commons-text", "1.9", Severity.CRITICAL),
            tuple("CVE-2023-2976", "com.google.guava:guava", "31.0", Severity.MEDIUM));
  }

  @Test
  void cycloneDxVulnerabilitiesAreReadWithTheirAffectedComponent() {
    List<Finding> f = VulnerabilityReports.read(DIR.resolve("vex.cdx.json"));
    assertThat(f)
        .extracting(Finding::id, Finding::packageName, Finding::version, Finding::severity)
        .containsExactly(
            tuple("CVE-2022-1471", "org.yaml:snakeyaml", "1.33", Severity.HIGH),
            tuple("CVE-2099-0002", "org.yaml:snakeyaml", "1.33", Severity.LOW));
  }

  @Test
  void anSbomGivesTheResolvedDependencies(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("target"));
    Files.writeString(
        tmp.resolve("target/bom.json"),
        """
        {"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [
          {"type": "library", "group": "org.apache.logging.log4j", "name": "log4j-core",
           "version": "2.14.0", "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.0?type=jar",
           "components": [{"type": "library", "purl": "pkg:maven/com.example/example-util@0.9"}]},
          {"type": "library", "purl": "pkg:npm/left-pad@1.0.0"}
        ]}
        """);
    SecurityScan.Result r = SecurityScan.run(tmp, Optional.of(DIR.resolve("osv")), List.of());
    assertThat(r.dependencySource()).contains("CycloneDX");
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly(
            "org.apache.logging.log4j:log4j-core:2.14.0", "com.example:example-util:0.9");
    assertThat(r.findings()).hasSize(2);
  }

  @Test
  void aBadAdvisoriesFolderIsRefusedWithWhatToGive(@TempDir Path tmp) throws IOException {
    assertThatThrownBy(() -> OsvDatabase.load(tmp.resolve("nope")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a folder");
    assertThatThrownBy(() -> OsvDatabase.load(tmp)).hasMessageContaining("holds no .json files");
    Files.writeString(tmp.resolve("bad.json"), "{\"id\": \"X\",\n \"affected\": [}");
    assertThatThrownBy(() -> OsvDatabase.load(tmp))
        .hasMessageContaining("bad.json:2")
        .hasMessageContaining("malformed JSON");
  }
}
