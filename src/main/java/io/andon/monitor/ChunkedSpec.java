package io.andon.monitor;

import io.andon.monitor.chunk.Chunking;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The chunked methods a monitor runs, after NannyML: how rows are chunked, which drift metrics take
 * their threshold from the reference's chunks, performance estimation and multivariate drift.
 *
 * @param chunking how rows are cut; {@link Chunking#TIME} uses the time windows
 * @param referenceThresholds drift metric (one of {@link #THRESHOLD_METRICS}) to the multiplier k
 *     of its learned band mean +/- k std; the metric's fixed threshold is replaced, per column
 * @param estimation CBPE (classification) or DLE (regression), when asked for
 * @param multivariate PCA reconstruction and the domain classifier, when asked for
 */
public record ChunkedSpec(
    Chunking chunking,
    Map<String, Double> referenceThresholds,
    Optional<Estimation> estimation,
    Optional<Multivariate> multivariate) {
  /** The drift metrics whose threshold can be learned from reference chunks. */
  public static final List<String> THRESHOLD_METRICS =
      List.of("population_stability_index", "js_distance", "wasserstein_distance_normed");

  /** The multivariate methods. */
  public static final List<String> MULTIVARIATE_METHODS =
      List.of("pca_reconstruction", "domain_classifier");

  /** No chunked method: time windows only. */
  public static final ChunkedSpec NONE =
      new ChunkedSpec(Chunking.TIME, Map.of(), Optional.empty(), Optional.empty());

  /**
   * Performance estimation settings.
   *
   * @param std the multiplier of the alert band
   * @param neighbours k of DLE's error model
   */
  public record Estimation(double std, int neighbours) {}

  /**
   * Multivariate drift settings.
   *
   * @param methods some of {@link #MULTIVARIATE_METHODS}
   * @param columns the columns compared together; empty for the monitor's features
   * @param std the multiplier of the alert band
   */
  public record Multivariate(List<String> methods, List<String> columns, double std) {
    public Multivariate {
      methods = List.copyOf(methods);
      columns = List.copyOf(columns);
    }
  }

  public ChunkedSpec {
    Objects.requireNonNull(chunking, "chunking");
    referenceThresholds = Map.copyOf(referenceThresholds);
    Objects.requireNonNull(estimation, "estimation");
    Objects.requireNonNull(multivariate, "multivariate");
  }

  /** True when a chunked method or row chunking is asked for. */
  public boolean any() {
    return chunking.byRows()
        || !referenceThresholds.isEmpty()
        || estimation.isPresent()
        || multivariate.isPresent();
  }

  /** This spec with {@code c} as its chunking. */
  public ChunkedSpec withChunking(Chunking c) {
    return new ChunkedSpec(c, referenceThresholds, estimation, multivariate);
  }
}
