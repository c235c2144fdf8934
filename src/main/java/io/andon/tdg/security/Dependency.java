package io.andon.tdg.security;

import java.util.Objects;

/**
 * A dependency of the project, in one package ecosystem.
 *
 * @param name the package name as OSV names it: {@code group:artifact} for Maven, the project name
 *     for PyPI, the crate name for crates.io
 * @param origin where it was read, e.g. {@code pom.xml:42}, {@code poetry.lock:17}
 */
public record Dependency(Ecosystem ecosystem, String name, String version, String origin) {
  public Dependency {
    Objects.requireNonNull(ecosystem, "ecosystem");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(origin, "origin");
  }

  /** A Maven dependency {@code group:artifact:version}. */
  public static Dependency maven(String group, String artifact, String version, String origin) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(artifact, "artifact");
    return new Dependency(Ecosystem.MAVEN, group + ":" + artifact, version, origin);
  }

  /**
   * Maven {@code group:artifact:version}, PyPI {@code name==version}, crates.io {@code
   * name@version}.
   */
  @Override
  public String toString() {
    return switch (ecosystem) {
      case MAVEN -> name + ":" + version;
      case PYPI -> name + "==" + version;
      case CRATES_IO -> name + "@" + version;
    };
  }
}
