package io.andon.tdg;

import io.andon.tdg.coverage.FileCoverage;
import io.andon.tdg.coverage.FileMutations;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The last step of a grade: each file's score and its methods', worst first. */
final class FileGrades {
  private FileGrades() {}

  /**
   * Grades each parsed file.
   *
   * @param coverageMeasured whether the project's coverage component was measured; when not, no
   *     file's coverage counts
   */
  static List<TdgReport.FileResult> of(
      List<SourceFile> parsed, TdgConfig cfg, CoverageMatch match, boolean coverageMeasured) {
    List<TdgReport.FileResult> fileResults = new ArrayList<>();
    for (SourceFile f : parsed) {
      OptionalDouble cx = OptionalDouble.of(Scoring.complexity(f.methods(), cfg));
      Map<String, OptionalDouble> fv = new LinkedHashMap<>();
      fv.put("complexity", cx);
      fv.put(
          "coverage",
          coverageMeasured
              ? coverage(match.coverageOf(f.path()), match.mutationsOf(f.path()))
              : OptionalDouble.empty());
      OptionalDouble doc =
          f.publicApi() == 0
              ? OptionalDouble.empty()
              : OptionalDouble.of(100.0 * f.documented() / f.publicApi());
      fv.put("documentation", doc);
      double score = Scoring.weighted(fv, cfg.weights()).orElse(cx.getAsDouble());
      fileResults.add(
          new TdgReport.FileResult(
              f.path(),
              f.language(),
              f.sha256(),
              Scoring.round1(score),
              round(cx),
              round(fv.get("coverage")),
              round(doc),
              methods(f, cfg),
              f.undocumented()));
    }
    fileResults.sort(
        Comparator.comparingDouble(TdgReport.FileResult::score)
            .thenComparing(TdgReport.FileResult::path));
    return fileResults;
  }

  private static List<TdgReport.MethodResult> methods(SourceFile f, TdgConfig cfg) {
    List<TdgReport.MethodResult> methods = new ArrayList<>();
    for (MethodMetrics m : f.methods()) {
      methods.add(
          new TdgReport.MethodResult(
              m.name(),
              m.line(),
              m.cyclomatic(),
              m.cognitive(),
              m.nesting(),
              m.length(),
              m.parameters(),
              Scoring.round1(Scoring.method(m, cfg)),
              m.cell()));
    }
    methods.sort(
        Comparator.comparingDouble(TdgReport.MethodResult::score)
            .thenComparing(Comparator.comparingInt(TdgReport.MethodResult::cognitive).reversed())
            .thenComparingInt(TdgReport.MethodResult::line));
    return methods;
  }

  private static OptionalDouble coverage(Optional<FileCoverage> fc, Optional<FileMutations> fm) {
    return Scoring.coverage(
        fc.filter(c -> c.linesTotal() > 0)
            .map(c -> OptionalDouble.of((double) c.linesCovered() / c.linesTotal()))
            .orElse(OptionalDouble.empty()),
        fc.filter(c -> c.branchesTotal() > 0)
            .map(c -> OptionalDouble.of((double) c.branchesCovered() / c.branchesTotal()))
            .orElse(OptionalDouble.empty()),
        fm.filter(m -> m.total() > 0)
            .map(m -> OptionalDouble.of((double) m.detected() / m.total()))
            .orElse(OptionalDouble.empty()));
  }

  private static OptionalDouble round(OptionalDouble d) {
    return d.isPresent() ? OptionalDouble.of(Scoring.round1(d.getAsDouble())) : d;
  }
}
