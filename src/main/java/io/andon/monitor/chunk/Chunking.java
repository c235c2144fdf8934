package io.andon.monitor.chunk;

import io.andon.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How rows are cut into chunks, with NannyML's semantics.
 *
 * <ul>
 *   <li>{@code TIME}: the monitor's time windows (its granularities); this class cuts nothing.
 *   <li>{@code SIZE}: chunks of {@code n} consecutive rows (NannyML's SizeBasedChunker). The rows
 *       left over at the end ({@code rows % n} of them) are {@code incomplete}: KEEP makes them a
 *       smaller last chunk (the default, as NannyML's), DROP leaves them out, APPEND adds them to
 *       the last full chunk.
 *   <li>{@code COUNT}: {@code n} chunks of {@code rows / n} rows each (NannyML's
 *       CountBasedChunker); the remainder is APPENDed to the last chunk by default, so there are
 *       exactly {@code n} chunks.
 * </ul>
 *
 * Rows are taken in timestamp order when the monitor has a timestamp, else in file order.
 */
public record Chunking(By by, int n, Incomplete incomplete) {
  /** What decides the chunks. */
  public enum By {
    TIME,
    SIZE,
    COUNT
  }

  /** What happens to the rows that do not fill a last chunk. */
  public enum Incomplete {
    KEEP,
    DROP,
    APPEND
  }

  /** The monitor's time windows: no row chunking. */
  public static final Chunking TIME = new Chunking(By.TIME, 0, Incomplete.KEEP);

  public Chunking {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(incomplete, "incomplete");
    if (by != By.TIME && n < 1) {
      throw new IllegalArgumentException(
          "chunking by " + by.name().toLowerCase(Locale.ROOT) + " needs a positive number");
    }
  }

  /** Chunks of {@code size} rows, the incomplete last one kept. */
  public static Chunking bySize(int size) {
    return new Chunking(By.SIZE, size, Incomplete.KEEP);
  }

  /** {@code count} chunks, the remainder appended to the last one. */
  public static Chunking byCount(int count) {
    return new Chunking(By.COUNT, count, Incomplete.APPEND);
  }

  /** True for row chunks (by size or count). */
  public boolean byRows() {
    return by != By.TIME;
  }

  /** "size 250", "count 10" or "time": as the granularity column shows it. */
  public String text() {
    return by == By.TIME ? "time" : by.name().toLowerCase(Locale.ROOT) + " " + n;
  }

  /**
   * The chunks of {@code rows} rows.
   *
   * @throws IllegalStateException for TIME chunking, which has no row chunks
   * @throws InvalidInputException when the rows do not make one chunk ({@code what} names them)
   */
  public List<Chunk> split(int rows, String what) {
    int size =
        switch (by) {
          case TIME -> throw new IllegalStateException("time chunks are cut by WindowPlan");
          case SIZE -> n;
          case COUNT -> rows / n;
        };
    if (size == 0 || (incomplete == Incomplete.DROP || by == By.COUNT) && rows < size) {
      throw new InvalidInputException(
          what
              + " has "
              + rows
              + " rows: too few for chunking by "
              + text()
              + ". Use smaller or fewer chunks.");
    }
    if (rows == 0) {
      throw new InvalidInputException(what + " has no rows to cut into chunks.");
    }
    List<Chunk> out = new ArrayList<>();
    int full = rows / size;
    for (int i = 0; i < full; i++) {
      out.add(new Chunk(i, i * size, (i + 1) * size));
    }
    int left = rows - full * size;
    if (left > 0) {
      switch (incomplete) {
        case KEEP -> out.add(new Chunk(full, full * size, rows));
        case DROP -> {}
        case APPEND -> {
          if (out.isEmpty()) {
            out.add(new Chunk(0, 0, rows));
          } else {
            Chunk last = out.remove(out.size() - 1);
            out.add(new Chunk(last.index(), last.start(), rows));
          }
        }
      }
    }
    return out;
  }

  /** "size:250", "count:10" or "time", as the command line writes a chunking; empty if not. */
  public static Optional<Chunking> parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.equals("time")) {
      return Optional.of(TIME);
    }
    String[] parts = t.split("[:=]", 2);
    if (parts.length != 2 || !parts[1].strip().matches("[1-9][0-9]{0,8}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(parts[1].strip());
    return switch (parts[0].strip()) {
      case "size" -> Optional.of(bySize(n));
      case "count" -> Optional.of(byCount(n));
      default -> Optional.empty();
    };
  }
}
