package io.andon.tdg.coverage;

import java.util.List;
import java.util.Objects;

/**
 * One coverage report read from disk: line and branch counts per file (JaCoCo, Cobertura, LCOV) or
 * mutants per file (PIT, mutmut, cargo-mutants).
 *
 * @param source the report's path, for messages
 * @param format jacoco, cobertura, lcov, coverage.py, pit, mutmut or cargo-mutants
 */
public record CoverageReport(
    String source, String format, List<FileCoverage> files, List<FileMutations> mutations) {
  public CoverageReport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    files = List.copyOf(files);
    mutations = List.copyOf(mutations);
  }

  public boolean isMutationReport() {
    return !mutations.isEmpty() || List.of("pit", "mutmut", "cargo-mutants").contains(format);
  }
}
