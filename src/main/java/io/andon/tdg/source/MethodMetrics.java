package io.andon.tdg.source;

import java.util.Objects;

/**
 * Measurements of one method or constructor.
 *
 * @param name {@code Type.method}, nested types joined with dots ({@code Outer.Inner.run})
 * @param line 1-based line of the declaration
 * @param cyclomatic 1 + if, loops, case labels, catch, {@code &&}, {@code ||}, {@code ?:}
 * @param cognitive SonarSource cognitive complexity
 * @param nesting deepest nesting of control structures (0 for straight-line code)
 * @param length lines from the declaration to its closing brace
 * @param parameters number of parameters
 */
public record MethodMetrics(
    String name, int line, int cyclomatic, int cognitive, int nesting, int length,
    int parameters) {
  public MethodMetrics {
    Objects.requireNonNull(name, "name");
    if (cyclomatic < 1 || cognitive < 0 || nesting < 0 || length < 0 || parameters < 0) {
      throw new IllegalArgumentException("impossible metrics for " + name);
    }
  }
}
