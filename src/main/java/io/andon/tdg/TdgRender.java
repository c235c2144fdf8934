package io.andon.tdg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Renders a {@link TdgReport} as JSON, text, Markdown or SARIF 2.1.0. */
public final class TdgRender {
  private TdgRender() {}

  /** The JSON document, the metrics source for {@code andon gate} ({@code tdg.score}, ...). */
  public static ObjectNode json(TdgReport r) {
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

  private static String num(OptionalDouble v) {
    return v.isPresent() ? fmt(v.getAsDouble()) : "-";
  }

  /** The per-language breakdown, for JSON and SARIF. */
  private static ArrayNode languages(TdgReport r) {
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

  /** One line per language: its share of the lines and its component scores. */
  private static String languageLine(TdgReport.LanguageResult l, String sep) {
    return String.format(
        Locale.ROOT,
        "%s%s%5.1f%%%s%d files%s%d lines%s%s%s%s%s%s%s%s",
        l.name(),
        sep,
        100 * l.share(),
        sep,
        l.files(),
        sep,
        l.lines(),
        sep,
        num(l.complexity()),
        sep,
        num(l.coverage()),
        sep,
        num(l.documentation()),
        sep,
        l.ungraded() == 0 ? "" : l.ungraded() + " ungraded");
  }

  private static String confidence(TdgReport r) {
    return r.ungraded().isEmpty()
        ? ""
        : String.format(
            Locale.ROOT,
            "  confidence %.0f%% (%d files ungraded)",
            100 * r.confidence(),
            r.ungraded().size());
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** How many files and methods the text and Markdown reports list. */
  static final int TOP = 10;

  private static List<TdgReport.MethodResult> worstMethods(TdgReport r) {
    return r.files().stream()
        .flatMap(
            f ->
                f.methods().stream()
                    .map(
                        m ->
                            new TdgReport.MethodResult(
                                m.where(f.path()) + " " + m.name(),
                                m.line(),
                                m.cyclomatic(),
                                m.cognitive(),
                                m.nesting(),
                                m.length(),
                                m.parameters(),
                                m.score(),
                                m.cell())))
        .sorted(
            java.util.Comparator.comparingDouble(TdgReport.MethodResult::score)
                .thenComparing(
                    java.util.Comparator.comparingInt(TdgReport.MethodResult::cognitive)
                        .reversed()))
        .limit(TOP)
        .toList();
  }

  /** A report for a terminal. */
  public static String text(TdgReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("TDG ")
        .append(r.grade())
        .append("  ")
        .append(fmt(r.score()))
        .append("/100  ")
        .append(r.root())
        .append(confidence(r))
        .append('\n');
    for (TdgReport.Component c : r.components()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %-14s %6s  %s%n",
              c.name(),
              c.measured() ? fmt(c.score().getAsDouble()) : "-",
              c.measured()
                  ? String.format(
                      Locale.ROOT, "weight %.0f%%  %s", 100 * c.effectiveWeight(), summary(c))
                  : "NOT_MEASURED: " + c.reason()));
    }
    if (!r.notMeasured().isEmpty()) {
      sb.append("  not measured: ")
          .append(String.join(", ", r.notMeasured()))
          .append(" (excluded from the score, weights renormalised)\n");
    }
    if (!r.languages().isEmpty()) {
      sb.append("\nLanguages (share of lines, complexity, coverage, documented API)\n");
      r.languages()
          .forEach(l -> sb.append("  ").append(languageLine(l, "  ").strip()).append('\n'));
    }
    List<TdgReport.FileResult> worst = r.files().stream().limit(TOP).toList();
    if (!worst.isEmpty()) {
      sb.append("\nWorst files\n");
      for (TdgReport.FileResult f : worst) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %5s %s  %s  (complexity %s, coverage %s, docs %s)%n",
                fmt(f.score()),
                Grade.of(f.score()),
                f.path(),
                num(f.complexity()),
                num(f.coverage()),
                num(f.documentation())));
      }
    }
    List<TdgReport.MethodResult> methods = worstMethods(r);
    if (!methods.isEmpty()) {
      sb.append("\nWorst methods\n");
      for (TdgReport.MethodResult m : methods) {
        sb.append(
            String.format(
                Locale.ROOT,
                "  %5s  cyclomatic %3d  cognitive %3d  nesting %d  %d lines  %s%n",
                fmt(m.score()),
                m.cyclomatic(),
                m.cognitive(),
                m.nesting(),
                m.length(),
                m.name()));
      }
    }
    if (!r.ungraded().isEmpty()) {
      sb.append("\nUngraded files\n");
      r.ungraded()
          .forEach(
              u -> sb.append("  ").append(u.path()).append(": ").append(u.reason()).append('\n'));
    }
    List<String> unchecked = new ArrayList<>(r.security().unpinned());
    unchecked.addAll(r.security().unresolved());
    if (!unchecked.isEmpty()) {
      sb.append("\nDependencies not checked\n");
      unchecked.forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    r.security().findings().stream()
        .limit(TOP)
        .forEach(
            f -> {
              if (f == r.security().findings().get(0)) {
                sb.append("\nSecurity findings\n");
              }
              sb.append("  ")
                  .append(f.severity())
                  .append(' ')
                  .append(f.id())
                  .append("  ")
                  .append(f.packageName())
                  .append(':')
                  .append(f.version())
                  .append(f.fixedIn().isEmpty() ? "" : " (fixed in " + f.fixedIn() + ")")
                  .append("  ")
                  .append(f.summary())
                  .append('\n');
            });
    r.regression()
        .ifPresent(
            g -> {
              sb.append("\nAgainst baseline ")
                  .append(g.baseline())
                  .append(": ")
                  .append(fmt(g.baselineScore()))
                  .append(" -> ")
                  .append(fmt(r.score()))
                  .append(g.regressed() ? "  REGRESSED" : "  ok")
                  .append(" (max drop ")
                  .append(fmt(g.maxScoreDrop()))
                  .append(")\n");
              if (g.gradeDropped()) {
                sb.append("  grade dropped from ")
                    .append(g.baselineGrade())
                    .append(" to ")
                    .append(r.grade())
                    .append('\n');
              }
              g.worse()
                  .forEach(
                      c ->
                          sb.append("  worse: ")
                              .append(c.path())
                              .append("  ")
                              .append(fmt(c.before()))
                              .append(" -> ")
                              .append(fmt(c.after()))
                              .append('\n'));
            });
    r.warnings().forEach(w -> sb.append("warning: ").append(w).append('\n'));
    return sb.toString();
  }

  private static String summary(TdgReport.Component c) {
    Map<String, Object> m = c.metrics();
    return switch (c.name()) {
      case "complexity" ->
          m.get("methods")
              + " methods, mean cyclomatic "
              + m.get("mean_cyclomatic")
              + ", cognitive "
              + m.get("mean_cognitive")
              + "; "
              + m.get("methods_over_cognitive")
              + " over the cognitive threshold";
      case "coverage" ->
          "line "
              + percent(m.get("line"))
              + ", branch "
              + percent(m.get("branch"))
              + ", mutation "
              + percent(m.get("mutation"));
      case "documentation" ->
          "doc comments "
              + percent(m.get("javadoc"))
              + " of "
              + m.get("public_api")
              + " public API items; README "
              + ((Map<?, ?>) m.get("readme")).get("score")
              + "/100";
      case "security" ->
          m.get("vulnerabilities")
              + " vulnerabilities, "
              + m.get("advisories")
              + " advisories in "
              + m.get("dependencies")
              + " dependencies"
              + notChecked(m);
      default -> "";
    };
  }

  private static String notChecked(Map<String, Object> m) {
    int unpinned = ((List<?>) m.get("unpinned_dependencies")).size();
    int unresolved = ((List<?>) m.get("unresolved_dependencies")).size();
    return unpinned + unresolved == 0
        ? ""
        : "; not checked: " + unpinned + " unpinned, " + unresolved + " other";
  }

  private static String percent(Object o) {
    return o == null ? "not measured" : o + "%";
  }

  /** A Markdown report, for READMEs and pull requests. */
  public static String markdown(TdgReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("## TDG grade: ")
        .append(r.grade())
        .append(" (")
        .append(fmt(r.score()))
        .append("/100)")
        .append(confidence(r))
        .append("\n\n");
    sb.append("| component | score | status | weight | measured |\n|---|---:|---|---:|---|\n");
    for (TdgReport.Component c : r.components()) {
      sb.append("| ")
          .append(c.name())
          .append(" | ")
          .append(num(c.score()))
          .append(" | ")
          .append(c.status())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.0f%%", 100 * c.effectiveWeight()))
          .append(" | ")
          .append(c.measured() ? summary(c) : c.reason())
          .append(" |\n");
    }
    if (!r.notMeasured().isEmpty()) {
      sb.append("\nNot measured: ")
          .append(String.join(", ", r.notMeasured()))
          .append(" (excluded from the score, weights renormalised).\n");
    }
    if (!r.languages().isEmpty()) {
      sb.append(
          "\n### Languages\n\n| language | share of lines | files | lines | complexity"
              + " | coverage | documented API | ungraded |\n|---|---:|---:|---:|---:|---:|---:|---|\n");
      r.languages().forEach(l -> sb.append("| ").append(languageLine(l, " | ")).append(" |\n"));
    }
    sb.append("\n### Worst files\n\n| score | file | complexity | coverage | docs |\n")
        .append("|---:|---|---:|---:|---:|\n");
    r.files().stream()
        .limit(TOP)
        .forEach(
            f ->
                sb.append("| ")
                    .append(fmt(f.score()))
                    .append(" | `")
                    .append(f.path())
                    .append("` | ")
                    .append(num(f.complexity()))
                    .append(" | ")
                    .append(num(f.coverage()))
                    .append(" | ")
                    .append(num(f.documentation()))
                    .append(" |\n"));
    sb.append("\n### Worst methods\n\n| score | cyclomatic | cognitive | nesting | method |\n")
        .append("|---:|---:|---:|---:|---|\n");
    worstMethods(r)
        .forEach(
            m ->
                sb.append("| ")
                    .append(fmt(m.score()))
                    .append(" | ")
                    .append(m.cyclomatic())
                    .append(" | ")
                    .append(m.cognitive())
                    .append(" | ")
                    .append(m.nesting())
                    .append(" | `")
                    .append(m.name())
                    .append("` |\n"));
    if (!r.ungraded().isEmpty()) {
      sb.append("\n### Ungraded files\n\n");
      r.ungraded()
          .forEach(
              u -> sb.append("- `").append(u.path()).append("`: ").append(u.reason()).append('\n'));
    }
    if (!r.security().findings().isEmpty()) {
      sb.append("\n### Security findings\n\n| severity | id | package | fixed in |\n")
          .append("|---|---|---|---|\n");
      r.security()
          .findings()
          .forEach(
              f ->
                  sb.append("| ")
                      .append(f.severity())
                      .append(" | ")
                      .append(f.id())
                      .append(" | ")
                      .append(f.packageName())
                      .append(':')
                      .append(f.version())
                      .append(" | ")
                      .append(f.fixedIn().isEmpty() ? "-" : f.fixedIn())
                      .append(" |\n"));
    }
    if (!r.security().unpinned().isEmpty() || !r.security().unresolved().isEmpty()) {
      sb.append("\n### Dependencies not checked\n\n");
      r.security().unpinned().forEach(u -> sb.append("- ").append(u).append('\n'));
      r.security().unresolved().forEach(u -> sb.append("- ").append(u).append('\n'));
    }
    r.regression()
        .ifPresent(
            g ->
                sb.append("\nAgainst baseline `")
                    .append(g.baseline())
                    .append("`: ")
                    .append(fmt(g.baselineScore()))
                    .append(" -> ")
                    .append(fmt(r.score()))
                    .append(g.regressed() ? " **regressed**" : " ok")
                    .append('\n'));
    return sb.toString();
  }

  /**
   * SARIF 2.1.0: one result per method over a threshold (rules tdg/cyclomatic, tdg/cognitive,
   * tdg/nesting), per ungraded file (tdg/unparsed) and per security finding (tdg/vulnerability,
   * tdg/advisory, located where the project declares the dependency).
   */
  public static ObjectNode sarif(TdgReport r, TdgConfig cfg) {
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
        .set("languages", languages(r));
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
