package io.andon.monitor.chunk;

/**
 * One chunk: the rows {@code start <= i < end} of a table in its order, numbered from 0.
 *
 * @param index the chunk's place, from 0
 */
public record Chunk(int index, int start, int end) {
  public Chunk {
    if (index < 0 || start < 0 || end <= start) {
      throw new IllegalArgumentException(
          "a chunk needs 0 <= start < end, got " + start + ".." + end);
    }
  }

  /** Rows in the chunk. */
  public int rows() {
    return end - start;
  }
}
