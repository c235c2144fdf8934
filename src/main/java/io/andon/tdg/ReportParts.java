package io.andon.tdg;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** What the text and Markdown reports share: number formats, per-language lines, worst methods. */
final class ReportParts {
  private ReportParts() {}

  static String num(OptionalDouble v) {
    return v.isPresent() ? fmt(v.getAsDouble()) : "-";
  }

  /** One line per language: its share of the lines and its component scores. */
  static String languageLine(TdgReport.LanguageResult l, String sep) {
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

  static String confidence(TdgReport r) {
    return r.ungraded().isEmpty()
        ? ""
        : String.format(
            Locale.ROOT,
            "  confidence %.0f%% (%d files ungraded)",
            100 * r.confidence(),
            r.ungraded().size());
  }

  static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  /** How many files and methods the text and Markdown reports list. */
  static final int TOP = 10;

  static List<TdgReport.MethodResult> worstMethods(TdgReport r) {
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

  static String summary(TdgReport.Component c) {
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

  static String notChecked(Map<String, Object> m) {
    int unpinned = ((List<?>) m.get("unpinned_dependencies")).size();
    int unresolved = ((List<?>) m.get("unresolved_dependencies")).size();
    return unpinned + unresolved == 0
        ? ""
        : "; not checked: " + unpinned + " unpinned, " + unresolved + " other";
  }

  static String percent(Object o) {
    return o == null ? "not measured" : o + "%";
  }
}
