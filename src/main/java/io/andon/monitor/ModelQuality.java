package io.andon.monitor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Model-quality metrics of an inference log, under Lakehouse Monitoring's names. Classification:
 * accuracy_score; precision, recall and f1_score per class (one against the rest; a class never
 * predicted has precision 0, as scikit-learn's zero_division=0) as {@code {macro, weighted,
 * per_class}} over the classes seen in labels or predictions; confusion_matrix; roc_auc from a
 * score column when the labels have two classes (the larger label is the positive class).
 * Regression: mean_squared_error, root_mean_squared_error, mean_absolute_error,
 * mean_absolute_percentage_error (|y| floored at machine epsilon, as scikit-learn), r2_score. Rows
 * with a null label or prediction are left out.
 */
public final class ModelQuality {
  private ModelQuality() {}

  public static Map<String, Object> classification(
      List<String> labels, List<String> predictions, double[] scores) {
    Objects.requireNonNull(labels, "labels");
    Objects.requireNonNull(predictions, "predictions");
    if (labels.size() != predictions.size()) {
      throw new IllegalArgumentException("labels and predictions differ in length");
    }
    int n = labels.size();
    TreeSet<String> classes = new TreeSet<>(labels);
    classes.addAll(predictions);
    List<String> cls = new ArrayList<>(classes);
    Map<String, Object> m = fromConfusion(cls, confusion(cls, labels, predictions));
    if (scores.length == n && new TreeSet<>(labels).size() == 2) {
      String positive = new TreeSet<>(labels).last();
      boolean[] pos = new boolean[n];
      for (int i = 0; i < n; i++) {
        pos[i] = labels.get(i).equals(positive);
      }
      m.put("roc_auc", rocAuc(pos, scores));
    }
    return m;
  }

