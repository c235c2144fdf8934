package io.andon.monitor.multivariate;

import io.andon.monitor.chunk.Auc;
import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.Knn;
import io.andon.monitor.chunk.StdThreshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Domain classifier drift (NannyML's DomainClassifierCalculator): a model learns to tell the rows
 * of a chunk (class 1) from the rows of the reference (class 0), and its cross-validated ROC AUC is
 * the drift measure: about 0.5 when the chunk looks like the reference, towards 1 when it does not.
 * For a chunk of the reference itself, the other reference rows are class 0.
 *
 * <p>NannyML trains LightGBM; andon trains k nearest neighbours ({@link Knn}, the share of class-1
 * neighbours as the score, k = {@value #K}) on the standardized design, with {@value #FOLDS}
 * stratified folds taken without shuffling (row i of each class goes to fold i mod 5), and the AUC
 * of the pooled out-of-fold scores. The alert band is mean +/- k std of the reference chunks'
 * values.
 */
public final class DomainClassifier {
  /** Neighbours of the classifier. */
  public static final int K = 25;

  /** Cross-validation folds. */
  public static final int FOLDS = 5;

  private DomainClassifier() {}

  /** The cross-validated AUC of each chunk of the reference and of the analysed table. */
  public static ChunkSeries series(
      double[][] ref, List<Chunk> refChunks, double[][] cur, List<Chunk> curChunks, double k) {
    double[] refValues = new double[refChunks.size()];
    for (int i = 0; i < refValues.length; i++) {
      Chunk c = refChunks.get(i);
      double[][] rest = new double[ref.length - c.rows()][];
      System.arraycopy(ref, 0, rest, 0, c.start());
      System.arraycopy(ref, c.end(), rest, c.start(), ref.length - c.end());
      refValues[i] = auc(rest, Arrays.copyOfRange(ref, c.start(), c.end()));
    }
    StdThreshold t = StdThreshold.of(refValues, k, 0, 1);
    List<ChunkValue> values = new ArrayList<>();
    for (int i = 0; i < refValues.length; i++) {
      values.add(ChunkValue.of(refChunks.get(i), true, refValues[i], t));
    }
    for (Chunk c : curChunks) {
      values.add(ChunkValue.of(c, false, auc(ref, Arrays.copyOfRange(cur, c.start(), c.end())), t));
    }
    return new ChunkSeries("domain_classifier", "auc", "", t, values);
  }

  /** The pooled out-of-fold AUC of telling {@code other} (class 1) from {@code base} (class 0). */
  static double auc(double[][] base, double[][] other) {
    int n = base.length + other.length;
    double[][] x = new double[n][];
    double[] y = new double[n];
    int[] fold = new int[n];
    for (int i = 0; i < base.length; i++) {
      x[i] = base[i];
      fold[i] = i % FOLDS;
    }
    for (int i = 0; i < other.length; i++) {
      x[base.length + i] = other[i];
      y[base.length + i] = 1;
      fold[base.length + i] = i % FOLDS;
    }
    double[] scores = new double[n];
    for (int f = 0; f < FOLDS; f++) {
      List<double[]> trainX = new ArrayList<>();
      List<Double> trainY = new ArrayList<>();
      List<Integer> test = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (fold[i] == f) {
          test.add(i);
        } else {
          trainX.add(x[i]);
          trainY.add(y[i]);
        }
      }
      Knn model =
          new Knn(
              trainX.toArray(double[][]::new),
              trainY.stream().mapToDouble(Double::doubleValue).toArray(),
              K);
      double[] p = model.predict(test.stream().map(i -> x[i]).toArray(double[][]::new));
      for (int i = 0; i < p.length; i++) {
        scores[test.get(i)] = p[i];
      }
    }
    boolean[] positive = new boolean[n];
    for (int i = base.length; i < n; i++) {
      positive[i] = true;
    }
    return Auc.rocAuc(scores, positive);
  }
}
