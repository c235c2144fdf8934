package io.andon.tdg.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an unpinned requirement is reported: it is never matched, so it is never counted as free of
 * vulnerabilities; for a PyPI requirement, the advisories that list an affected version its range
 * admits are named, so the reader sees what an install could pick up.
 */
final class Unpinned {
  private Unpinned() {}

  static String describe(DependencySet.Requirement r, Optional<OsvDatabase> db) {
    String fix =
        r.ecosystem() == Ecosystem.CRATES_IO
            ? "commit Cargo.lock (cargo generate-lockfile) so the exact versions can be checked"
            : "pin it with == or commit a lock file (poetry.lock, uv.lock, Pipfile.lock)";
    String text = r + " (" + r.origin() + "): not pinned to one version, so not checked; " + fix;
    List<String> hits =
        db.isPresent() && r.ecosystem() == Ecosystem.PYPI
            ? admittedAdvisories(r, db.get())
            : List.of();
    return hits.isEmpty()
        ? text
        : text + ". Its range admits versions affected by " + String.join(", ", hits);
  }

  private static List<String> admittedAdvisories(DependencySet.Requirement r, OsvDatabase db) {
    Optional<Pep440Specifiers> spec = Pep440Specifiers.parse(r.constraint());
    List<String> out = new ArrayList<>();
    if (spec.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, List<String>> e :
        db.affectedVersions(r.ecosystem(), r.name()).entrySet()) {
      boolean admitted =
          e.getValue().stream()
              .map(Pep440::parse)
              .flatMap(Optional::stream)
              .anyMatch(spec.get()::admits);
      if (admitted) {
        out.add(e.getKey());
      }
    }
    return out;
  }
}
