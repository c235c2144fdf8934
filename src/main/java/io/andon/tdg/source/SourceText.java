package io.andon.tdg.source;

import java.util.Optional;

/**
 * A file's bytes as text: their SHA-256 and their UTF-8 decoding, empty when they are not UTF-8.
 */
public record SourceText(String sha256, Optional<String> text) {
  /** Reads the bytes. */
  public static SourceText of(byte[] bytes) {
    return new SourceText(JavaSourceAnalyzer.sha256(bytes), JavaSourceAnalyzer.utf8(bytes));
  }

  /** The ungraded result for a file that is not UTF-8. */
  public SourceFile notUtf8(String path, String language) {
    return SourceFile.ungraded(path, language, sha256, 0, JavaSourceAnalyzer.NOT_UTF8);
  }
}
