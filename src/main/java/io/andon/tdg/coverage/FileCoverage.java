package io.andon.tdg.coverage;

import java.util.Objects;

/**
 * Line and branch counts of one source file, as a coverage report gives them.
 *
 * @param path the file's path as the report names it (package path, relative or absolute)
 */
public record FileCoverage(
    String path, int linesCovered, int linesTotal, int branchesCovered, int branchesTotal) {
  public FileCoverage {
    Objects.requireNonNull(path, "path");
    if (linesCovered < 0
        || linesCovered > linesTotal
        || branchesCovered < 0
        || branchesCovered > branchesTotal) {
      throw new IllegalArgumentException("impossible coverage counts for " + path);
    }
  }

  FileCoverage plus(FileCoverage o) {
    return new FileCoverage(
        path,
        linesCovered + o.linesCovered,
        linesTotal + o.linesTotal,
        branchesCovered + o.branchesCovered,
        branchesTotal + o.branchesTotal);
  }
}
