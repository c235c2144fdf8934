package io.andon.tdg.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Python project's dependencies, from the files at its root. Lock files name exact versions and
 * are read when present ({@code poetry.lock}, {@code uv.lock}, {@code Pipfile.lock}); otherwise the
 * declared requirements: {@code requirements*.txt} (and {@code requirements/*.txt}), {@code
 * pyproject.toml}'s PEP 621 {@code [project]} dependencies and optional dependencies, and Poetry's
 * {@code [tool.poetry]} dependencies and groups. A declared requirement is a dependency only when
 * it pins one version; the others are unpinned.
 */
public final class PythonDependencies {
  private PythonDependencies() {}

  /** Reads the Python dependency files at {@code root}; an empty set when there are none. */
  public static DependencySet read(Path root) {
    DependencyCollector out = new DependencyCollector();
    boolean locked = false;
    if (Files.isRegularFile(root.resolve("poetry.lock"))) {
      locked |= PythonLockFiles.poetry(root.resolve("poetry.lock"), "poetry.lock", out);
    }
    if (Files.isRegularFile(root.resolve("uv.lock"))) {
      locked |= PythonLockFiles.uv(root.resolve("uv.lock"), "uv.lock", out);
    }
    if (Files.isRegularFile(root.resolve("Pipfile.lock"))) {
      locked |= PythonLockFiles.pipenv(root.resolve("Pipfile.lock"), "Pipfile.lock", out);
    }
    if (!locked) {
      Set<Path> seen = new HashSet<>();
      for (Path f : requirementFiles(root)) {
        PythonRequirements.readFile(f, root, out, seen);
      }
      if (Files.isRegularFile(root.resolve("pyproject.toml"))) {
        pyproject(root.resolve("pyproject.toml"), out);
      }
    }
    return out.build();
  }

  private static List<Path> requirementFiles(Path root) {
    try (Stream<Path> top = Files.list(root)) {
      Stream<Path> nested =
          Files.isDirectory(root.resolve("requirements"))
              ? Files.list(root.resolve("requirements"))
              : Stream.empty();
      try (nested) {
        return Stream.concat(
                top.filter(p -> p.getFileName().toString().matches("requirements.*\\.txt")),
                nested.filter(p -> p.getFileName().toString().endsWith(".txt")))
            .filter(Files::isRegularFile)
            .sorted()
            .toList();
      }
    } catch (IOException e) {
      throw new InvalidInputException(root + ": cannot be listed (" + e.getMessage() + ").", e);
    }
  }

  private static void pyproject(Path file, DependencyCollector out) {
    String name = "pyproject.toml";
    JsonNode root = TomlFiles.read(file, name);
    JsonNode project = root.path("project");
    JsonNode poetry = root.path("tool").path("poetry");
    if (project.isMissingNode() && poetry.isMissingNode()) {
      return;
    }
    out.source(name, "declared dependencies");
    for (JsonNode r : project.path("dependencies")) {
      PythonRequirements.add(r.asText(), name + " [project] dependencies", out);
    }
    project
        .path("optional-dependencies")
        .properties()
        .forEach(
            e ->
                e.getValue()
                    .forEach(
                        r ->
                            PythonRequirements.add(
                                r.asText(),
                                name + " [project.optional-dependencies] " + e.getKey(),
                                out)));
    poetryTable(poetry.path("dependencies"), name + " [tool.poetry.dependencies]", out);
    poetryTable(poetry.path("dev-dependencies"), name + " [tool.poetry.dev-dependencies]", out);
    poetry
        .path("group")
        .properties()
        .forEach(
            g ->
                poetryTable(
                    g.getValue().path("dependencies"),
                    name + " [tool.poetry.group." + g.getKey() + ".dependencies]",
                    out));
  }

  /**
   * Poetry's dependency table: {@code name = "constraint"} or {@code {version = ..., ...}}, or a
   * list of those for several markers. A bare version ({@code "2.28.1"}) is exact in Poetry; {@code
   * ^}, {@code ~}, {@code *}, ranges and wildcards are not pins.
   */
  private static void poetryTable(JsonNode table, String origin, DependencyCollector out) {
    Iterator<Map.Entry<String, JsonNode>> it = table.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase("python")) {
        continue; // the interpreter, not a package
      }
      List<JsonNode> specs =
          e.getValue().isArray()
              ? Stream.of(e.getValue()).flatMap(a -> a.valueStream()).toList()
              : List.of(e.getValue());
      for (JsonNode spec : specs) {
        poetryEntry(e.getKey(), spec, origin, out);
      }
    }
  }

  private static void poetryEntry(
      String pkg, JsonNode spec, String origin, DependencyCollector out) {
    if (spec.isObject() && !spec.has("version")) {
      String kind =
          spec.has("git")
              ? "git"
              : spec.has("path") ? "path" : spec.has("url") ? "url" : "no version";
      out.unchecked(pkg, origin, "installed from " + kind + ", not a PyPI release");
      return;
    }
    String constraint = (spec.isObject() ? spec.path("version") : spec).asText("").strip();
    String exact = constraint.startsWith("==") ? constraint.substring(2).strip() : constraint;
    if (!exact.isEmpty() && Pep440.parse(exact).isPresent()) {
      out.dependency(new Dependency(Ecosystem.PYPI, pkg, exact, origin));
    } else {
      out.unpinned(new DependencySet.Requirement(Ecosystem.PYPI, pkg, constraint, origin));
    }
  }
}
