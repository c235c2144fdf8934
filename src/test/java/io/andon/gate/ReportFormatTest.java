package io.andon.gate;

import static io.andon.gate.Comparator.GREATER_OR_EQUAL;
import static io.andon.gate.Comparator.LESS_OR_EQUAL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import io.andon.yaml.Loc;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportFormatTest {
  static final Path GATES = Path.of("src/test/resources/gate/valid/production.yml");

  /** One check of every status, a range, a regression, a non-finite value, odd characters. */
  static GateResult mixed() {
    Loc at = new Loc(GATES.toString(), 5, 9);
    QualityGate g =
        QualityGate.named("production")
            .check(Check.of("accuracy", GREATER_OR_EQUAL, 0.95).named("accuracy"))
            .check(
                new Check(
                    "latency | p99",
                    "latency_p99_ms",
                    LESS_OR_EQUAL,
                    new Threshold.Constant(100),
                    Severity.ERROR,
                    false,
                    Optional.of(at)))
            .warn("error_rate", LESS_OR_EQUAL, 0.01)
            .between("psi", 0, 0.2)
            .check(Check.of("f1", GREATER_OR_EQUAL, 0.5).allowingMissing())
            .check(Check.of("recall", GREATER_OR_EQUAL, 0.5))
            .check(Check.of("loss", LESS_OR_EQUAL, 1).named("loss <\u0001bad>"))
            .maxDrop("auc", 0.02);
    Map<String, Double> m = new HashMap<>();
    m.put("accuracy", 0.961);
    m.put("latency_p99_ms", 132.0);
    m.put("error_rate", 0.02);
    m.put("psi", 0.1);
    m.put("loss", Double.NaN);
    m.put("auc", 0.9);
    return g.evaluate(
        MetricSource.of(m, "metrics.json"),
        Baselines.given(MetricSource.of(Map.of("auc", 0.91)), Baselines.none()));
  }

  @Test
  void mixedResultHasEveryStatus() {
    GateResult r = mixed();
    assertThat(r.checks())
        .extracting(CheckResult::status)
        .containsExactly(
            Status.PASSED,
            Status.FAILED,
            Status.WARNING,
            Status.PASSED,
            Status.NOT_MEASURED,
            Status.NOT_MEASURED,
            Status.FAILED,
            Status.PASSED);
    assertThat(r.passed()).isFalse();
  }

  @Test
  void textHasOneLinePerCheckWithValueThresholdAndVerdict() {
    String text = ReportFormat.TEXT.render(mixed(), Optional.empty());
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(9);
    assertThat(lines.get(0))
        .isEqualTo(
            "gate production: FAILED: 3 passed, 2 failed, 2 not"
                + " measured, 1 warning of 8 checks; 3 block the gate");
    assertThat(lines.get(1)).isEqualTo("  PASSED        accuracy       0.961 >= 0.95");
    assertThat(lines.get(2)).isEqualTo("  FAILED        latency | p99  132 is not <= 100");
    assertThat(lines.get(3)).endsWith("0.02 is not <= 0.01 [warning]");
    assertThat(lines.get(5))
        .contains("NOT_MEASURED")
        .contains("f1")
        .endsWith("Allowed by allow_missing: true.");
    assertThat(lines.get(8)).endsWith("0.9 >= 0.89 (baseline 0.91 - max_drop 0.02)");
  }

  @Test
  void jsonHasTheContractFieldsAndWritesNonFiniteValuesAsStrings() throws Exception {
    JsonNode root = Json.read(ReportFormat.JSON.render(mixed(), Optional.empty()));
    assertThat(root.get("gate").asText()).isEqualTo("production");
    assertThat(root.get("passed").asBoolean()).isFalse();
    JsonNode checks = root.get("checks");
    assertThat(checks).hasSize(8);
    for (JsonNode c : checks) {
      assertThat(
              c.has("name")
                  && c.has("metric")
                  && c.has("comparator")
                  && c.has("threshold")
                  && c.has("value")
                  && c.has("status")
                  && c.has("severity")
                  && c.has("message"))
          .as("%s", c)
          .isTrue();
      assertThat(Set.of("PASSED", "FAILED", "NOT_MEASURED", "WARNING"))
          .contains(c.get("status").asText());
    }
    assertThat(checks.get(0).get("value").asDouble()).isEqualTo(0.961);
    assertThat(checks.get(0).get("threshold").asDouble()).isEqualTo(0.95);
    assertThat(checks.get(0).get("comparator").asText()).isEqualTo(">=");
    assertThat(checks.get(2).get("severity").asText()).isEqualTo("warning");
    assertThat(checks.get(3).get("comparator").asText()).isEqualTo("between");
    assertThat(checks.get(3).get("threshold").toString()).isEqualTo("[0.0,0.2]");
    assertThat(checks.get(5).get("value").isNull()).isTrue();
    assertThat(checks.get(6).get("value").asText()).isEqualTo("NaN");
    assertThat(checks.get(7).get("max_drop").asDouble()).isEqualTo(0.02);
    assertThat(checks.get(7).get("baseline").asDouble()).isEqualTo(0.91);
    assertThat(checks.get(7).get("threshold").asDouble()).isEqualTo(0.91 - 0.02);
  }

  @Test
  void junitXmlParsesBackWithOneTestCasePerCheck() throws Exception {
    String xml = ReportFormat.JUNIT.render(mixed(), Optional.empty());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element suites = doc.getDocumentElement();
    assertThat(suites.getTagName()).isEqualTo("testsuites");
    Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("tests")).isEqualTo("8");
    assertThat(suite.getAttribute("failures")).isEqualTo("3");
    assertThat(suite.getAttribute("skipped")).isEqualTo("1");
    NodeList cases = suite.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(8);
    Element latency = (Element) cases.item(1);
    assertThat(latency.getAttribute("name")).isEqualTo("latency | p99");
    Element failure = (Element) latency.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("FAILED");
    assertThat(failure.getAttribute("message")).isEqualTo("132 is not <= 100");
    assertThat(failure.getTextContent()).contains("defined at: " + GATES + ":5:9");
    assertThat(((Element) cases.item(4)).getElementsByTagName("skipped").getLength()).isEqualTo(1);
    Element recall = (Element) cases.item(5);
    assertThat(((Element) recall.getElementsByTagName("failure").item(0)).getAttribute("type"))
        .isEqualTo("NOT_MEASURED");
    assertThat(((Element) cases.item(6)).getAttribute("name")).isEqualTo("loss <?bad>");
    assertThat(((Element) cases.item(2)).getElementsByTagName("failure").getLength()).isZero();
  }

  @Test
  void markdownIsATableWithEscapedCells() {
    String md = ReportFormat.MARKDOWN.render(mixed(), Optional.empty());
    List<String> lines = md.lines().toList();
    assertThat(lines.get(0)).isEqualTo("### ❌ Quality gate `production` failed");
    assertThat(lines.get(2))
        .isEqualTo(
            "3 passed, 2 failed, 2 not measured, 1 warning of 8" + " checks; 3 block the gate.");
    assertThat(lines.get(4)).isEqualTo("| Status | Check | Value | Threshold | Details |");
    assertThat(lines.subList(6, lines.size()))
        .hasSize(8)
        .allMatch(l -> l.startsWith("| ") && l.endsWith(" |"));
    assertThat(lines.get(7))
        .isEqualTo("| ❌ FAILED | latency \\| p99 | 132 | <= 100 | 132 is not <= 100 |");
    assertThat(lines.get(10)).startsWith("| ➖ NOT_MEASURED | f1 | not measured |");
    assertThat(lines.get(11)).startsWith("| ❓ NOT_MEASURED | recall |");
    // every row has the same number of unescaped cell separators as the header
    for (String l : lines.subList(4, lines.size())) {
      assertThat(l.replace("\\|", "").chars().filter(ch -> ch == '|').count()).isEqualTo(6);
    }
  }

  @Test
  void passingGateMarkdownSaysPassed() {
    GateResult r =
        QualityGate.named("g")
            .check("a", GREATER_OR_EQUAL, 1)
            .evaluate(MetricSource.of(Map.of("a", 1.0)));
    assertThat(ReportFormat.MARKDOWN.render(r, Optional.empty()))
        .startsWith("### ✅ Quality gate `g` passed\n\n1 passed of 1 check.\n");
  }

  /**
   * Checks the constraints the SARIF 2.1.0 schema puts on the parts andon writes: required
   * properties (sarifLog: version, runs; run: tool; tool: driver; toolComponent: name; result:
   * message; message: text; reportingDescriptor: id), the enums of level and kind, integer minimums
   * of region and ruleIndex, and the spec's rule that a level other than none needs kind fail
   * (SARIF 2.1.0, 3.27.9-3.27.10).
   */
  @Test
  void sarifParsesBackAndMeetsTheRequiredFieldsOfTheSchema() throws Exception {
    JsonNode log = Json.read(ReportFormat.SARIF.render(mixed(), Optional.of(GATES)));
    assertThat(log.get("version").asText()).isEqualTo("2.1.0");
    assertThat(log.get("$schema").asText()).isEqualTo(ReportFormat.SARIF_SCHEMA);
    assertThat(log.get("runs").isArray()).isTrue();
    assertThat(log.get("runs")).hasSize(1);
    JsonNode run = log.get("runs").get(0);
    JsonNode driver = run.get("tool").get("driver");
    assertThat(driver.get("name").asText()).isEqualTo("andon");
    JsonNode rules = driver.get("rules");
    for (JsonNode rule : rules) {
      assertThat(rule.get("id").isTextual()).isTrue();
      assertThat(Set.of("none", "note", "warning", "error"))
          .contains(rule.get("defaultConfiguration").get("level").asText());
    }
    JsonNode results = run.get("results");
    assertThat(results).hasSize(8);
    Set<String> allowed =
        Set.of("properties", "ruleId", "ruleIndex", "kind", "level", "message", "locations");
    for (JsonNode res : results) {
      res.fieldNames().forEachRemaining(f -> assertThat(allowed).contains(f));
      assertThat(res.get("message").get("text").isTextual()).isTrue();
      int index = res.get("ruleIndex").asInt();
      assertThat(index).isGreaterThanOrEqualTo(0);
      assertThat(rules.get(index).get("id").asText()).isEqualTo(res.get("ruleId").asText());
      String level = res.get("level").asText();
      String kind = res.get("kind").asText();
      assertThat(Set.of("none", "note", "warning", "error")).contains(level);
      assertThat(Set.of("notApplicable", "pass", "fail", "review", "open", "informational"))
          .contains(kind);
      if (!level.equals("none")) {
        assertThat(kind).isEqualTo("fail");
      }
      if (res.has("locations")) {
        JsonNode phys = res.get("locations").get(0).get("physicalLocation");
        assertThat(phys.get("artifactLocation").get("uri").asText())
            .isEqualTo("src/test/resources/gate/valid/production.yml");
        assertThat(phys.get("region").get("startLine").asInt()).isEqualTo(5);
        assertThat(phys.get("region").get("startColumn").asInt()).isEqualTo(9);
      }
    }
    assertThat(results.get(0).get("kind").asText()).isEqualTo("pass");
    assertThat(results.get(1).get("level").asText()).isEqualTo("error");
    assertThat(results.get(1).has("locations")).isTrue();
    assertThat(results.get(0).has("locations")).isFalse();
    assertThat(results.get(2).get("level").asText()).isEqualTo("warning");
    assertThat(results.get(4).get("kind").asText()).isEqualTo("open");
    assertThat(results.get(5).get("kind").asText()).isEqualTo("fail");
    assertThat(results.get(5).get("properties").get("status").asText()).isEqualTo("NOT_MEASURED");
    assertThat(run.get("properties").get("passed").asBoolean()).isFalse();
  }
}