  /**
   * The classification metrics but roc_auc from a confusion matrix: {@code matrix[i][j]} rows of
   * label {@code classes[i]} predicted as {@code classes[j]}, classes sorted.
   */
  public static Map<String, Object> fromConfusion(List<String> cls, long[][] cm) {
    Map<String, Object> m = new LinkedHashMap<>();
    int k = cls.size();
    long n = 0;
    long correct = 0;
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        n += cm[a][b];
      }
      correct += cm[a][a];
    }
    m.put("num_labeled", n);
    if (n == 0) {
      return m;
    }
    m.put("accuracy_score", (double) correct / n);
    Map<String, Double> p = new LinkedHashMap<>();
    Map<String, Double> r = new LinkedHashMap<>();
    Map<String, Double> f = new LinkedHashMap<>();
    long[] support = new long[k];
    for (int c = 0; c < k; c++) {
      long tp = cm[c][c];
      long predicted = 0;
      for (int j = 0; j < k; j++) {
        predicted += cm[j][c];
        support[c] += cm[c][j];
      }
      double pc = predicted == 0 ? 0 : (double) tp / predicted;
      double rc = support[c] == 0 ? 0 : (double) tp / support[c];
      p.put(cls.get(c), pc);
      r.put(cls.get(c), rc);
      f.put(cls.get(c), pc + rc == 0 ? 0 : 2 * pc * rc / (pc + rc));
    }
    m.put("precision", averages(p, support, n));
    m.put("recall", averages(r, support, n));
    m.put("f1_score", averages(f, support, n));
    Map<String, Object> conf = new LinkedHashMap<>();
    conf.put("labels", cls);
    List<List<Long>> rows = new ArrayList<>();
    for (long[] row : cm) {
      List<Long> rr = new ArrayList<>();
      for (long x : row) {
        rr.add(x);
      }
      rows.add(rr);
    }
    conf.put("matrix", rows);
    m.put("confusion_matrix", conf);
    return m;
  }

  /**
   * Lakehouse's struct of a per-class metric: {@code macro} (the plain mean over classes), {@code
   * weighted} (weighted by each class's count among the labels, as scikit-learn's
   * average='weighted') and {@code per_class}.
   */
  private static Map<String, Object> averages(
      Map<String, Double> perClass, long[] support, long n) {
    double sum = 0;
    double weighted = 0;
    int c = 0;
    for (double v : perClass.values()) {
      sum += v;
      weighted += v * support[c++];
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("macro", sum / perClass.size());
    out.put("weighted", weighted / n);
    out.put("per_class", perClass);
    return out;
  }

  /**
   * Lakehouse's fairness metrics of a protected group against the rest, per class (one against the
   * rest): the group's value minus the rest's of precision ({@code predictive_parity}), false
   * positive rate ({@code predictive_equality}), true positive rate, or recall ({@code
   * equal_opportunity}) and share of rows predicted as the class ({@code statistical_parity}). 0 is
   * parity. A class whose rate is undefined on a side (no row predicted as it, say) is left out of
   * that metric.
   */
  public static Map<String, Object> fairness(
      List<String> labels,
      List<String> predictions,
      List<String> restLabels,
      List<String> restPredictions) {
    TreeSet<String> classes = new TreeSet<>(labels);
    classes.addAll(predictions);
    classes.addAll(restLabels);
    classes.addAll(restPredictions);
    List<String> cls = new ArrayList<>(classes);
    return fairness(
        cls, confusion(cls, labels, predictions), confusion(cls, restLabels, restPredictions));
  }

  /**
   * The fairness metrics from the confusion matrices of the group and of the rest, both over {@code
   * cls} (the sorted classes of either).
   */
  public static Map<String, Object> fairness(List<String> cls, long[][] group, long[][] rest) {
    Map<String, Object> out = new LinkedHashMap<>();
    String[] names = {
      "predictive_parity", "predictive_equality", "equal_opportunity", "statistical_parity"
    };
    for (int k = 0; k < names.length; k++) {
      Map<String, Double> per = new LinkedHashMap<>();
      for (int c = 0; c < cls.size(); c++) {
        double a = rates(group, c)[k];
        double b = rates(rest, c)[k];
        if (Double.isFinite(a - b)) {
          per.put(cls.get(c), a - b);
        }
      }
      out.put(names[k], per);
    }
    return out;
  }

  private static long[][] confusion(List<String> cls, List<String> labels, List<String> preds) {
    long[][] cm = new long[cls.size()][cls.size()];
    for (int i = 0; i < labels.size(); i++) {
      cm[cls.indexOf(labels.get(i))][cls.indexOf(preds.get(i))]++;
    }
    return cm;
  }

  private static double[] rates(long[][] cm, int c) {
    long actual = 0;
    long predicted = 0;
    long n = 0;
    for (int j = 0; j < cm.length; j++) {
      actual += cm[c][j];
      predicted += cm[j][c];
      for (int k = 0; k < cm.length; k++) {
        n += cm[j][k];
      }
    }
    long tp = cm[c][c];
    long fp = predicted - tp;
    return new double[] {
      ratio(tp, predicted), ratio(fp, n - actual), ratio(tp, actual), ratio(predicted, n)
    };
  }

  private static double ratio(long a, long b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  /** Area under the ROC curve by the Mann-Whitney rank sum, ties given average ranks. */
  public static double rocAuc(boolean[] positive, double[] scores) {
    int n = scores.length;
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    java.util.Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
    double rankSumPos = 0;
    long npos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j < n && scores[idx[j]] == scores[idx[i]]) {
        j++;
      }
      double avgRank = (i + 1 + j) / 2.0;
      for (int t = i; t < j; t++) {
        if (positive[idx[t]]) {
          rankSumPos += avgRank;
          npos++;
        }
      }
      i = j;
    }
    long nneg = n - npos;
    if (npos == 0 || nneg == 0) {
      return Double.NaN;
    }
    return (rankSumPos - npos * (npos + 1) / 2.0) / ((double) npos * nneg);
  }

  public static Map<String, Object> regression(double[] labels, double[] predictions) {
    if (labels.length != predictions.length) {
      throw new IllegalArgumentException("labels and predictions differ in length");
    }
    int n = labels.length;
    double se = 0;
    double ae = 0;
    double ape = 0;
    double mean = 0;
    for (double y : labels) {
      mean += y;
    }
    mean /= Math.max(1, n);
    double tot = 0;
    for (int i = 0; i < n; i++) {
      double d = labels[i] - predictions[i];
      se += d * d;
      ae += Math.abs(d);
      ape += Math.abs(d) / Math.max(Math.abs(labels[i]), EPSILON);
      tot += (labels[i] - mean) * (labels[i] - mean);
    }
    return regression(n, se, ae, ape, tot);
  }

  /** Machine epsilon: the floor of |y| in the mean absolute percentage error, as scikit-learn. */
  public static final double EPSILON = Math.ulp(1.0);

  /**
   * The regression metrics from sums over {@code n} labelled rows: squared errors, absolute errors,
   * absolute errors over max(|y|, {@link #EPSILON}), squared deviations of the labels from their
   * mean.
   */
  public static Map<String, Object> regression(
      long n, double se, double ae, double ape, double tot) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("num_labeled", n);
    if (n == 0) {
      return m;
    }
    m.put("mean_squared_error", se / n);
    m.put("root_mean_squared_error", Math.sqrt(se / n));
    m.put("mean_absolute_error", ae / n);
    m.put("mean_absolute_percentage_error", ape / n);
    if (tot > 0) {
      m.put("r2_score", 1 - se / tot);
    }
    return m;
  }
}
