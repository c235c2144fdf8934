package io.andon.tdg;

import static io.andon.tdg.ReportParts.TOP;
import static io.andon.tdg.ReportParts.confidence;
import static io.andon.tdg.ReportParts.fmt;
import static io.andon.tdg.ReportParts.languageLine;
import static io.andon.tdg.ReportParts.num;
import static io.andon.tdg.ReportParts.summary;
import static io.andon.tdg.ReportParts.worstMethods;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The text form of a {@link TdgReport}, for a terminal. */
final class TdgText {
  private TdgText() {}

  /** A report for a terminal. */
  static String text(TdgReport r) {
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
}
