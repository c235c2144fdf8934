package io.andon.tdg.source;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where the UTF-8 byte offsets a tree-sitter parser counts fall in the Java string it parsed, and
 * the line of each string index.
 */
final class TextOffsets {
  /**
   * For each offset in the UTF-8 form of the text, the string index it falls in; null for ASCII
   * text, where the two are the same.
   */
  private final int[] charAt;

  /** The string index where each line starts. */
  private final int[] lineStarts;

  private TextOffsets(int[] charAt, int[] lineStarts) {
    this.charAt = charAt;
    this.lineStarts = lineStarts;
  }

  /** The offsets of a text whose UTF-8 form the parser read. */
  static TextOffsets of(String text) {
    return new TextOffsets(byteToChar(text), lineStarts(text));
  }

  /** The text's UTF-8 bytes and their offsets. */
  static Encoded encode(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length == text.length()) { // ASCII, as most code is: a byte is a char
      return new Encoded(bytes, new TextOffsets(null, lineStarts(text)));
    }
    int[] charAt = byteToChar(text);
    byte[] utf8 = new byte[charAt.length - 1];
    int b = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        utf8[b++] = (byte) c;
      } else if (c < 0x800) {
        utf8[b++] = (byte) (0xC0 | c >> 6);
        utf8[b++] = (byte) (0x80 | c & 0x3F);
      } else if (Character.isSurrogate(c)) {
        // a pair: two bytes for each half, as byteToChar counts them; a half alone (not valid
        // UTF-16, so never from decoded UTF-8) becomes two bytes the parser reads as an error
        boolean pair =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (pair) {
          int cp = Character.toCodePoint(c, text.charAt(++i));
          utf8[b++] = (byte) (0xF0 | cp >> 18);
          utf8[b++] = (byte) (0x80 | cp >> 12 & 0x3F);
          utf8[b++] = (byte) (0x80 | cp >> 6 & 0x3F);
          utf8[b++] = (byte) (0x80 | cp & 0x3F);
        } else {
          utf8[b++] = (byte) 0xFF;
          utf8[b++] = (byte) 0xFF;
        }
      } else {
        utf8[b++] = (byte) (0xE0 | c >> 12);
        utf8[b++] = (byte) (0x80 | c >> 6 & 0x3F);
        utf8[b++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return new Encoded(utf8, new TextOffsets(charAt, lineStarts(text)));
  }

  /** A text's UTF-8 bytes with their offsets. */
  record Encoded(byte[] utf8, TextOffsets offsets) {}

  /** The 1-based line of a string index. */
  int line(int index) {
    int i = Arrays.binarySearch(lineStarts, index);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The string index of a UTF-8 byte offset. */
  int index(int byteOffset) {
    return charAt == null ? byteOffset : charAt[Math.min(byteOffset, charAt.length - 1)];
  }

  /** The string index where a 1-based line starts. */
  int lineStart(int line) {
    return lineStarts[line - 1];
  }

  /** "line L, column C" of a UTF-8 byte offset. */
  String position(int byteOffset) {
    int at = index(byteOffset);
    int line = line(at);
    return "line " + line + ", column " + (at - lineStart(line) + 1);
  }

  private static int[] lineStarts(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    int[] starts = new int[lines];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts[n++] = i + 1;
      }
    }
    return starts;
  }

  private static int[] byteToChar(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      bytes += width(s.charAt(i));
    }
    int[] out = new int[bytes + 1];
    int b = 0;
    for (int i = 0; i < s.length(); i++) {
      int w = width(s.charAt(i));
      for (int k = 0; k < w; k++) {
        out[b++] = i;
      }
    }
    out[bytes] = s.length();
    return out;
  }

  /** UTF-8 bytes of one UTF-16 unit; each half of a surrogate pair takes 2 of the 4 bytes. */
  private static int width(char ch) {
    return ch < 0x80 ? 1 : ch < 0x800 || Character.isSurrogate(ch) ? 2 : 3;
  }
}
