package io.andon.tdg.source;

import io.andon.tdg.source.python.PythonLanguage;
import io.andon.tdg.source.rust.RustLanguage;
import java.util.List;
import java.util.Optional;

/** The languages andon grades, and which one reads a file. */
public final class Languages {
  private static final List<Language> ALL =
      List.of(new JavaLanguage(), new PythonLanguage(), new RustLanguage());

  private Languages() {}

  /** Every language, in report order. */
  public static List<Language> all() {
    return ALL;
  }

  /** The language that reads the file at this relative path. */
  public static Optional<Language> of(String relativePath) {
    return ALL.stream().filter(l -> l.reads(relativePath)).findFirst();
  }

  /** The language that reads the file at this relative path, Java counted as {@code java} says. */
  public static Optional<Language> of(String relativePath, JavaCounting java) {
    return of(relativePath)
        .map(
            l ->
                l instanceof JavaLanguage && java != JavaCounting.PMD ? new JavaLanguage(java) : l);
  }

  /** The language named so. */
  public static Optional<Language> named(String name) {
    return ALL.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  /** Changes when any language's rules change: the analysis cache's key. */
  public static int rulesVersion(JavaCounting java) {
    int v = 17;
    for (Language l : ALL) {
      v = 31 * v + (l instanceof JavaLanguage ? new JavaLanguage(java) : l).rulesVersion();
    }
    return v;
  }
}
