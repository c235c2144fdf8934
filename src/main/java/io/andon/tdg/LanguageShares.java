package io.andon.tdg;

import io.andon.tdg.coverage.FileCoverage;
import io.andon.tdg.coverage.FileMutations;
import io.andon.tdg.source.Languages;
import io.andon.tdg.source.MethodMetrics;
import io.andon.tdg.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Each language's part of a mixed repository's grade: its complexity, coverage and documentation,
 * measured over its own files, weighted by its share of the graded lines.
 */
final class LanguageShares {
  private LanguageShares() {}

  /** One result per language with files, in {@link Languages#all()} order. */
  static List<TdgReport.LanguageResult> of(
      List<SourceFile> files,
      Map<String, FileCoverage> coverage,
      Map<String, FileMutations> mutations,
      TdgConfig cfg) {
    long totalLines = files.stream().filter(SourceFile::parsed).mapToLong(SourceFile::lines).sum();
    List<TdgReport.LanguageResult> out = new ArrayList<>();
    for (var language : Languages.all()) {
      List<SourceFile> all =
          files.stream().filter(f -> f.language().equals(language.name())).toList();
      if (all.isEmpty()) {
        continue;
      }
      List<SourceFile> parsed = all.stream().filter(SourceFile::parsed).toList();
      List<MethodMetrics> methods = parsed.stream().flatMap(f -> f.methods().stream()).toList();
      long lines = parsed.stream().mapToLong(SourceFile::lines).sum();
      int api = parsed.stream().mapToInt(SourceFile::publicApi).sum();
      int documented = parsed.stream().mapToInt(SourceFile::documented).sum();
      out.add(
          new TdgReport.LanguageResult(
              language.name(),
              parsed.size(),
              all.size() - parsed.size(),
              lines,
              totalLines == 0 ? 0 : (double) lines / totalLines,
              methods.size(),
              parsed.isEmpty()
                  ? OptionalDouble.empty()
                  : OptionalDouble.of(Scoring.complexity(methods, cfg)),
              coverage(parsed, coverage, mutations),
              api == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * documented / api)));
    }
    return out;
  }

  private static OptionalDouble coverage(
      List<SourceFile> files,
      Map<String, FileCoverage> coverage,
      Map<String, FileMutations> mutations) {
    long lc = 0;
    long lt = 0;
    long bc = 0;
    long bt = 0;
    long md = 0;
    long mt = 0;
    for (SourceFile f : files) {
      FileCoverage c = coverage.get(f.path());
      if (c != null) {
        lc += c.linesCovered();
        lt += c.linesTotal();
        bc += c.branchesCovered();
        bt += c.branchesTotal();
      }
      FileMutations m = mutations.get(f.path());
      if (m != null) {
        md += m.detected();
        mt += m.total();
      }
    }
    return Scoring.coverage(fraction(lc, lt), fraction(bc, bt), fraction(md, mt));
  }

  private static OptionalDouble fraction(long part, long total) {
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / total);
  }

  /**
   * The mean of a component over the languages that measure it, weighted by their lines; empty when
   * none does.
   */
  static OptionalDouble weighted(
      List<TdgReport.LanguageResult> languages,
      Function<TdgReport.LanguageResult, OptionalDouble> component) {
    double sum = 0;
    double weight = 0;
    for (TdgReport.LanguageResult l : languages) {
      OptionalDouble v = component.apply(l);
      if (v.isPresent()) {
        double w = Math.max(l.lines(), 1);
        sum += w * v.getAsDouble();
        weight += w;
      }
    }
    return weight == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / weight);
  }

  /** The share of the found source files that could be graded. */
  static double confidence(List<SourceFile> files) {
    return files.isEmpty()
        ? 1.0
        : (double) files.stream().filter(SourceFile::parsed).count() / files.size();
  }
}
