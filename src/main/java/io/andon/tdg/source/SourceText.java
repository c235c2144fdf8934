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

  /**
   * The number of lines of a text as {@link String#lines()} counts them (lines end at {@code \n},
   * {@code \r} or {@code \r\n}, and text after the last end is one more line), without making them.
   */
  public static int lines(String text) {
    int lines = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        lines++;
      } else if (c == '\r') {
        lines++;
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
      }
    }
    return n > 0 && text.charAt(n - 1) != '\n' && text.charAt(n - 1) != '\r' ? lines + 1 : lines;
  }

  /** The ungraded result for a file that is not UTF-8. */
  public SourceFile notUtf8(String path, String language) {
    return SourceFile.ungraded(path, language, sha256, 0, JavaSourceAnalyzer.NOT_UTF8);
  }
}
