package io.andon.tdg;

import static io.andon.tdg.ReportParts.fmt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;

/** The SARIF 2.1.0 form of a {@link TdgReport}, for code-scanning tools. */
final class TdgSarif {
  private TdgSarif() {}

  /**
   * SARIF 2.1.0: one result per method over a threshold (rules tdg/cyclomatic, tdg/cognitive,
   * tdg/nesting), per ungraded file (tdg/unparsed) and per security finding (tdg/vulnerability,
   * tdg/advisory, located where the project declares the dependency).
   */
  static ObjectNode sarif(TdgReport r, TdgConfig cfg) {
    ObjectNode root = Json.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "andon-tdg");
    ArrayNode rules = driver.putArray("rules");
    rule(rules, "tdg/cyclomatic", "Cyclomatic complexity over " + fmt(cfg.cyclomatic()));
    rule(rules, "tdg/cognitive", "Cognitive complexity over " + fmt(cfg.cognitive()));
    rule(rules, "tdg/nesting", "Nesting deeper than " + fmt(cfg.nesting()));
    rule(rules, "tdg/unparsed", "File that could not be graded");
    rule(rules, "tdg/vulnerability", "Dependency with a high or critical vulnerability");
    rule(rules, "tdg/advisory", "Dependency with a lower-severity advisory");
    run.putObject("properties")
        .put("confidence", Scoring.round1(100 * r.confidence()))
        .set("languages", TdgJson.languages(r));
    ArrayNode results = run.putArray("results");
    for (TdgReport.FileResult f : r.files()) {
      for (TdgReport.MethodResult m : f.methods()) {
        String name = m.cell() > 0 ? m.name() + " (" + m.where(f.path()) + ")" : m.name();
        if (m.cyclomatic() > cfg.cyclomatic()) {
          result(
              results,
              "tdg/cyclomatic",
              "warning",
              name
                  + " has cyclomatic complexity "
                  + m.cyclomatic()
                  + " (threshold "
                  + fmt(cfg.cyclomatic())
                  + ")",
              f.path(),
              m.line());
        }
        if (m.cognitive() > cfg.cognitive()) {
          result(
              results,
              "tdg/cognitive",
              "warning",
              name
                  + " has cognitive complexity "
                  + m.cognitive()
                  + " (threshold "
                  + fmt(cfg.cognitive())
                  + ")",
              f.path(),
              m.line());
        }
        if (m.nesting() > cfg.nesting()) {
          result(
              results,
              "tdg/nesting",
              "note",
              name
                  + " nests "
                  + m.nesting()
                  + " levels deep (threshold "
                  + fmt(cfg.nesting())
                  + ")",
              f.path(),
              m.line());
        }
      }
    }
    for (TdgReport.Ungraded u : r.ungraded()) {
      result(results, "tdg/unparsed", "error", u.reason(), u.path(), 1);
    }
    r.security()
        .findings()
        .forEach(
            f ->
                result(
                    results,
                    f.severity().isVulnerability() ? "tdg/vulnerability" : "tdg/advisory",
                    f.severity().isVulnerability() ? "error" : "warning",
                    f.packageName()
                        + ":"
                        + f.version()
                        + " is affected by "
                        + f.id()
                        + " ("
                        + f.severity()
                        + ")"
                        + (f.fixedIn().isEmpty() ? "" : "; fixed in " + f.fixedIn())
                        + ". "
                        + f.summary(),
                    f.declaredFile(),
                    f.declaredLine()));
    return root;
  }

  private static void rule(ArrayNode rules, String id, String text) {
    ObjectNode o = rules.addObject();
    o.put("id", id);
    o.putObject("shortDescription").put("text", text);
  }

  private static void result(
      ArrayNode results, String rule, String level, String message, String path, int line) {
    ObjectNode o = results.addObject();
    o.put("ruleId", rule);
    o.put("level", level);
    o.putObject("message").put("text", message);
    ObjectNode loc = o.putArray("locations").addObject().putObject("physicalLocation");
    loc.putObject("artifactLocation").put("uri", path);
    loc.putObject("region").put("startLine", Math.max(1, line));
  }
}
