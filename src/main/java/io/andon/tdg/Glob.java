package io.andon.tdg;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/** Exclude globs on paths relative to the project root ({@code **} crosses folders). */
final class Glob {
  private final List<PathMatcher> matchers;

  Glob(List<String> globs) {
    this.matchers = globs.stream().flatMap(g -> {
      // "**/x/**" should also match "x/..." at the root
      String norm = g.startsWith("/") ? g.substring(1) : g;
      return norm.startsWith("**/")
          ? List.of(norm, norm.substring(3)).stream()
          : List.of(norm).stream();
    }).map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
  }

  boolean matches(String relative) {
    Path p = Path.of(relative);
    for (PathMatcher m : matchers) {
      if (m.matches(p)) {
        return true;
      }
    }
    return false;
  }
}
