package io.andon.tdg.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers what dependency files give into a {@link DependencySet}, one entry per package. */
final class DependencyCollector {
  private final Map<String, Dependency> dependencies = new LinkedHashMap<>();
  private final Map<String, DependencySet.Requirement> unpinned = new LinkedHashMap<>();
  private final List<String> unchecked = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();

  void dependency(Dependency d) {
    dependencies.putIfAbsent(d.ecosystem().key(d.name()) + " " + d.version(), d);
  }

  void unpinned(DependencySet.Requirement r) {
    unpinned.putIfAbsent(r.ecosystem().key(r.name()) + " " + r.constraint(), r);
  }

  void unchecked(String what, String origin, String why) {
    unchecked.add(what + " (" + origin + "): " + why);
  }

  void source(String file, String kind) {
    sources.add(file + " (" + kind + ")");
  }

  boolean hasSources() {
    return !sources.isEmpty();
  }

  DependencySet build() {
    return new DependencySet(
        List.copyOf(dependencies.values()), List.copyOf(unpinned.values()), unchecked, sources);
  }
}
