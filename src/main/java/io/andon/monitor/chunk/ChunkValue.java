package io.andon.monitor.chunk;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A metric's value on one chunk.
 *
 * @param reference true for a chunk of the reference (the baseline), false for one of the analysed
 *     table
 * @param samplingError the standard error of the value on a chunk of this size; empty when the
 *     method has none
 * @param lowerConfidence value - 3 sampling errors, clipped to the metric's range
 * @param upperConfidence value + 3 sampling errors, clipped to the metric's range
 * @param alert true when the value is outside the threshold band (never when not {@code
 *     enoughData})
 * @param enoughData false for a chunk too small to be judged against its band (a chunk of a slice
 *     with fewer rows than the reference chunks the band was learned from): it never alerts
 */
public record ChunkValue(
    Chunk chunk,
    boolean reference,
    double value,
    OptionalDouble samplingError,
    OptionalDouble lowerConfidence,
    OptionalDouble upperConfidence,
    boolean alert,
    boolean enoughData) {
  public ChunkValue {
    Objects.requireNonNull(chunk, "chunk");
    Objects.requireNonNull(samplingError, "samplingError");
    Objects.requireNonNull(lowerConfidence, "lowerConfidence");
    Objects.requireNonNull(upperConfidence, "upperConfidence");
  }

  /** A value without a sampling error. */
  public static ChunkValue of(Chunk c, boolean reference, double v, StdThreshold t) {
    return new ChunkValue(
        c,
        reference,
        v,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        t.alerts(v),
        true);
  }

  /** A value with its sampling error and a confidence band of +/- 3 errors within [min, max]. */
  public static ChunkValue withError(
      Chunk c, boolean reference, double v, double se, StdThreshold t, double min, double max) {
    return new ChunkValue(
        c,
        reference,
        v,
        OptionalDouble.of(se),
        OptionalDouble.of(Math.max(min, v - 3 * se)),
        OptionalDouble.of(Math.min(max, v + 3 * se)),
        t.alerts(v),
        true);
  }

  /** This value, judged as NOT_ENOUGH_DATA: it never alerts. */
  public ChunkValue notEnoughData() {
    return new ChunkValue(
        chunk, reference, value, samplingError, lowerConfidence, upperConfidence, false, false);
  }

  /** ALERT, NO_ALERT or NOT_ENOUGH_DATA. */
  public String status() {
    return !enoughData ? "NOT_ENOUGH_DATA" : alert ? "ALERT" : "NO_ALERT";
  }
}
