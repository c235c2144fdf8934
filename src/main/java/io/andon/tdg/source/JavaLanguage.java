package io.andon.tdg.source;

import java.util.List;

/** Java, parsed with JavaParser: see {@link JavaSourceAnalyzer}. */
public final class JavaLanguage implements Language {
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
    return JavaSourceAnalyzer.RULES_VERSION;
  }

  @Override
  public SourceFile analyze(String path, byte[] bytes) {
    return JavaSourceAnalyzer.analyze(path, bytes);
  }
}
