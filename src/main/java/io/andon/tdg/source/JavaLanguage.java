package io.andon.tdg.source;

import java.util.List;

/** Java, parsed with JavaParser: see {@link JavaSourceAnalyzer}. */
public final class JavaLanguage implements Language {
  private final JavaCounting counting;

  /** Java counted as PMD 7 counts it. */
  public JavaLanguage() {
    this(JavaCounting.PMD);
  }

  /** Java counted as {@code counting} says. */
  public JavaLanguage(JavaCounting counting) {
    this.counting = java.util.Objects.requireNonNull(counting, "counting");
  }

  @Override
  public String name() {
    return JavaSourceAnalyzer.LANGUAGE;
  }

  @Override
  public List<String> extensions() {
    return List.of(".java");
  }

  @Override
  public int rulesVersion() {
    return 2 * JavaSourceAnalyzer.RULES_VERSION + counting.ordinal();
  }

  @Override
  public SourceFile analyze(String path, byte[] bytes) {
    return JavaSourceAnalyzer.analyze(path, bytes, counting);
  }
}
