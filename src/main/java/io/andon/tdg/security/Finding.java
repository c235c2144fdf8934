package io.andon.tdg.security;

import java.util.List;
import java.util.Objects;

/**
 * A known vulnerability that affects a dependency of the project.
 *
 * @param id the advisory id (GHSA-..., CVE-..., OSV id)
 * @param aliases other ids of the same advisory
 * @param packageName {@code group:artifact}
 * @param version the affected version the project uses
 * @param fixedIn the first fixed version above it, or empty when none is known
 * @param source the advisory file or report it came from
 */
public record Finding(
    String id,
    List<String> aliases,
    String packageName,
    String version,
    Severity severity,
    String summary,
    String fixedIn,
    String source) {
  public Finding {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(fixedIn, "fixedIn");
    Objects.requireNonNull(source, "source");
  }
}
