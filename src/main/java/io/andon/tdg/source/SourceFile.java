package io.andon.tdg.source;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What andon measured in one source file: its methods and its documented public API, or the reason
 * it could not be parsed.
 *
 * @param path the path relative to the project root, with forward slashes
 * @param language the {@link Language#name()} it was read as
 * @param sha256 hex SHA-256 of the file's bytes (the baseline and cache key)
 * @param lines number of lines
 * @param methods methods and constructors in file order
 * @param publicApi public types and methods (overrides excluded: they inherit their docs), or
 *     public modules, classes and functions
 * @param documented how many of {@code publicApi} carry a doc comment (Javadoc, docstring)
 * @param undocumented names of the public types and methods without Javadoc, in file order
 * @param parseError why the file could not be analysed; empty when it was
 */
public record SourceFile(
    String path,
    String language,
    String sha256,
    int lines,
    List<MethodMetrics> methods,
    int publicApi,
    int documented,
    List<String> undocumented,
    Optional<String> parseError) {
  public SourceFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(sha256, "sha256");
    methods = List.copyOf(methods);
    undocumented = List.copyOf(undocumented);
    Objects.requireNonNull(parseError, "parseError");
    if (documented > publicApi) {
      throw new IllegalArgumentException("documented > publicApi in " + path);
    }
  }

  /** A file that could not be analysed, with the reason. */
  public static SourceFile ungraded(
      String path, String language, String sha256, int lines, String reason) {
    return new SourceFile(
        path, language, sha256, lines, List.of(), 0, 0, List.of(), Optional.of(reason));
  }

  public boolean parsed() {
    return parseError.isEmpty();
  }
}
