package io.andon.monitor;

import io.andon.monitor.chunk.ChunkSeries;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chunked method's metric for one model and slice, as the monitor reports and stores it.
 *
 * @param sliceKey the slicing expression of the rows, as in the drift tables; empty for every row
 * @param sliceValue the slice's value
 * @param chunking how the analysed rows were cut ("size 250", "count 10", or the granularity of
 *     time windows such as "1 day")
 * @param windows the time each value's chunk spans, in the order of {@code series.values()}; empty
 *     for a chunk without timestamps
 */
public record ChunkedRow(
    Optional<String> modelId,
    Optional<String> sliceKey,
    Optional<String> sliceValue,
    String chunking,
    ChunkSeries series,
    List<Optional<Window>> windows) {
  public ChunkedRow {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(sliceKey, "sliceKey");
    Objects.requireNonNull(sliceValue, "sliceValue");
    Objects.requireNonNull(chunking, "chunking");
    Objects.requireNonNull(series, "series");
    windows = List.copyOf(windows);
    if (windows.size() != series.values().size()) {
      throw new IllegalArgumentException(
          windows.size() + " windows for " + series.values().size() + " values");
    }
  }
}
