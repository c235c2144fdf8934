package io.andon.tdg;

import static io.andon.tdg.ReportParts.TOP;
import static io.andon.tdg.ReportParts.confidence;
import static io.andon.tdg.ReportParts.fmt;
import static io.andon.tdg.ReportParts.languageLine;
import static io.andon.tdg.ReportParts.num;
import static io.andon.tdg.ReportParts.summary;
import static io.andon.tdg.ReportParts.worstMethods;

import java.util.Locale;

/** The Markdown form of a {@link TdgReport}, for READMEs and pull requests. */
final class TdgMarkdown {
  private TdgMarkdown() {}

  /** A Markdown report, for READMEs and pull requests. */
  static String markdown(TdgReport r) {
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
}
