package io.andon.monitor.multivariate;

import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.StdThreshold;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Data reconstruction drift (NannyML's DataReconstructionDriftCalculator): a PCA fitted on the
 * standardized reference keeps the fewest components whose explained variance exceeds {@value
 * #VARIANCE} of the total (as scikit-learn's {@code PCA(n_components=0.65)}); each row is projected
 * on them and back, and its reconstruction error is the Euclidean distance between the row and its
 * reconstruction. A chunk's value is the mean error of its rows; its sampling error the reference's
 * standard deviation of the row errors over sqrt(n). The alert band is mean +/- k std of the
 * reference chunks' values. When the relations between columns change (a correlation breaks), the
 * error grows even where every column alone looks the same.
 */
public final class PcaReconstruction {
  /** The share of variance the kept components explain, as NannyML's default. */
  public static final double VARIANCE = 0.65;

  private final double[] mean;
  private final RealMatrix components; // d x k

  /** Fits the PCA on {@code ref} (a standardized matrix, a row per row). */
  public PcaReconstruction(double[][] ref) {
    int n = ref.length;
    int d = ref[0].length;
    mean = new double[d];
    for (double[] r : ref) {
      for (int j = 0; j < d; j++) {
        mean[j] += r[j] / n;
      }
    }
    double[][] cov = new double[d][d];
    for (double[] r : ref) {
      for (int a = 0; a < d; a++) {
        double da = r[a] - mean[a];
        for (int b = a; b < d; b++) {
          cov[a][b] += da * (r[b] - mean[b]) / (n - 1);
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    EigenDecomposition eig = new EigenDecomposition(MatrixUtils.createRealMatrix(cov));
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[d];
    double total = 0;
    for (int i = 0; i < d; i++) {
      order[i] = i;
      total += Math.max(0, values[i]);
    }
    java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
    int k = 0;
    double explained = 0;
    while (k < d && explained <= VARIANCE * total) {
      explained += Math.max(0, values[order[k]]);
      k++;
    }
    components = MatrixUtils.createRealMatrix(d, k);
    for (int c = 0; c < k; c++) {
      components.setColumnVector(c, eig.getEigenvector(order[c]));
    }
  }

  /** The number of components kept. */
  public int components() {
    return components.getColumnDimension();
  }

  /** The reconstruction error of each row of {@code x}. */
  public double[] errors(double[][] x) {
    int d = mean.length;
    double[] out = new double[x.length];
    double[][] v = components.getData();
    int k = components();
    for (int r = 0; r < x.length; r++) {
      double[] c = new double[d];
      for (int j = 0; j < d; j++) {
        c[j] = x[r][j] - mean[j];
      }
      double[] score = new double[k];
      for (int t = 0; t < k; t++) {
        for (int j = 0; j < d; j++) {
          score[t] += c[j] * v[j][t];
        }
      }
      double ss = 0;
      for (int j = 0; j < d; j++) {
        double rebuilt = 0;
        for (int t = 0; t < k; t++) {
          rebuilt += score[t] * v[j][t];
        }
        ss += (c[j] - rebuilt) * (c[j] - rebuilt);
      }
      out[r] = Math.sqrt(ss);
    }
    return out;
  }

  /** The mean reconstruction error of each chunk of the reference and of the analysed table. */
  public static ChunkSeries series(
      double[][] ref, List<Chunk> refChunks, double[][] cur, List<Chunk> curChunks, double k) {
    PcaReconstruction pca = new PcaReconstruction(ref);
    double[] er = pca.errors(ref);
    double[] ea = pca.errors(cur);
    double[] refValues = new double[refChunks.size()];
    for (int i = 0; i < refValues.length; i++) {
      refValues[i] = mean(er, refChunks.get(i));
    }
    StdThreshold t = StdThreshold.of(refValues, k, 0, Double.POSITIVE_INFINITY);
    double m = mean(er, new Chunk(0, 0, er.length));
    double ss = 0;
    for (double e : er) {
      ss += (e - m) * (e - m);
    }
    double std = Math.sqrt(ss / er.length);
    List<ChunkValue> values = new ArrayList<>();
    for (int i = 0; i < refValues.length; i++) {
      values.add(ChunkValue.of(refChunks.get(i), true, refValues[i], t));
    }
    for (Chunk c : curChunks) {
      values.add(
          ChunkValue.withError(
              c, false, mean(ea, c), std / Math.sqrt(c.rows()), t, 0, Double.POSITIVE_INFINITY));
    }
    return new ChunkSeries("pca_reconstruction", "reconstruction_error", "", t, values);
  }

  private static double mean(double[] v, Chunk c) {
    double s = 0;
    for (int i = c.start(); i < c.end(); i++) {
      s += v[i];
    }
    return s / c.rows();
  }
}
