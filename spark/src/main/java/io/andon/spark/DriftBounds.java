package io.andon.spark;

import io.andon.monitor.stats.Divergence;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * How far numeric drift computed from two groups' KLL sketches (as {@code andon drift --sketch}
 * computes it) can be from the exact drift of the same values, derived from the sketches' rank
 * error ε (the largest error of any rank, with 99% confidence; 0 for a sketch that has kept every
 * value). Each bound holds when both sketches are within their ε:
 *
 * <ul>
 *   <li>KS statistic: |D̂ - D| ≤ ε_b + ε_c + 2/G, G = {@value #GRID} the ranks the sketched
 *       statistic is evaluated at (the sup of |F_b - F_c| moves by at most the CDFs' errors);
 *   <li>Wasserstein: |Ŵ - W| ≤ (ε_b + ε_c + 2/G) R, R the range of both sides' values: W is the
 *       integral of |F_b - F_c| over that range, each CDF within its ε everywhere, and the sketched
 *       integral's midpoint rule on G ranks errs by at most the quantile functions' variation (2R)
 *       over G; the normed distance divides both by the baseline's standard deviation;
 *   <li>PSI and JS: an interval. The exact edges are the baseline's quantiles at ranks j/B; each
 *       lies between the sketched quantiles at j/B ∓ (ε_b + 2/n_b), so each side's share of values
 *       below it lies between the sketched shares below those two values, ∓ that side's ε. That
 *       boxes each exact bin's share on both sides; PSI's and JS's terms are jointly convex in a
 *       bin's two shares, so over its box a term is largest at a corner and smallest at the corner
 *       nearest the diagonal (0 when the box meets it), and the sums of those are the interval.
 * </ul>
 */
final class DriftBounds {
  /** The ranks at which {@code SketchDrift} evaluates the KS gap and the Wasserstein integral. */
  static final int GRID = 2000;

  private DriftBounds() {}

  /** A closed interval. */
  record Interval(double lo, double hi) {
    boolean contains(double x) {
      return x >= lo && x <= hi;
    }
  }

  /** A sketch's rank error: 0 while it holds every value it was given. */
  static double rankError(KllDoublesSketch k) {
    return k.isEstimationMode() ? k.getNormalizedRankError(false) : 0;
  }

  /** The bound on the KS statistic's error. */
  static double ks(NumericState b, NumericState c) {
    return rankError(b.kll()) + rankError(c.kll()) + 2.0 / GRID;
  }

  /** The bound on the Wasserstein distance's error (the column's units). */
  static double wasserstein(NumericState b, NumericState c) {
    double range = Math.max(b.max(), c.max()) - Math.min(b.min(), c.min());
    return ks(b, c) * range;
  }

  /** The bound on the normed Wasserstein distance's error: the above over the baseline's sd. */
  static double wassersteinNormed(NumericState b, NumericState c) {
    return wasserstein(b, c) / Math.sqrt(b.m2() / b.finite());
  }

  /** Where the exact PSI over {@code bins} baseline quantile bins lies. */
  static Interval psi(NumericState b, NumericState c, int bins) {
    Shares s = shares(b, c, bins);
    double floorB = Math.min(Divergence.PSI_FLOOR, 1.0 / b.kll().getN());
    double floorC = Math.min(Divergence.PSI_FLOOR, 1.0 / c.kll().getN());
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < bins; i++) {
      double bl = Math.max(s.bLo[i], floorB);
      double bh = Math.max(s.bHi[i], Divergence.PSI_FLOOR);
      double cl = Math.max(s.cLo[i], floorC);
      double ch = Math.max(s.cHi[i], Divergence.PSI_FLOOR);
      hi += Math.max(Math.max(psi(cl, bl), psi(cl, bh)), Math.max(psi(ch, bl), psi(ch, bh)));
      lo += ch < bl ? psi(ch, bl) : cl > bh ? psi(cl, bh) : 0;
    }
    return new Interval(lo, hi);
  }

  /** Where the exact Jensen-Shannon distance over the same bins lies. */
  static Interval js(NumericState b, NumericState c, int bins) {
    Shares s = shares(b, c, bins);
    double lo = 0;
    double hi = 0;
    for (int i = 0; i < bins; i++) {
      double bl = s.bLo[i];
      double bh = s.bHi[i];
      double cl = s.cLo[i];
      double ch = s.cHi[i];
      hi += Math.max(Math.max(js(cl, bl), js(cl, bh)), Math.max(js(ch, bl), js(ch, bh)));
      lo += ch < bl ? js(ch, bl) : cl > bh ? js(cl, bh) : 0;
    }
    return new Interval(
        Math.sqrt(lo / 2 / Math.log(2)), Math.min(1, Math.sqrt(hi / 2 / Math.log(2))));
  }

  private static double psi(double c, double b) {
    return (c - b) * Math.log(c / b);
  }

  /** A bin's term of the JS divergence (times 2), 0 log 0 taken as 0. */
  private static double js(double p, double q) {
    double m = (p + q) / 2;
    return (p > 0 ? p * Math.log(p / m) : 0) + (q > 0 ? q * Math.log(q / m) : 0);
  }

  /** The boxes of each exact bin's share of the baseline (b) and of the current values (c). */
  private record Shares(double[] bLo, double[] bHi, double[] cLo, double[] cHi) {}

  private static Shares shares(NumericState b, NumericState c, int bins) {
    KllDoublesSketch kb = b.kll();
    KllDoublesSketch kc = c.kll();
    double slack = rankError(kb) + 2.0 / kb.getN();
    double[][] below = new double[4][bins + 1]; // share below edge j: b lo, b hi, c lo, c hi
    for (int j = 1; j < bins; j++) {
      double r = (double) j / bins;
      double lo = kb.getQuantile(Math.max(0, r - slack), QuantileSearchCriteria.INCLUSIVE);
      double hi = kb.getQuantile(Math.min(1, r + slack), QuantileSearchCriteria.INCLUSIVE);
      below[0][j] = Math.max(0, rankBelow(kb, lo) - rankError(kb));
      below[1][j] = Math.min(1, rankBelow(kb, hi) + rankError(kb));
      below[2][j] = Math.max(0, rankBelow(kc, lo) - rankError(kc));
      below[3][j] = Math.min(1, rankBelow(kc, hi) + rankError(kc));
    }
    for (double[] side : below) {
      side[bins] = 1;
    }
    double[][] box = new double[4][bins];
    for (int i = 0; i < bins; i++) {
      box[0][i] = Math.max(0, below[0][i + 1] - below[1][i]);
      box[1][i] = below[1][i + 1] - below[0][i];
      box[2][i] = Math.max(0, below[2][i + 1] - below[3][i]);
      box[3][i] = below[3][i + 1] - below[2][i];
    }
    return new Shares(box[0], box[1], box[2], box[3]);
  }

  private static double rankBelow(KllDoublesSketch k, double x) {
    return k.getRank(x, QuantileSearchCriteria.EXCLUSIVE);
  }
}
