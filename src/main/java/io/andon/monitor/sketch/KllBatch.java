package io.andon.monitor.sketch;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The KLL sketch of one sorted batch of values, compacted in one move: of a sorted batch of 2^b
 * values, one value in every 2^h is kept (those at positions o, o + 2^h, o + 2 * 2^h, ..., the
 * offset o drawn uniformly from [0, 2^h)), each standing for 2^h values at level h.
 *
 * <p>This is what h successive KLL compactions of the batch with random offsets give, and it errs
 * as they do: a rank counted in the batch is off by less than 2^h, by zero on average. A KLL sketch
 * compacts each level below h more often than once per batch, so feeding it such batches (merging
 * each batch's sketch into it) compacts less than feeding it the values one by one, and its
 * rank-error bound holds. What it saves: per value, one radix-sort pass of the batch instead of
 * KLL's per-value update and its many small compactions.
 *
 * <p>The sketch is made from DataSketches' compact serial form (version 1, family 15: a 20-byte
 * preamble, the levels' start offsets within the item capacity, min, max, then the items), whose
 * layout is fixed across the library's releases so that stored sketches stay readable.
 */
final class KllBatch {
  /** DataSketches' smallest level capacity (its default M). */
  private static final int M = 8;

  private static final int PREAMBLE_INTS = 5;
  private static final int SERIAL_VERSION = 1;
  private static final int KLL_FAMILY = 15;
  private static final int LEVEL_ZERO_SORTED = 2;
  private static final int PREAMBLE_BYTES = 20;

  private KllBatch() {}

  /**
   * The sketch of {@code sorted[0, length)} kept at level {@code level} from offset {@code offset}.
   *
   * @throws IllegalArgumentException when the length is not a multiple of 2^level, the offset is
   *     outside [0, 2^level), or more values would be kept than the sketch's top level holds
   */
  static KllDoublesSketch compacted(double[] sorted, int length, int level, int offset, int k) {
    int step = 1 << level;
    if (length % step != 0 || offset < 0 || offset >= step || length / step > k) {
      throw new IllegalArgumentException(
          "cannot keep 1 in "
              + step
              + " of "
              + length
              + " values from offset "
              + offset
              + " with k = "
              + k);
    }
    int kept = length / step;
    int levels = level + 1;
    int start = capacity(k, levels) - kept;
    ByteBuffer b =
        ByteBuffer.allocate(PREAMBLE_BYTES + Integer.BYTES * levels + Double.BYTES * (2 + kept))
            .order(ByteOrder.nativeOrder());
    b.put((byte) PREAMBLE_INTS)
        .put((byte) SERIAL_VERSION)
        .put((byte) KLL_FAMILY)
        .put((byte) LEVEL_ZERO_SORTED)
        .putShort((short) k)
        .put((byte) M)
        .put((byte) 0)
        .putLong(length)
        .putShort((short) k)
        .put((byte) levels)
        .put((byte) 0);
    for (int i = 0; i < levels; i++) {
      b.putInt(start); // every level below the top is empty
    }
    b.putDouble(sorted[0]).putDouble(sorted[length - 1]);
    for (int i = offset; i < length; i += step) {
      b.putDouble(sorted[i]);
    }
    return KllDoublesSketch.heapify(Memory.wrap(b.array(), ByteOrder.nativeOrder()));
  }

  /**
   * Items a KLL sketch of {@code levels} levels holds: level i (depth d = levels - 1 - i below the
   * top) holds k (2/3)^d items, rounded to nearest, at least M.
   */
  static int capacity(int k, int levels) {
    int total = 0;
    for (int depth = 0; depth < levels; depth++) {
      long threes = 1;
      for (int i = 0; i < depth; i++) {
        threes *= 3;
      }
      int atDepth = (int) ((((2L * k) << depth) / threes + 1) >> 1);
      total += Math.max(M, atDepth);
    }
    return total;
  }
}
