package io.andon.monitor.estimate;

import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.Knn;
import io.andon.monitor.chunk.StdThreshold;
import java.util.ArrayList;
import java.util.List;

/**
 * Direct loss estimation (NannyML's DLE) of a regressor, without labels: a model of the error is
 * fitted on the reference, where labels are known, from the features and the prediction to the
 * absolute error |y - ŷ| (for MAE) and to the squared error (y - ŷ)² (for MSE); a chunk's estimated
 * MAE and MSE are the means of the model's predictions over its rows.
 *
 * <p>NannyML fits LightGBM; andon fits k nearest neighbours ({@link Knn}, k = {@value #K} by
 * default) on the standardized design of {@link io.andon.monitor.chunk.Design}: no dependency, no
 * training randomness, and smooth enough for an average over a chunk. The sampling error on n rows
 * is the reference's standard deviation of the per-row error over sqrt(n); the confidence band is
 * +/- 3 sampling errors, above 0. The alert band is mean +/- k std of the realized metric over the
 * reference chunks.
 */
public final class Dle {
  /** The neighbours of the error model, unless told otherwise. */
  public static final int K = 25;

  /** The estimated metrics, in order. */
  public static final List<String> METRICS = List.of("mae", "mse");

  private Dle() {}

  /**
   * The estimated MAE and MSE of each analysed chunk, beside the realized ones of each reference
   * chunk.
   *
   * @param refX the reference's design matrix (features and prediction, standardized)
   * @param refError the reference's errors y - ŷ, one per row of refX
   * @param curX the analysed table's design matrix
   */
  public static List<ChunkSeries> estimate(
      double[][] refX,
      double[] refError,
      List<Chunk> refChunks,
      double[][] curX,
      List<Chunk> curChunks,
      int neighbours,
      double k) {
    List<ChunkSeries> out = new ArrayList<>();
    for (int m = 0; m < METRICS.size(); m++) {
      double[] target = new double[refError.length];
      for (int i = 0; i < target.length; i++) {
        target[i] = m == 0 ? Math.abs(refError[i]) : refError[i] * refError[i];
      }
      double[] realized = new double[refChunks.size()];
      for (int i = 0; i < realized.length; i++) {
        realized[i] = mean(target, refChunks.get(i).start(), refChunks.get(i).end());
      }
      StdThreshold t = StdThreshold.of(realized, k, 0, Double.POSITIVE_INFINITY);
      double std = std(target);
      double[] predicted = new Knn(refX, target, neighbours).predict(curX);
      List<ChunkValue> values = new ArrayList<>();
      for (int i = 0; i < realized.length; i++) {
        values.add(ChunkValue.of(refChunks.get(i), true, realized[i], t));
      }
      for (Chunk c : curChunks) {
        double v = mean(predicted, c.start(), c.end());
        values.add(
            ChunkValue.withError(
                c, false, v, std / Math.sqrt(c.rows()), t, 0, Double.POSITIVE_INFINITY));
      }
      out.add(new ChunkSeries("dle", METRICS.get(m), "", t, values));
    }
    return out;
  }

  private static double mean(double[] v, int start, int end) {
    double s = 0;
    for (int i = start; i < end; i++) {
      s += v[i];
    }
    return s / (end - start);
  }

  private static double std(double[] v) {
    double mean = mean(v, 0, v.length);
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return Math.sqrt(ss / v.length);
  }
}
