package io.andon.ui.results;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a task log for the page: the part after a byte offset (the live tail asks for what came
 * since its last read), and the lines that contain a search text. A log that does not exist (yet)
 * reads as empty.
 */
public final class LogTail {
  /** The most one read returns; the page asks again from {@link Chunk#next} for the rest. */
  public static final int MAX_CHUNK = 256 * 1024;

  /** The most lines a search returns. */
  public static final int MAX_MATCHES = 500;

  private LogTail() {}

  /**
   * The text from {@code offset} on, at most {@link #MAX_CHUNK} bytes, cut at a line end when the
   * chunk is full (so that no character is split).
   *
   * @param next where the following read starts
   * @param size the file's size when read
   */
  public record Chunk(long offset, long next, long size, String text) {
    public Chunk {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A line that contains the search text, with its 1-based number. */
  public record Match(int line, String text) {
    public Match {
      Objects.requireNonNull(text, "text");
    }
  }

  /** What the search found, and whether it stopped at {@link #MAX_MATCHES}. */
  public record Search(String query, List<Match> matches, boolean truncated) {
    public Search {
      Objects.requireNonNull(query, "query");
      matches = List.copyOf(matches);
    }
  }

  public static Chunk read(Path log, long offset) {
    Objects.requireNonNull(log, "log");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long size = f.length();
      long from = Math.min(offset, size);
      int n = (int) Math.min(MAX_CHUNK, size - from);
      byte[] b = new byte[n];
      f.seek(from);
      f.readFully(b);
      if (from + n < size) {
        int cut = lastNewline(b);
        if (cut > 0) {
          n = cut + 1;
        }
      }
      return new Chunk(from, from + n, size, new String(b, 0, n, StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException e) {
      return new Chunk(0, 0, 0, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int lastNewline(byte[] b) {
    for (int i = b.length - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The lines of {@code log} that contain {@code query}, ignoring case. */
  public static Search search(Path log, String query) {
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(query, "query");
    String needle = query.toLowerCase(Locale.ROOT);
    List<Match> out = new ArrayList<>();
    if (needle.isEmpty()) {
      return new Search(query, out, false);
    }
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        n++;
        if (line.toLowerCase(Locale.ROOT).contains(needle)) {
          if (out.size() == MAX_MATCHES) {
            return new Search(query, out, true);
          }
          out.add(new Match(n, line));
        }
      }
    } catch (NoSuchFileException e) {
      return new Search(query, out, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Search(query, out, false);
  }
}
