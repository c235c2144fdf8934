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
 * @param declaredIn where the project names the dependency, as {@code file[:line]} and maybe a
 *     section ({@code requirements.txt:4}, {@code pyproject.toml [project] dependencies}); the
 *     report itself for findings of other scanners
 */
public record Finding(
    String id,
    List<String> aliases,
    String packageName,
    String version,
    Severity severity,
    String summary,
    String fixedIn,
    String source,
    String declaredIn) {
  public Finding {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(packageName, "packageName");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(fixedIn, "fixedIn");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(declaredIn, "declaredIn");
  }

  /** The file of {@link #declaredIn()} and its line (1 when it names none). */
  public String declaredFile() {
    String file = declaredIn.split(" ", 2)[0];
    int colon = file.lastIndexOf(':');
    return colon > 0 && file.substring(colon + 1).matches("\\d+") ? file.substring(0, colon) : file;
  }

  /** The line of {@link #declaredIn()}, 1 when it names none. */
  public int declaredLine() {
    String file = declaredIn.split(" ", 2)[0];
    int colon = file.lastIndexOf(':');
    return colon > 0 && file.substring(colon + 1).matches("\\d+")
        ? Integer.parseInt(file.substring(colon + 1))
        : 1;
  }
}
