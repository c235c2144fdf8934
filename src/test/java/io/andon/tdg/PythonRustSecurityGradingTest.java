package io.andon.tdg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The security component of a Python or Rust project, as every report format shows it. */
class PythonRustSecurityGradingTest {
  static final Path DIR = Path.of("src/test/resources/tdg/security-python-rust");

  private static TdgReport grade(String project) {
    Path root = DIR.resolve(project);
    return Tdg.run(
        new Tdg.Request(
            root,
            TdgConfig.load(root, Optional.empty()),
            List.of(),
            Optional.of(DIR.resolve("osv")),
            List.of(),
            Optional.empty(),
            Optional.empty()));
  }

  private static TdgReport.Component security(TdgReport r) {
    return r.components().stream()
        .filter(c -> c.name().equals("security"))
        .findFirst()
        .orElseThrow();
  }

  private static JsonNode sarif(TdgReport r) {
    return TdgRender.sarif(r, TdgConfig.load(Path.of(r.root()), Optional.empty()))
        .path("runs")
        .get(0)
        .path("results");
  }

  @Test
  void aRustProjectsCargoLockFindingsLowerTheSecurityScore() {
    TdgReport r = grade("cargo");
    TdgReport.Component security = security(r);
    // one critical (smallvec, -25) and one of unknown severity (tokio 1.8.3, -2)
    assertThat(security.score()).hasValue(73.0);
    JsonNode json = TdgRender.json(r).path("components").path("security");
    assertThat(json.path("dependency_source").asText()).isEqualTo("Cargo.lock (Cargo lock file)");
    assertThat(json.path("findings").get(0).path("declared_in").asText()).isEqualTo("Cargo.lock");
    assertThat(json.path("unresolved_dependencies")).hasSize(1);
    JsonNode sarif = sarif(r);
    assertThat(sarif.findValuesAsText("ruleId")).contains("tdg/vulnerability", "tdg/advisory");
    assertThat(sarif.findValuesAsText("uri")).contains("Cargo.lock").doesNotContain("pom.xml");
  }

  @Test
  void unpinnedAndUncheckedDependenciesAreShownInTextAndMarkdown() {
    TdgReport r = grade("requirements");
    String text = TdgRender.text(r);
    assertThat(text)
        .contains("not checked: 4 unpinned, 2 other")
        .contains("\nDependencies not checked\n  jinja2 >=2.9,<3 (requirements.txt:6): not pinned")
        .contains("GHSA-j8r2-6x86-q33q  requests:2.28.1 (fixed in 2.31.0)");
    assertThat(TdgRender.markdown(r)).contains("### Dependencies not checked\n\n- jinja2 >=2.9,<3");
    JsonNode sarif = sarif(r);
    assertThat(sarif.toString())
        .contains("\"uri\":\"requirements.txt\"")
        .contains("\"startLine\":4");
  }

  @Test
  void aProjectWhoseRequirementsAreAllUnpinnedHasSecurityNotMeasured() {
    TdgReport r = grade("unpinned");
    TdgReport.Component security = security(r);
    assertThat(security.score()).isEmpty();
    assertThat(r.notMeasured()).contains("security");
    assertThat(TdgRender.json(r).path("components").path("security").path("unpinned_dependencies"))
        .hasSize(2);
  }
}
