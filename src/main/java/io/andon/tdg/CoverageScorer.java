package io.andon.tdg;

import io.andon.tdg.coverage.FileCoverage;
import io.andon.tdg.coverage.FileMutations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Coverage: line, branch and mutation coverage of the graded sources. */
final class CoverageScorer implements ComponentScorer {
  @Override
  public String name() {
    return "coverage";
  }

  @Override
  public Scored score(Inputs in) {
    CoverageMatch match = in.coverage();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "reports",
        match.reports().stream().map(r -> r.source() + " (" + r.format() + ")").toList());
    if (match.reports().isEmpty()) {
      return new Scored(
          Components.notMeasured(
              name(),
              "no coverage report: pass --coverage FILE"
                  + " (JaCoCo XML, Cobertura XML, LCOV or PIT mutations.xml) or run the build that"
                  + " writes target/site/jacoco/jacoco.xml",
              m));
    }
    long lc = 0;
    long lt = 0;
    long bc = 0;
    long bt = 0;
    for (FileCoverage f : match.coverage().values()) {
      lc += f.linesCovered();
      lt += f.linesTotal();
      bc += f.branchesCovered();
      bt += f.branchesTotal();
    }
    long md = match.mutations().values().stream().mapToLong(FileMutations::detected).sum();
    long mt = match.mutations().values().stream().mapToLong(FileMutations::total).sum();
    OptionalDouble line = fraction(lc, lt);
    OptionalDouble branch = fraction(bc, bt);
    OptionalDouble mutation = fraction(md, mt);
    m.put("line", Components.pct(line));
    m.put("branch", Components.pct(branch));
    m.put("mutation", Components.pct(mutation));
    m.put("lines_covered", lc);
    m.put("lines_total", lt);
    m.put("branches_covered", bc);
    m.put("branches_total", bt);
    m.put("mutants_detected", md);
    m.put("mutants_total", mt);
    m.put("files_with_coverage", match.coverage().size());
    List<String> parts = new ArrayList<>();
    if (line.isEmpty()) {
      parts.add("line");
    }
    if (branch.isEmpty()) {
      parts.add("branch");
    }
    if (mutation.isEmpty()) {
      parts.add("mutation");
    }
    m.put("not_measured", parts);
    OptionalDouble score = Scoring.coverage(line, branch, mutation);
    if (score.isEmpty()) {
      return new Scored(
          Components.notMeasured(
              name(),
              "the coverage reports hold no line,"
                  + " branch or mutation data for the graded sources",
              m));
    }
    OptionalDouble byLanguage =
        LanguageShares.weighted(in.languages(), TdgReport.LanguageResult::coverage);
    return new Scored(
        Components.measured(name(), byLanguage.orElse(score.getAsDouble()), m),
        parts.stream().map(p -> name() + "." + p).toList());
  }

  private static OptionalDouble fraction(long part, long total) {
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / total);
  }
}
