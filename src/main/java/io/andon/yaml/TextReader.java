package io.andon.yaml;

import java.io.StringReader;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's character reader over a text already in memory, read in place.
 *
 * <p>SnakeYAML's own reader takes 1,024 characters at a time and copies everything the scanner has
 * not consumed yet each time. The scanner looks ahead through a whole plain word, a quoted run
 * without spaces or a line of a block scalar before it consumes it, so such a run was copied once
 * per 1,024 of its characters: the cost grew with the square of its length (a 4 MB word took 18 s
 * and 6.4 GB). Here nothing is copied and the cost is linear.
 *
 * <p>Positions, line counting and the refusal of characters YAML does not allow follow SnakeYAML's
 * reader; marks carry no snippet of the text (andon reports line and column).
 */
final class TextReader extends StreamReader {
  private static final int[] NO_SNIPPET = new int[0];
  private static final String NAME = "'reader'";

  /** The text, when each of its chars is a code point; otherwise null and {@link #points}. */
  private final String text;

  private final int[] points;
  private final int length;

  /** Index of the first code point YAML does not allow, or {@link #length}. */
  private final int firstBad;

  private int pointer;
  private int index;
  private int documentIndex;
  private int line;
  private int column;

  TextReader(String text) {
    super(new StringReader(""));
    boolean surrogates = false;
    int bad = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isSurrogate(c)) {
        surrogates = true;
        break;
      }
      if (!StreamReader.isPrintable(c)) {
        bad = i;
        break;
      }
    }
    if (surrogates) {
      this.points = text.codePoints().toArray();
      this.text = null;
      this.length = points.length;
      int b = length;
      for (int i = 0; i < length; i++) {
        if (!StreamReader.isPrintable(points[i])) {
          b = i;
          break;
        }
      }
      this.firstBad = b;
    } else {
      this.points = null;
      this.text = text;
      this.length = text.length();
      this.firstBad = bad;
    }
  }

  private int at(int i) {
    return text != null ? text.charAt(i) : points[i];
  }

  /** Whether the code point {@code size} ahead exists; refuses a disallowed one on the way. */
  private boolean has(int size) {
    int i = pointer + size;
    if (i >= firstBad && firstBad < length) {
      throw new ReaderException(NAME, firstBad, at(firstBad), "special characters are not allowed");
    }
    return i < length;
  }

  @Override
  public Mark getMark() {
    return new Mark(NAME, index, line, column, NO_SNIPPET, 0);
  }

  @Override
  public void forward() {
    forward(1);
  }

  @Override
  public void forward(int n) {
    for (int i = 0; i < n && has(0); i++) {
      int c = at(pointer++);
      index++;
      documentIndex++;
      if (Constant.LINEBR.has(c) || c == '\r' && has(0) && at(pointer) != '\n') {
        line++;
        column = 0;
      } else if (c != '\uFEFF') {
        column++;
      }
    }
  }

  @Override
  public int peek() {
    return has(0) ? at(pointer) : 0;
  }

  @Override
  public int peek(int i) {
    return has(i) ? at(pointer + i) : 0;
  }

  @Override
  public String prefix(int n) {
    if (n == 0) {
      return "";
    }
    int k = has(n) ? n : Math.min(n, length - pointer);
    return text != null ? text.substring(pointer, pointer + k) : new String(points, pointer, k);
  }

  @Override
  public String prefixForward(int n) {
    String prefix = prefix(n);
    pointer += n;
    index += n;
    documentIndex += n;
    column += n;
    return prefix;
  }

  @Override
  public int getColumn() {
    return column;
  }

  @Override
  public int getDocumentIndex() {
    return documentIndex;
  }

  @Override
  public void resetDocumentIndex() {
    documentIndex = 0;
  }

  @Override
  public int getIndex() {
    return index;
  }

  @Override
  public int getLine() {
    return line;
  }
}
