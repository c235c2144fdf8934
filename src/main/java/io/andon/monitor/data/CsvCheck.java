package io.andon.monitor.data;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Checks the shape of a CSV file before DuckDB reads it, for the files its sniffer would read
 * wrongly without a word: a binary file (the sniffer dumps its search space), rows with more or
 * fewer fields than the header (the sniffer falls back to one column named after the whole header
 * line), and a quoted value that is never closed (the sniffer then reads without quotes and keeps
 * the quote as text). One pass over the bytes, RFC 4180 quoting ({@code ""} inside a quoted value
 * is a quote); the delimiter is the one of ',', tab, ';' and '|' the header line holds most of, tab
 * for .tsv files.
 */
final class CsvCheck {
  /** How much of a file's start is looked at for a zero byte, the mark of a binary file. */
  private static final int BINARY_WINDOW = 64 * 1024;

  private static final byte[] CANDIDATES = {',', '\t', ';', '|'};

  private final String where;
  private final InputStream in;
  private final byte[] buf = new byte[BINARY_WINDOW];
  private int pos;
  private int len;
  private int delimiter = -1;
  private int headerFields;
  private long line = 1;
  private long offset;

  private CsvCheck(String where, InputStream in) {
    this.where = where;
    this.in = in;
  }

  /** Refuses {@code file} with a message at its line when it is not a well-formed CSV. */
  static void check(Path file, String role) {
    String where = role + " " + file;
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
      CsvCheck c = new CsvCheck(where, in);
      if (name.endsWith(".tsv") || name.endsWith(".tsv.gz")) {
        c.delimiter = '\t';
      }
      c.run();
    } catch (IOException e) {
      throw new InvalidInputException(
          where
              + ": cannot read it as CSV ("
              + e.getMessage()
              + "). Check the file is valid CSV"
              + (name.endsWith(".gz") ? ", compressed with gzip." : "."),
          e);
    }
  }

  /** The next byte, or -1 at the end; refuses a zero byte near the start (a binary file). */
  private int next() throws IOException {
    if (pos == len && !fill()) {
      return -1;
    }
    int b = buf[pos++] & 0xff;
    if (b == 0 && offset < BINARY_WINDOW) {
      throw new InvalidInputException(
          where
              + " is not a text file (a zero byte at byte "
              + offset
              + "), so not CSV. Give the path of a CSV file"
              + " (or name a Parquet file .parquet, a JSON-lines file .jsonl).");
    }
    offset++;
    if (b == '\n') {
      line++;
    }
    return b;
  }

  /** The next byte without taking it, or -1 at the end. */
  private int peek() throws IOException {
    return pos < len || fill() ? buf[pos] & 0xff : -1;
  }

  private boolean fill() throws IOException {
    len = in.readNBytes(buf, 0, buf.length);
    pos = 0;
    return len > 0;
  }

  private void run() throws IOException {
    if (delimiter < 0) {
      fill();
      delimiter = headerDelimiter();
    }
    boolean header = true;
    int fields = 1;
    int chars = 0;
    long rowLine = 1;
    boolean fieldStart = true;
    for (int b = next(); b >= 0; b = next()) {
      if (b == '"' && fieldStart) {
        quoted(line);
        chars++;
        fieldStart = false;
      } else if (b == delimiter) {
        fields++;
        chars++;
        fieldStart = true;
      } else if (b == '\n' || b == '\r') {
        if (chars > 0) {
          header = endRow(header, fields, rowLine);
        }
        fields = 1;
        chars = 0;
        fieldStart = true;
        rowLine = line;
      } else {
        chars++;
        fieldStart = false;
      }
    }
    if (chars > 0) {
      endRow(header, fields, rowLine);
    }
  }

  /** Reads a quoted value up to its closing quote; {@code opened} is the line it starts on. */
  private void quoted(long opened) throws IOException {
    for (int b = next(); ; b = next()) {
      if (b < 0) {
        throw new InvalidInputException(
            where
                + ":"
                + opened
                + ": a quoted value opened on this"
                + " line is never closed: the file ends inside it. Add the closing '\"' (a quote"
                + " inside a quoted value is written '\"\"').");
      }
      if (b == '"') {
        if (peek() != '"') {
          return;
        }
        next();
      }
    }
  }

  /** Checks a row's field count against the header's; returns false (no longer the header). */
  private boolean endRow(boolean header, int fields, long rowLine) {
    if (header) {
      headerFields = fields;
    } else if (fields != headerFields) {
      throw new InvalidInputException(
          where
              + ":"
              + rowLine
              + ": this row has "
              + fields
              + (fields == 1 ? " field" : " fields")
              + " where the header has "
              + headerFields
              + " (separated by "
              + (delimiter == '\t' ? "tabs" : "'" + (char) delimiter + "'")
              + "). Fix the row: a"
              + " value that holds the separator must be quoted (\"a,b\").");
    }
    return false;
  }

  /**
   * The candidate delimiter the first line (in the first buffer) holds most of outside quotes, ','
   * when it holds none.
   */
  private int headerDelimiter() {
    int[] counts = new int[CANDIDATES.length];
    boolean inQuotes = false;
    for (int i = 0; i < len; i++) {
      byte b = buf[i];
      if (b == '"') {
        inQuotes = !inQuotes;
      } else if (!inQuotes && (b == '\n' || b == '\r')) {
        break;
      } else if (!inQuotes) {
        for (int c = 0; c < CANDIDATES.length; c++) {
          if (b == CANDIDATES[c]) {
            counts[c]++;
          }
        }
      }
    }
    int best = 0;
    for (int c = 1; c < CANDIDATES.length; c++) {
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return CANDIDATES[best];
  }
}
