package io.andon.tdg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python and Rust dependency files read and matched against an offline OSV folder holding real
 * advisories of the PyPI and crates.io ecosystems (as OSV publishes them).
 */
class PythonRustDependenciesTest {
  static final Path DIR = Path.of("src/test/resources/tdg/security-python-rust");
  static final Path OSV = DIR.resolve("osv");

  private static SecurityScan.Result scan(String project) {
    return SecurityScan.run(DIR.resolve(project), Optional.of(OSV), List.of());
  }

  private static List<String> findings(SecurityScan.Result r) {
    return r.findings().stream()
        .map(
            f ->
                f.id()
                    + " "
                    + f.packageName()
                    + " "
                    + f.version()
                    + " "
                    + f.severity()
                    + " fixed "
                    + f.fixedIn())
        .toList();
  }

  @Test
  void aPoetryLockIsMatchedPackageByPackageWithPep440Ranges() {
    SecurityScan.Result r = scan("poetry");
    assertThat(r.measured()).isTrue();
    assertThat(r.dependencySource()).isEqualTo("poetry.lock (Poetry lock file)");
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly(
            "certifi==2024.2.2", "jinja2==3.1.3", "requests==2.28.1", "Urllib3==2.0.4");
    // jinja2 3.1.3 is the fixed version; urllib3 2.0.4 is in the second range (2.0.0a1 to 2.0.6)
    assertThat(findings(r))
        .containsExactly(
            "GHSA-v845-jxx5-vc9f Urllib3 2.0.4 HIGH fixed 2.0.6",
            "GHSA-j8r2-6x86-q33q requests 2.28.1 MEDIUM fixed 2.31.0");
    assertThat(r.unresolved())
        .containsExactly(
            "fraud-features (poetry.lock): installed from git"
                + " (https://example.com/ml/fraud-features.git), not a PyPI release");
    assertThat(r.unpinned()).isEmpty(); // pyproject.toml's ^2.28 is not read: the lock file is
  }

  @Test
  void aUvLockSkipsTheProjectItselfAndListsGitPackages() {
    SecurityScan.Result r = scan("uv");
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly("requests==2.31.0", "urllib3==1.26.5");
    assertThat(findings(r))
        .containsExactly("GHSA-v845-jxx5-vc9f urllib3 1.26.5 HIGH fixed 1.26.17");
    assertThat(r.unresolved())
        .singleElement()
        .asString()
        .startsWith("internal-tools (uv.lock): installed from git");
  }

  @Test
  void aPipfileLockReadsDefaultAndDevelopPackages() {
    SecurityScan.Result r = scan("pipenv");
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly("jinja2==2.10", "markupsafe==2.1.3", "requests==2.25.0");
    assertThat(r.dependencies().get(2).origin()).isEqualTo("Pipfile.lock develop");
    // PYSEC-2019-217 lists 2.10 in its versions; an unknown severity is still a finding
    assertThat(findings(r))
        .containsExactlyInAnyOrder(
            "GHSA-h5c8-rqwp-cp95 jinja2 2.10 MEDIUM fixed 3.1.3",
            "GHSA-j8r2-6x86-q33q requests 2.25.0 MEDIUM fixed 2.31.0",
            "PYSEC-2019-217 jinja2 2.10 UNKNOWN fixed 2.10.1");
    assertThat(r.unresolved())
        .containsExactly(
            "fraud-features (Pipfile.lock default): no pinned"
                + " version (installed from editable, path), not a PyPI release");
  }

