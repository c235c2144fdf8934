package io.andon.tdg.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How Java methods are counted, set by {@code java_complexity} in andon-tdg.yaml.
 *
 * <ul>
 *   <li>{@link #PMD} (the default): as PMD 7's CyclomaticComplexity and CognitiveComplexity rules
 *       count, so andon's numbers are those PMD reports: every method and constructor is listed,
 *       those of anonymous and local classes separately, abstract and interface methods with
 *       cyclomatic 1; see {@link PmdCyclomatic} and {@link PmdCognitive}.
 *   <li>{@link #MCCABE}: McCabe's count of every decision point ({@link Cyclomatic}) and the
 *       SonarSource specification read strictly ({@link Cognitive}); methods of anonymous and local
 *       classes and lambdas count towards the method that holds them, and methods without a body
 *       are not listed.
 * </ul>
 */
public enum JavaCounting {
  PMD,
  MCCABE;

  /** The name in andon-tdg.yaml. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The counting named {@code text} in andon-tdg.yaml. */
  public static Optional<JavaCounting> parse(String text) {
    return Arrays.stream(values()).filter(c -> c.yamlName().equals(text)).findFirst();
  }
}
