package io.andon.monitor.estimate;

import io.andon.error.InvalidInputException;
import io.andon.monitor.chunk.Auc;
import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.StdThreshold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Confidence-based performance estimation (NannyML's CBPE) of a binary classifier, without labels.
 *
 * <p>The predicted probabilities are calibrated with {@link Isotonic} regression fitted on the
 * reference (probability against label). On a chunk, each row with calibrated probability q and
 * predicted class ŷ is expected to be a true positive with probability q·ŷ, a false positive with
 * (1-q)·ŷ, a false negative with q·(1-ŷ) and a true negative with (1-q)·(1-ŷ); accuracy, precision,
 * recall and F1 follow from the expected confusion matrix, and ROC AUC from the expected true and
 * false positive rates at every distinct calibrated probability (NannyML's estimate_roc_auc).
 *
 * <p>The sampling error of a metric on a chunk of n rows is σ / sqrt(n·f): σ the standard deviation
 * of the metric's per-row components on the reference (right or wrong for accuracy; the label among
 * predicted positives for precision; the prediction among actual positives for recall; TP as 1 and
 * FP, FN as 0 for F1; for ROC AUC each positive's share of negatives scored below it) and f the
 * share of reference rows those components come from. The confidence band is +/- 3 sampling errors
 * within [0, 1]. The alert band is mean +/- k std of the realized metric over the reference chunks.
 */
public final class Cbpe {
  /** The estimated metrics, in order. */
  public static final List<String> METRICS =
      List.of("accuracy", "precision", "recall", "f1", "roc_auc");

  /** One side's rows: predicted probability of class 1, predicted class, and label if known. */
  public record Rows(double[] proba, boolean[] predicted, boolean[] label) {}

  private Cbpe() {}

  /**
   * The estimated metrics of each analysed chunk, beside the realized ones of each reference chunk.
   *
   * @throws InvalidInputException when the reference lacks a class
   */
  public static List<ChunkSeries> estimate(
      Rows ref, List<Chunk> refChunks, Rows cur, List<Chunk> curChunks, double k) {
    int n = ref.proba().length;
    long positives = count(ref.label());
    if (positives == 0 || positives == n) {
      throw new InvalidInputException(
          "CBPE needs both classes in the reference's labels; it has "
              + positives
              + " positives in "
              + n
              + " rows.");
    }
    Isotonic calibration = new Isotonic(ref.proba(), toDouble(ref.label()));
    double[][] components = components(ref);
    List<ChunkSeries> out = new ArrayList<>();
    for (int m = 0; m < METRICS.size(); m++) {
      double[] realized = new double[refChunks.size()];
      for (int i = 0; i < realized.length; i++) {
        Chunk c = refChunks.get(i);
        realized[i] = realized(m, slice(ref, c));
      }
      StdThreshold t = StdThreshold.of(realized, k, 0, 1);
      List<ChunkValue> values = new ArrayList<>();
      for (int i = 0; i < realized.length; i++) {
        values.add(ChunkValue.of(refChunks.get(i), true, realized[i], t));
      }
      for (Chunk c : curChunks) {
        Rows rows = slice(cur, c);
        double[] q = Arrays.stream(rows.proba()).map(calibration::predict).toArray();
        double v = estimated(m, q, rows.predicted());
        double se = components[m][0] / Math.sqrt(c.rows() * components[m][1]);
        values.add(ChunkValue.withError(c, false, v, se, t, 0, 1));
      }
      out.add(new ChunkSeries("cbpe", METRICS.get(m), "", t, values));
    }
    return out;
  }

  private static Rows slice(Rows r, Chunk c) {
    return new Rows(
        Arrays.copyOfRange(r.proba(), c.start(), c.end()),
        Arrays.copyOfRange(r.predicted(), c.start(), c.end()),
        r.label().length == 0 ? r.label() : Arrays.copyOfRange(r.label(), c.start(), c.end()));
  }

  private static double estimated(int metric, double[] q, boolean[] pred) {
    double tp = 0;
    double fp = 0;
    double fn = 0;
    double tn = 0;
    for (int i = 0; i < q.length; i++) {
      if (pred[i]) {
        tp += q[i];
        fp += 1 - q[i];
      } else {
        fn += q[i];
        tn += 1 - q[i];
      }
    }
    return switch (metric) {
      case 0 -> (tp + tn) / q.length;
      case 1 -> ratio(tp, tp + fp);
      case 2 -> ratio(tp, tp + fn);
      case 3 -> ratio(tp, tp + 0.5 * (fp + fn));
      default -> estimatedRocAuc(q);
    };
  }

  /** NannyML's estimate_roc_auc: expected TPR and FPR at each distinct calibrated probability. */
  static double estimatedRocAuc(double[] q) {
    double[] t = q.clone();
    Arrays.sort(t);
    int n = t.length;
    double[] tpAbove = new double[n];
    double[] fpAbove = new double[n];
    double tp = 0;
    double fp = 0;
    for (int i = n - 1; i >= 0; i--) {
      tp += t[i];
      fp += 1 - t[i];
      tpAbove[i] = tp;
      fpAbove[i] = fp;
    }
    List<double[]> pts = new ArrayList<>();
    double fn = 0;
    double tn = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || t[i] != t[i - 1]) {
        pts.add(new double[] {fpAbove[i] / (fpAbove[i] + tn), tpAbove[i] / (tpAbove[i] + fn)});
      }
      fn += t[i];
      tn += 1 - t[i];
    }
    double[] fpr = new double[pts.size()];
    double[] tpr = new double[pts.size()];
    for (int i = 0; i < fpr.length; i++) {
      fpr[i] = pts.get(i)[0];
      tpr[i] = pts.get(i)[1];
    }
    return Auc.trapezoid(fpr, tpr);
  }

  private static double realized(int metric, Rows r) {
    boolean[] y = r.label();
    boolean[] p = r.predicted();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    long tn = 0;
    for (int i = 0; i < y.length; i++) {
      if (p[i] && y[i]) {
        tp++;
      } else if (p[i]) {
        fp++;
      } else if (y[i]) {
        fn++;
      } else {
        tn++;
      }
    }
    return switch (metric) {
      case 0 -> (double) (tp + tn) / y.length;
      case 1 -> ratio(tp, tp + fp);
      case 2 -> ratio(tp, tp + fn);
      case 3 -> ratio(tp, tp + 0.5 * (fp + fn));
      default -> Auc.rocAuc(r.proba(), y);
    };
  }

  /** Per metric: the standard deviation of its per-row components and their share of rows. */
  private static double[][] components(Rows ref) {
    boolean[] y = ref.label();
    boolean[] p = ref.predicted();
    int n = y.length;
    List<Double> correct = new ArrayList<>();
    List<Double> precision = new ArrayList<>();
    List<Double> recall = new ArrayList<>();
    List<Double> f1 = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      correct.add(y[i] == p[i] ? 1.0 : 0.0);
      if (p[i]) {
        precision.add(y[i] ? 1.0 : 0.0);
      }
      if (y[i]) {
        recall.add(p[i] ? 1.0 : 0.0);
      }
      if (p[i] || y[i]) {
        f1.add(p[i] && y[i] ? 1.0 : 0.0);
      }
    }
    List<Double> placements = placements(ref.proba(), y);
    return new double[][] {
      {std(correct), 1.0},
      {std(precision), (double) precision.size() / n},
      {std(recall), (double) recall.size() / n},
      {std(f1), (double) f1.size() / n},
      {std(placements), (double) placements.size() / n}
    };
  }

  /** For each positive, the share of negatives scored below it (ties count half). */
  private static List<Double> placements(double[] proba, boolean[] y) {
    double[] neg =
        java.util.stream.IntStream.range(0, y.length)
            .filter(i -> !y[i])
            .mapToDouble(i -> proba[i])
            .sorted()
            .toArray();
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (y[i]) {
        int below = lowerBound(neg, proba[i]);
        int notAbove = upperBound(neg, proba[i]);
        out.add((below + 0.5 * (notAbove - below)) / neg.length);
      }
    }
    return out;
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static double std(List<Double> v) {
    if (v.isEmpty()) {
      return 0;
    }
    double mean = v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
    return Math.sqrt(ss / v.size());
  }

  private static double ratio(double a, double b) {
    return b == 0 ? 0 : a / b;
  }

  private static long count(boolean[] b) {
    long c = 0;
    for (boolean x : b) {
      c += x ? 1 : 0;
    }
    return c;
  }

  private static double[] toDouble(boolean[] b) {
    double[] d = new double[b.length];
    for (int i = 0; i < b.length; i++) {
      d[i] = b[i] ? 1 : 0;
    }
    return d;
  }
}