  @Test
  void requirementFilesAndPyprojectGivePinnedDependenciesAndListTheRest() {
    SecurityScan.Result r = scan("requirements");
    assertThat(r.dependencies())
        .extracting(Dependency::name, Dependency::version, Dependency::origin)
        .containsExactly(
            tuple("requests", "2.28.1", "requirements.txt:4"),
            tuple("ruff", "0.4.4", "requirements/lint.txt:1"),
            tuple("urllib3", "1.26.5", "requirements-dev.txt:4"),
            tuple("Jinja2", "3.1.2", "pyproject.toml [project] dependencies"),
            tuple("urllib3", "2.0.4", "pyproject.toml [project] dependencies"));
    assertThat(r.dependencySource())
        .isEqualTo(
            "requirements-dev.txt (pip requirements),"
                + " requirements.txt (pip requirements), requirements/lint.txt (pip requirements),"
                + " pyproject.toml (declared dependencies)");
    assertThat(findings(r))
        .containsExactlyInAnyOrder(
            "GHSA-v845-jxx5-vc9f urllib3 1.26.5 HIGH fixed 1.26.17",
            "GHSA-v845-jxx5-vc9f urllib3 2.0.4 HIGH fixed 2.0.6",
            "GHSA-j8r2-6x86-q33q requests 2.28.1 MEDIUM fixed 2.31.0",
            "GHSA-h5c8-rqwp-cp95 Jinja2 3.1.2 MEDIUM fixed 3.1.3");
    assertThat(r.unpinned())
        .containsExactly(
            "jinja2 >=2.9,<3 (requirements.txt:6): not pinned to one version, so not checked; pin it"
                + " with == or commit a lock file (poetry.lock, uv.lock, Pipfile.lock). Its range"
                + " admits versions affected by PYSEC-2019-217",
            "numpy ~=1.26.0 (requirements.txt:7): not pinned to one version, so not checked; pin it"
                + " with == or commit a lock file (poetry.lock, uv.lock, Pipfile.lock)",
            "pandas (any version) (requirements.txt:8): not pinned to one version, so not checked;"
                + " pin it with == or commit a lock file (poetry.lock, uv.lock, Pipfile.lock)",
            "matplotlib >=3.8 (pyproject.toml [project.optional-dependencies] plots): not pinned to"
                + " one version, so not checked; pin it with == or commit a lock file (poetry.lock,"
                + " uv.lock, Pipfile.lock)");
    assertThat(r.unresolved())
        .containsExactly(
            "./libs/features (requirements.txt:9): an editable install of local or VCS code, not a"
                + " PyPI release",
            "scikit-learn (requirements.txt:10): a direct reference"
                + " (https://example.com/wheels/scikit_learn-1.4.0-cp311-cp311-linux_x86_64.whl),"
                + " not a PyPI release: no advisory can be matched to it");
  }

  @Test
  void poetryDeclaredVersionsArePinsOnlyWhenExact() {
    SecurityScan.Result r = scan("poetry-declared");
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly("requests==2.28.1", "jinja2==3.1.4", "urllib3==1.26.5");
    assertThat(r.unpinned())
        .extracting(u -> u.substring(0, u.indexOf(')') + 1))
        .containsExactly(
            "numpy ^1.26 (pyproject.toml [tool.poetry.dependencies])",
            "urllib3 >=2 (pyproject.toml [tool.poetry.group.dev.dependencies])");
    assertThat(r.unresolved())
        .containsExactly(
            "features (pyproject.toml"
                + " [tool.poetry.dependencies]): installed from git, not a PyPI release");
  }

  @Test
  void onlyUnpinnedRequirementsLeaveSecurityNotMeasuredInsteadOfClean() {
    SecurityScan.Result r = scan("unpinned");
    assertThat(r.measured()).isFalse();
    assertThat(r.findings()).isEmpty();
    assertThat(r.reason())
        .startsWith(
            "no dependency pins a version: 2 requirements admit a range"
                + " of versions (requests >=2.0 in requirements.txt:1, ...)");
    assertThat(r.unpinned())
        .last()
        .asString()
        .endsWith("Its range admits versions affected by" + " PYSEC-2019-217");
  }

  @Test
  void aLockFileOfAnUnknownVersionIsListedAndTheRequirementsAreReadInstead() {
    SecurityScan.Result r = scan("unknown-lock");
    assertThat(r.unresolved())
        .containsExactly(
            "poetry.lock (poetry.lock): lock-version '9.0' is"
                + " not one andon reads (1.x, 2.x); its packages are not checked. Regenerate it with"
                + " Poetry 1.x or 2.x, or export requirements.txt with pinned versions");
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly("requests==2.28.1");
    assertThat(findings(r))
        .containsExactly("GHSA-j8r2-6x86-q33q requests 2.28.1 MEDIUM fixed 2.31.0");
  }

