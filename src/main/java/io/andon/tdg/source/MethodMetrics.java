package io.andon.tdg.source;

import java.util.Objects;

/**
 * Measurements of one method or constructor.
 *
 * @param name {@code Type.method}, nested types joined with dots ({@code Outer.Inner.run})
 * @param line 1-based line of the declaration
 * @param cyclomatic cyclomatic complexity, 1 + decision points (for Java as {@link JavaCounting}
 *     says)
 * @param cognitive cognitive complexity (for Java as {@link JavaCounting} says)
 * @param nesting deepest nesting of control structures (0 for straight-line code)
 * @param length lines from the declaration to its closing brace
 * @param parameters number of parameters
 * @param cell the 1-based notebook cell holding it, {@code line} then counting from the cell's
 *     first line; 0 outside notebooks
 */
public record MethodMetrics(
    String name,
    int line,
    int cyclomatic,
    int cognitive,
    int nesting,
    int length,
    int parameters,
    int cell) {
  public MethodMetrics {
    Objects.requireNonNull(name, "name");
    if (cyclomatic < 1
        || cognitive < 0
        || nesting < 0
        || length < 0
        || parameters < 0
        || cell < 0) {
      throw new IllegalArgumentException("impossible metrics for " + name);
    }
  }

  /** A method of a source file (not in a notebook cell). */
  public MethodMetrics(
      String name,
      int line,
      int cyclomatic,
      int cognitive,
      int nesting,
      int length,
      int parameters) {
    this(name, line, cyclomatic, cognitive, nesting, length, parameters, 0);
  }

  /** Where it stands: {@code path:12}, or {@code nb.ipynb [cell 4] line 3} in a notebook. */
  public static String where(String path, int line, int cell) {
    return cell > 0 ? path + " [cell " + cell + "] line " + line : path + ":" + line;
  }
}
