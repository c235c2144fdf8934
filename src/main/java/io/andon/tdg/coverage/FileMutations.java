package io.andon.tdg.coverage;

import java.util.Objects;

/**
 * PIT mutants of one source file.
 *
 * @param detected mutants the tests detected (killed, timed out, memory or run error)
 * @param total all mutants, survivors and those no test covered included
 */
public record FileMutations(String path, int detected, int total) {
  public FileMutations {
    Objects.requireNonNull(path, "path");
    if (detected < 0 || detected > total) {
      throw new IllegalArgumentException("impossible mutation counts for " + path);
    }
  }
}
