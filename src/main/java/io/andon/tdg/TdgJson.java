package io.andon.tdg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.Map;
import java.util.OptionalDouble;

/** The JSON form of a {@link TdgReport}: the metrics source for {@code andon gate}. */
final class TdgJson {
  private TdgJson() {}

  /** The JSON document, the metrics source for {@code andon gate} ({@code tdg.score}, ...). */
  static ObjectNode json(TdgReport r) {
    ObjectNode root = Json.object();
    root.put("score", r.score());
    root.put("grade", r.grade().name());
    root.put("confidence", Scoring.round1(100 * r.confidence()));
    root.set("languages", languages(r));
    ObjectNode comps = root.putObject("components");
    for (TdgReport.Component c : r.components()) {
      ObjectNode o = comps.putObject(c.name());
      put(o, "score", c.score());
      o.put("status", c.status());
      o.put("weight", Math.round(c.weight() * 1000) / 1000.0);
      o.put("effective_weight", Math.round(c.effectiveWeight() * 1000) / 1000.0);
      if (!c.reason().isEmpty()) {
        o.put("reason", c.reason());
      }
      for (Map.Entry<String, Object> e : c.metrics().entrySet()) {
        o.set(e.getKey(), Json.mapper().valueToTree(e.getValue()));
      }
    }
    ArrayNode files = root.putArray("files");
    for (TdgReport.FileResult f : r.files()) {
      ObjectNode o = files.addObject();
      o.put("path", f.path());
      o.put("language", f.language());
      o.put("score", f.score());
      o.put("grade", Grade.of(f.score()).name());
      put(o, "complexity", f.complexity());
      put(o, "coverage", f.coverage());
      put(o, "documentation", f.documentation());
      ArrayNode ms = o.putArray("methods");
      for (TdgReport.MethodResult m : f.methods()) {
        ObjectNode x = ms.addObject();
        x.put("name", m.name());
        x.put("line", m.line());
        if (m.cell() > 0) {
          x.put("cell", m.cell());
          x.put("where", m.where(f.path()));
        }
        x.put("cyclomatic", m.cyclomatic());
        x.put("cognitive", m.cognitive());
        x.put("nesting", m.nesting());
        x.put("length", m.length());
        x.put("parameters", m.parameters());
        x.put("score", m.score());
      }
      if (!f.undocumented().isEmpty()) {
        ArrayNode u = o.putArray("undocumented");
        f.undocumented().forEach(u::add);
      }
    }
    ArrayNode nm = root.putArray("not_measured");
    r.notMeasured().forEach(nm::add);
    root.put("all_measured", r.components().stream().allMatch(TdgReport.Component::measured));
    ArrayNode ug = root.putArray("ungraded_files");
    for (TdgReport.Ungraded u : r.ungraded()) {
      ug.addObject().put("path", u.path()).put("reason", u.reason());
    }
    r.regression()
        .ifPresent(
            g -> {
              ObjectNode o = root.putObject("regression");
              o.put("baseline", g.baseline());
              o.put("baseline_score", g.baselineScore());
              o.put("baseline_grade", g.baselineGrade().name());
              o.put("score_drop", g.scoreDrop());
              o.put("max_score_drop", g.maxScoreDrop());
              o.put("grade_dropped", g.gradeDropped());
              o.put("regressed", g.regressed());
              ArrayNode w = o.putArray("files_worse");
              for (TdgReport.FileChange c : g.worse()) {
                w.addObject()
                    .put("path", c.path())
                    .put("before", c.before())
                    .put("after", c.after())
                    .put("drop", Scoring.round1(c.drop()));
              }
            });
    ArrayNode warn = root.putArray("warnings");
    r.warnings().forEach(warn::add);
    ObjectNode run = root.putObject("run");
    run.put("root", r.root());
    run.put("files_analysed", r.analysedFiles());
    run.put("files_from_cache", r.cachedFiles());
    return root;
  }

  private static void put(ObjectNode o, String key, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(key, v.getAsDouble());
    } else {
      o.putNull(key);
    }
  }

  /** The per-language breakdown, for JSON and SARIF. */
  static ArrayNode languages(TdgReport r) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (TdgReport.LanguageResult l : r.languages()) {
      ObjectNode o = out.addObject();
      o.put("language", l.name());
      o.put("files", l.files());
      o.put("ungraded_files", l.ungraded());
      o.put("lines", l.lines());
      o.put("share", Math.round(l.share() * 1000) / 1000.0);
      o.put("methods", l.methods());
      put(o, "complexity", round(l.complexity()));
      put(o, "coverage", round(l.coverage()));
      put(o, "documented_api", round(l.documentation()));
    }
    return out;
  }

  private static OptionalDouble round(OptionalDouble d) {
    return d.isPresent() ? OptionalDouble.of(Scoring.round1(d.getAsDouble())) : d;
  }
}
