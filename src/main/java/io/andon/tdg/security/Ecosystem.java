package io.andon.tdg.security;

import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * A package ecosystem as OSV names it, with the version order its {@code ECOSYSTEM} ranges use and
 * the way it compares package names.
 */
public enum Ecosystem {
  /** Maven Central; {@code group:artifact} names, Maven's version order. */
  MAVEN("Maven"),
  /** The Python Package Index; names compared as PEP 503 normalises them, PEP 440 order. */
  PYPI("PyPI"),
  /** crates.io; names as written, Semantic Versioning order. */
  CRATES_IO("crates.io");

  private final String osvName;

  Ecosystem(String osvName) {
    this.osvName = osvName;
  }

  /** The name OSV gives it in {@code affected[].package.ecosystem}. */
  public String osvName() {
    return osvName;
  }

  /** The ecosystem an OSV record names (its {@code :suffix}, as in {@code Debian:12}, ignored). */
  public static Optional<Ecosystem> ofOsv(String name) {
    for (Ecosystem e : values()) {
      if (e.osvName.equalsIgnoreCase(name)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The key a package name is looked up by: PEP 503's normal form for PyPI, else as is. */
  public String key(String packageName) {
    return this == PYPI
        ? packageName.strip().toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-")
        : packageName.strip();
  }

  /** The order of versions in this ecosystem's {@code ECOSYSTEM} ranges. */
  Comparator<String> order() {
    return switch (this) {
      case MAVEN -> Versions.MAVEN;
      case PYPI -> Versions.PEP440;
      case CRATES_IO -> Versions.SEMVER;
    };
  }
}
