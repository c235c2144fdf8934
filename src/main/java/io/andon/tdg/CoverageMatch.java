package io.andon.tdg;

import io.andon.tdg.coverage.CoverageReport;
import io.andon.tdg.coverage.FileCoverage;
import io.andon.tdg.coverage.FileMutations;
import io.andon.tdg.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second step of a grade: each coverage and mutation report entry assigned to the graded source
 * it names, by path suffix; the first report wins.
 *
 * @param reports the reports read
 * @param coverage line and branch coverage by graded source path
 * @param mutations mutation results by graded source path
 * @param warnings reports that name sources which are not graded here
 */
record CoverageMatch(
    List<CoverageReport> reports,
    Map<String, FileCoverage> coverage,
    Map<String, FileMutations> mutations,
    List<String> warnings) {
  CoverageMatch {
    reports = List.copyOf(reports);
    coverage = Map.copyOf(coverage);
    mutations = Map.copyOf(mutations);
    warnings = List.copyOf(warnings);
  }

  static CoverageMatch of(List<CoverageReport> reports, List<SourceFile> parsed) {
    Map<String, FileCoverage> coverageByFile = new HashMap<>();
    Map<String, FileMutations> mutationsByFile = new HashMap<>();
    List<String> warnings = new ArrayList<>();
    SuffixIndex index = new SuffixIndex(parsed.stream().map(SourceFile::path).toList());
    for (CoverageReport r : reports) {
      int matched = 0;
      for (FileCoverage fc : r.files()) {
        Optional<String> p = index.find(fc.path());
        if (p.isPresent()) {
          matched++;
          coverageByFile.putIfAbsent(p.get(), fc);
        }
      }
      for (FileMutations fm : r.mutations()) {
        Optional<String> p = index.find(fm.path());
        if (p.isPresent()) {
          matched++;
          mutationsByFile.putIfAbsent(p.get(), fm);
        }
      }
      int count = r.files().size() + r.mutations().size();
      if (matched == 0 && count > 0) {
        warnings.add(
            r.source()
                + " names none of the project's graded source files (is it"
                + " from this project, or are those files excluded?)");
      } else if (matched < count) {
        warnings.add(
            r.source()
                + ": "
                + (count - matched)
                + " of "
                + count
                + " files are"
                + " not graded sources here (excluded or elsewhere) and were left out");
      }
    }
    return new CoverageMatch(reports, coverageByFile, mutationsByFile, warnings);
  }

  Optional<FileCoverage> coverageOf(String path) {
    return Optional.ofNullable(coverage.get(path));
  }

  Optional<FileMutations> mutationsOf(String path) {
    return Optional.ofNullable(mutations.get(path));
  }

  /** Finds the graded source a coverage report's path names, by path suffix. */
  static final class SuffixIndex {
    private final Map<String, List<String>> byName = new HashMap<>();

    SuffixIndex(List<String> paths) {
      for (String p : paths) {
        byName.computeIfAbsent(p.substring(p.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(p);
      }
    }

    Optional<String> find(String reportPath) {
      String rp = reportPath.replace('\\', '/');
      String name = rp.substring(rp.lastIndexOf('/') + 1);
      for (String candidate : byName.getOrDefault(name, List.of())) {
        if (candidate.equals(rp) || candidate.endsWith("/" + rp) || rp.endsWith("/" + candidate)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    }
  }
}
