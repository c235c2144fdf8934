package io.andon.tdg.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Rust project's dependencies: every crate {@code Cargo.lock} names with its exact version (lock
 * format versions 1 to 4). Crates from crates.io (its git or sparse index) are matched; workspace
 * members (no source) are the project itself; crates from git or another registry are listed as
 * unchecked. Without {@code Cargo.lock}, the requirements of {@code Cargo.toml} are version ranges
 * ({@code "1.0"} means {@code ^1.0}) and are reported as unpinned.
 */
public final class CargoDependencies {
  private static final List<String> CRATES_IO =
      List.of(
          "registry+https://github.com/rust-lang/crates.io-index",
          "sparse+https://index.crates.io/");
  private static final List<String> TABLES =
      List.of("dependencies", "build-dependencies", "dev-dependencies");

  private CargoDependencies() {}

  /** Reads {@code Cargo.lock}, else {@code Cargo.toml}, at {@code root}. */
  public static DependencySet read(Path root) {
    DependencyCollector out = new DependencyCollector();
    if (Files.isRegularFile(root.resolve("Cargo.lock"))) {
      lock(root.resolve("Cargo.lock"), out);
    } else if (Files.isRegularFile(root.resolve("Cargo.toml"))) {
      manifest(root.resolve("Cargo.toml"), out);
    }
    return out.build();
  }

  private static void lock(Path file, DependencyCollector out) {
    String name = "Cargo.lock";
    JsonNode root = TomlFiles.read(file, name);
    JsonNode version = root.path("version");
    if (!version.isMissingNode() && (version.asInt(-1) < 1 || version.asInt(-1) > 4)) {
      out.unchecked(
          name,
          name,
          "lock file version "
              + version.asText()
              + " is not one andon"
              + " reads (1 to 4); its crates are not checked");
      return;
    }
    out.source(name, "Cargo lock file");
    for (JsonNode p : root.path("package")) {
      String crate = p.path("name").asText("?");
      String source = p.path("source").asText("");
      if (CRATES_IO.contains(source)) {
        out.dependency(
            new Dependency(Ecosystem.CRATES_IO, crate, p.path("version").asText(""), name));
      } else if (!source.isEmpty()) {
        out.unchecked(
            crate + "@" + p.path("version").asText("?"),
            name,
            "from " + source + ", not crates.io: no advisory can be matched to it");
      }
    }
  }

  private static void manifest(Path file, DependencyCollector out) {
    String name = "Cargo.toml";
    JsonNode root = TomlFiles.read(file, name);
    out.source(name, "declared dependencies, no Cargo.lock");
    for (String table : TABLES) {
      root.path(table)
          .properties()
          .forEach(
              e -> {
                JsonNode spec = e.getValue();
                String req = (spec.isObject() ? spec.path("version") : spec).asText("");
                out.unpinned(
                    new DependencySet.Requirement(
                        Ecosystem.CRATES_IO,
                        e.getKey(),
                        req.isEmpty() ? "" : "\"" + req + "\"",
                        name + " [" + table + "]"));
              });
    }
  }
}
