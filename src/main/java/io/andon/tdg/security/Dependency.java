package io.andon.tdg.security;

import java.util.Objects;

/**
 * A Maven dependency of the project.
 *
 * @param origin where it was read, e.g. {@code pom.xml:42} or {@code target/bom.json}
 */
public record Dependency(String group, String artifact, String version, String origin) {
  public Dependency {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(origin, "origin");
  }

  /** {@code group:artifact}, the OSV package name for Maven. */
  public String name() {
    return group + ":" + artifact;
  }

  @Override
  public String toString() {
    return name() + ":" + version;
  }
}
