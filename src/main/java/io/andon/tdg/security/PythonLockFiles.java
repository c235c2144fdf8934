package io.andon.tdg.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Python lock files, which name the exact version of every package installed: Poetry's {@code
 * poetry.lock} (lock-version 1.x and 2.x), uv's {@code uv.lock} (version 1) and Pipenv's {@code
 * Pipfile.lock} (pipfile-spec 6; both its {@code default} and {@code develop} packages). A lock
 * file of a format version andon does not know is listed as unchecked with the reason, not read.
 * Packages from git, a URL or a path are not PyPI releases and are listed as unchecked; the
 * project's own package (uv's editable or virtual source) is not a dependency.
 */
final class PythonLockFiles {
  private PythonLockFiles() {}

  /** Reads {@code poetry.lock}; false when its lock-version is one andon does not read. */
  static boolean poetry(Path file, String name, DependencyCollector out) {
    JsonNode root = TomlFiles.read(file, name);
    String version = root.path("metadata").path("lock-version").asText("");
    if (!version.matches("[12](\\.\\d+)*")) {
      out.unchecked(
          name,
          name,
          "lock-version '"
              + version
              + "' is not one andon reads (1.x,"
              + " 2.x); its packages are not checked. Regenerate it with Poetry 1.x or 2.x, or"
              + " export requirements.txt with pinned versions");
      return false;
    }
    out.source(name, "Poetry lock file");
    for (JsonNode p : root.path("package")) {
      String source = p.path("source").path("type").asText("");
      if (source.isEmpty() || source.equals("legacy")) {
        add(p, name, out);
      } else {
        out.unchecked(
            p.path("name").asText("?"),
            name,
            "installed from "
                + source
                + " ("
                + p.path("source").path("url").asText("")
                + "), not a PyPI release");
      }
    }
    return true;
  }

  /** Reads {@code uv.lock}; false when its version is one andon does not read. */
  static boolean uv(Path file, String name, DependencyCollector out) {
    JsonNode root = TomlFiles.read(file, name);
    if (root.path("version").asInt(-1) != 1) {
      out.unchecked(
          name,
          name,
          "lock file version "
              + root.path("version").asText("(none)")
              + " is not one andon reads (1); its packages are not checked");
      return false;
    }
    out.source(name, "uv lock file");
    for (JsonNode p : root.path("package")) {
      JsonNode source = p.path("source");
      if (source.has("registry")) {
        add(p, name, out);
      } else if (!source.has("editable") && !source.has("virtual") && !source.has("directory")) {
        String kind = source.fieldNames().hasNext() ? source.fieldNames().next() : "no source";
        out.unchecked(
            p.path("name").asText("?"),
            name,
            "installed from "
                + kind
                + " ("
                + source.path(kind).asText("")
                + "), not a PyPI release");
      }
    }
    return true;
  }

  /** Reads {@code Pipfile.lock}; false when its pipfile-spec is one andon does not read. */
  static boolean pipenv(Path file, String name, DependencyCollector out) {
    JsonNode root = DependencyReaders.json(file, name);
    JsonNode spec = root.path("_meta").path("pipfile-spec");
    if (spec.asInt(-1) != 6) {
      out.unchecked(
          name,
          name,
          "pipfile-spec "
              + (spec.isMissingNode() ? "(none)" : spec.asText())
              + " is not one andon reads (6); its packages are not checked");
      return false;
    }
    out.source(name, "Pipenv lock file");
    for (String section : new String[] {"default", "develop"}) {
      Iterator<Map.Entry<String, JsonNode>> it = root.path(section).properties().iterator();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String version = e.getValue().path("version").asText("");
        String where = name + " " + section;
        if (version.startsWith("==")) {
          out.dependency(new Dependency(Ecosystem.PYPI, e.getKey(), version.substring(2), where));
        } else {
          out.unchecked(
              e.getKey(),
              where,
              "no pinned version (installed from "
                  + String.join(
                      ", ",
                      e.getValue().properties().stream()
                          .map(Map.Entry::getKey)
                          .filter(k -> !k.equals("markers"))
                          .toList())
                  + "), not a PyPI release");
        }
      }
    }
    return true;
  }

  private static void add(JsonNode p, String name, DependencyCollector out) {
    String pkg = p.path("name").asText("");
    String version = p.path("version").asText("");
    if (pkg.isEmpty() || version.isEmpty()) {
      out.unchecked(pkg.isEmpty() ? "a package" : pkg, name, "no name or version in the entry");
    } else {
      out.dependency(new Dependency(Ecosystem.PYPI, pkg, version, name));
    }
  }
}