  @Test
  void aCargoLockIsMatchedWithSemverRangesAsOsvEncodesThem() {
    SecurityScan.Result r = scan("cargo");
    assertThat(r.dependencySource()).isEqualTo("Cargo.lock (Cargo lock file)");
    // the workspace member "demo" has no source: it is the project itself
    assertThat(r.dependencies())
        .extracting(Dependency::toString)
        .containsExactly("smallvec@1.6.0", "tokio@1.13.1", "tokio@1.8.3");
    // smallvec: CVSS 9.8 from its vector; tokio 1.13.1 is the second range's fix, 1.8.3 is in
    // the first range
    assertThat(findings(r))
        .containsExactly(
            "RUSTSEC-2021-0003 smallvec 1.6.0 CRITICAL fixed 1.6.1",
            "RUSTSEC-2021-0124 tokio 1.8.3 UNKNOWN fixed 1.8.4");
    assertThat(r.unresolved())
        .containsExactly(
            "metrics-core@0.2.0 (Cargo.lock): from"
                + " git+https://example.com/ml/metrics-core.git?rev=1a2b3c#1a2b3c4d5e6f, not crates.io: no"
                + " advisory can be matched to it");
  }

  @Test
  void cargoTomlWithoutALockFileIsUnpinnedAndNotMeasured() {
    SecurityScan.Result r = scan("cargo-unlocked");
    assertThat(r.measured()).isFalse();
    assertThat(r.unpinned())
        .containsExactly(
            "smallvec \"1.6\" (Cargo.toml [dependencies]): not pinned to one version, so not"
                + " checked; commit Cargo.lock (cargo generate-lockfile) so the exact versions can be"
                + " checked",
            "tokio \"1.13\" (Cargo.toml [dependencies]): not pinned to one version, so not checked;"
                + " commit Cargo.lock (cargo generate-lockfile) so the exact versions can be checked",
            "proptest \"1\" (Cargo.toml [dev-dependencies]): not pinned to one version, so not"
                + " checked; commit Cargo.lock (cargo generate-lockfile) so the exact versions can be"
                + " checked");
  }

  @Test
  void aCargoLockOfAnUnknownVersionIsListedWithTheReason() {
    SecurityScan.Result r = scan("cargo-unknown");
    assertThat(r.unresolved())
        .containsExactly(
            "Cargo.lock (Cargo.lock): lock file version 7 is"
                + " not one andon reads (1 to 4); its crates are not checked");
    assertThat(r.dependencies()).isEmpty();
    assertThat(r.measured()).isFalse();
  }

  @Test
  void osvRangesUseEpochsPreReleasesLastAffectedAndLocalVersions() {
    OsvDatabase db = OsvDatabase.load(OSV);
    List<String> affected =
        List.of(
            "1!1.0rc1",
            "1!1.0c1",
            "1!1.0",
            "1!1.0-1",
            "1!1.0.post2",
            "1!1.0.0+local",
            "2.0+cpu",
            "2.0.0+CPU");
    List<String> clean =
        List.of(
            "5.0", "1!1.0b9", "1!1.0.dev1", "1!1.0.post3", "1!1.0.1", "2!0.1", "2.0", "2.0+gpu");
    for (String v : affected) {
      assertThat(db.match(List.of(new Dependency(Ecosystem.PYPI, "epoch.probe", v, "t"))))
          .as(v)
          .hasSize(1);
    }
    for (String v : clean) {
      assertThat(db.match(List.of(new Dependency(Ecosystem.PYPI, "Epoch-Probe", v, "t"))))
          .as(v)
          .isEmpty();
    }
  }

  @Test
  void aPackageOfAnotherEcosystemWithTheSameNameIsNotMatched() {
    OsvDatabase db = OsvDatabase.load(OSV);
    assertThat(
            db.match(
                List.of(
                    new Dependency(Ecosystem.CRATES_IO, "requests", "2.28.1", "t"),
                    new Dependency(Ecosystem.PYPI, "smallvec", "1.6.0", "t"))))
        .isEmpty();
  }

  @Test
  void aMalformedLockFileIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("Cargo.lock"), "version = 3\n\n[[package]\nname = \"x\"\n");
    assertThatThrownBy(() -> SecurityScan.run(dir, Optional.empty(), List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageMatching("Cargo\\.lock:\\d+:\\d+: not valid TOML \\(.*ARRAY_TABLE_CLOSE.*");
  }
}
