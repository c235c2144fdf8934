package io.andon.tdg.source;

import java.util.List;

/**
 * A programming language andon grades: its name, the files it reads, and how one file is measured
 * (parser, and which syntax node kinds count for complexity). Languages are plug-ins: {@link
 * Languages} lists them, and the grade treats every one alike.
 */
public interface Language {
  /** Lower-case name used in reports: {@code java}, {@code python}, {@code rust}. */
  String name();

  /** File name endings it reads, with the dot: {@code .java}. */
  List<String> extensions();

  /** Whether it reads the file at this relative path. */
  default boolean reads(String relativePath) {
    return extensions().stream().anyMatch(relativePath::endsWith);
  }

  /** Bumped whenever a measurement rule changes, so cached results are not reused. */
  int rulesVersion();

  /**
   * Measures one file; a file that cannot be measured is returned with the reason, never dropped.
   *
   * @param path the path relative to the project root, only used to name the file
   * @param bytes the file's content
   */
  SourceFile analyze(String path, byte[] bytes);
}
