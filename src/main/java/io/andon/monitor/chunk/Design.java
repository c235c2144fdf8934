package io.andon.monitor.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns rows into a standardized numeric matrix, fitted on the reference: numeric columns with
 * nulls replaced by the reference mean; categorical columns one-hot encoded over the reference's
 * categories (sorted; null is a category of its own, a category the reference lacks is all zeros);
 * then every column centred and scaled by the reference's mean and standard deviation (ddof 0; a
 * constant column is only centred).
 */
public final class Design {
  private final List<String> numeric;
  private final List<String> categorical;
  private final double[] fill;
  private final List<List<String>> levels = new ArrayList<>();
  private final double[] mean;
  private final double[] scale;

  /** Fits the design on {@code reference}. */
  public Design(Frame reference, List<String> numeric, List<String> categorical) {
    this.numeric = List.copyOf(numeric);
    this.categorical = List.copyOf(categorical);
    fill = new double[numeric.size()];
    for (int c = 0; c < numeric.size(); c++) {
      double sum = 0;
      int n = 0;
      for (double v : reference.number(numeric.get(c))) {
        if (Double.isFinite(v)) {
          sum += v;
          n++;
        }
      }
      fill[c] = n == 0 ? 0 : sum / n;
    }
    for (String c : categorical) {
      levels.add(List.copyOf(new TreeSet<>(List.of(reference.category(c)))));
    }
    double[][] raw = raw(reference);
    int d = width();
    mean = new double[d];
    scale = new double[d];
    int n = raw.length;
    for (double[] row : raw) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (int j = 0; j < d; j++) {
      double ss = 0;
      for (double[] row : raw) {
        ss += (row[j] - mean[j]) * (row[j] - mean[j]);
      }
      double std = Math.sqrt(ss / n);
      scale[j] = std > 0 ? std : 1;
    }
  }

  /** Columns of the matrix: the numeric ones, then one per reference category. */
  public int width() {
    return numeric.size() + levels.stream().mapToInt(List::size).sum();
  }

  /** The standardized matrix of {@code f}, a row per row. */
  public double[][] matrix(Frame f) {
    double[][] x = raw(f);
    for (double[] row : x) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (row[j] - mean[j]) / scale[j];
      }
    }
    return x;
  }

  private double[][] raw(Frame f) {
    double[][] x = new double[f.rows()][width()];
    for (int c = 0; c < numeric.size(); c++) {
      double[] col = f.number(numeric.get(c));
      for (int r = 0; r < f.rows(); r++) {
        x[r][c] = Double.isFinite(col[r]) ? col[r] : fill[c];
      }
    }
    int off = numeric.size();
    for (int c = 0; c < categorical.size(); c++) {
      List<String> lv = levels.get(c);
      String[] col = f.category(categorical.get(c));
      for (int r = 0; r < f.rows(); r++) {
        int k = java.util.Collections.binarySearch(lv, col[r]);
        if (k >= 0) {
          x[r][off + k] = 1;
        }
      }
      off += lv.size();
    }
    return x;
  }
}
