package io.andon.tdg.security;

import java.util.List;

/**
 * What one ecosystem's dependency files gave: the dependencies to match, those that cannot be
 * matched (each with its origin and why), and the files read.
 *
 * @param unpinned requirements that admit more than one version: never matched, never taken as free
 *     of vulnerabilities
 * @param unchecked other dependencies that cannot be matched, as {@code what (where): why}
 * @param sources the files read, as {@code file (kind)}
 */
public record DependencySet(
    List<Dependency> dependencies,
    List<Requirement> unpinned,
    List<String> unchecked,
    List<String> sources) {
  public DependencySet {
    dependencies = List.copyOf(dependencies);
    unpinned = List.copyOf(unpinned);
    unchecked = List.copyOf(unchecked);
    sources = List.copyOf(sources);
  }

  /** A requirement that does not pin one version: {@code requests>=2.28} from {@code origin}. */
  public record Requirement(Ecosystem ecosystem, String name, String constraint, String origin) {
    @Override
    public String toString() {
      return name + (constraint.isEmpty() ? " (any version)" : " " + constraint);
    }
  }

  static DependencySet empty() {
    return new DependencySet(List.of(), List.of(), List.of(), List.of());
  }
}
