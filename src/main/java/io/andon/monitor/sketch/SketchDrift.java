package io.andon.monitor.sketch;

import io.andon.monitor.CategoricalSample;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftAnalysis;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.stats.Divergence;
import io.andon.monitor.stats.KolmogorovDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantileSearchCriteria;

/**
 * Drift metrics computed from sketches instead of all values: the same metrics and verdict as
 * {@link DriftAnalysis}, within the sketches' error (see the package documentation).
 */
public final class SketchDrift {
  /** Rank points used for the KS gap and the Wasserstein integral. */
  static final int GRID = 2000;

  private SketchDrift() {}

  public static ColumnDrift numeric(
      String name, NumericSketch b, NumericSketch c, DriftOptions options) {
    if (b.size() == 0 || c.size() == 0) {
      return DriftAnalysis.numeric(
          name,
          io.andon.monitor.NumericSample.of(new double[0]),
          io.andon.monitor.NumericSample.of(new double[0]),
          options);
    }
    KllDoublesSketch kb = b.kll();
    KllDoublesSketch kc = c.kll();
    double[] ranks = new double[options.bins() - 1];
    for (int i = 1; i < options.bins(); i++) {
      ranks[i - 1] = (double) i / options.bins();
    }
    double[] edges = dedupe(kb.getQuantiles(ranks, QuantileSearchCriteria.INCLUSIVE));
    long[] cb = binCounts(kb, edges);
    long[] cc = binCounts(kc, edges);
    double psi = Divergence.psi(cb, cc);
    double js = Divergence.jsDistance(cb, cc);
    double d = ksStatistic(kb, kc);
    double m = Math.max(kb.getN(), kc.getN());
    double n = Math.min(kb.getN(), kc.getN());
    long en = Math.max(1, (long) Math.rint(m * n / (m + n)));
    // the sketch's D can exceed the true D by both rank errors: test the smallest D possible,
    // so the p-value is conservative (never smaller than the exact one would likely be)
    double slack = kb.getNormalizedRankError(false) + kc.getNormalizedRankError(false);
    double p = KolmogorovDistribution.sf(en, Math.max(0, d - slack));
    double w = wasserstein(kb, kc);
    double sd = b.std();
    OptionalDouble wn =
        sd > 0 && Double.isFinite(w) ? OptionalDouble.of(w / sd) : OptionalDouble.empty();
    io.andon.monitor.ColumnRule rule =
        io.andon.monitor.ColumnRule.of(name, b.rows(), c.rows(), options);
    DriftOptions.Thresholds th = rule.thresholds();
    List<String> effects = new ArrayList<>();
    if (psi >= th.psi()) {
      effects.add(
          "population_stability_index "
              + DriftAnalysis.fmt(psi)
              + " >= "
              + DriftAnalysis.fmt(th.psi()));
    }
    if (wn.isPresent() && wn.getAsDouble() >= th.wassersteinNormed()) {
      effects.add(
          "wasserstein_distance_normed "
              + DriftAnalysis.fmt(wn.getAsDouble())
              + " >= "
              + DriftAnalysis.fmt(th.wassersteinNormed()));
    }
    if (js >= th.jsDistance()) {
      effects.add(
          "js_distance " + DriftAnalysis.fmt(js) + " >= " + DriftAnalysis.fmt(th.jsDistance()));
    }
    double nullB = share(b.nulls(), b.rows());
    double nullC = share(c.nulls(), c.rows());
    io.andon.monitor.ColumnRule.Decision v = rule.decide(effects, "ks_test", p, nullB, nullC);
    List<String> warnings = List.of();
    return new ColumnDrift(
        name,
        "numeric",
        v.status(),
        v.reason(),
        Optional.empty(),
        kb.getN(),
        kc.getN(),
        OptionalDouble.of(psi),
        OptionalDouble.of(js),
        Optional.of(new io.andon.monitor.stats.KsTest.Result(d, p, false)),
        Double.isFinite(w) ? OptionalDouble.of(w) : OptionalDouble.empty(),
        wn,
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        kc.getN() - kb.getN(),
        OptionalDouble.of(c.mean() - b.mean()),
        nullC - nullB,
        share(Math.round(c.distinctEstimate()), kc.getN())
            - share(Math.round(b.distinctEstimate()), kb.getN()),
        warnings,
        Optional.empty());
  }

  public static ColumnDrift categorical(
      String name, CategoricalSketch b, CategoricalSketch c, DriftOptions options) {
    return DriftAnalysis.categorical(
        name,
        new CategoricalSample(b.rows(), b.nulls(), b.counts()),
        new CategoricalSample(c.rows(), c.nulls(), c.counts()),
        options);
  }

  private static double[] dedupe(double[] e) {
    double[] s = e.clone();
    Arrays.sort(s);
    int w = 0;
    for (int i = 0; i < s.length; i++) {
      if (w == 0 || s[i] != s[w - 1]) {
        s[w++] = s[i];
      }
    }
    return Arrays.copyOf(s, w);
  }

  /** Estimated counts per bin: values below each edge by the sketch's exclusive rank. */
  static long[] binCounts(KllDoublesSketch k, double[] edges) {
    long n = k.getN();
    long[] out = new long[edges.length + 1];
    long prev = 0;
    for (int i = 0; i < edges.length; i++) {
      long below = Math.round(k.getRank(edges[i], QuantileSearchCriteria.EXCLUSIVE) * n);
      below = Math.max(prev, Math.min(n, below));
      out[i] = below - prev;
      prev = below;
    }
    out[edges.length] = n - prev;
    return out;
  }

  static double ksStatistic(KllDoublesSketch a, KllDoublesSketch b) {
    double max = 0;
    for (KllDoublesSketch s : List.of(a, b)) {
      for (int i = 0; i <= GRID; i++) {
        double x = s.getQuantile((double) i / GRID, QuantileSearchCriteria.INCLUSIVE);
        double gap =
            Math.abs(
                a.getRank(x, QuantileSearchCriteria.INCLUSIVE)
                    - b.getRank(x, QuantileSearchCriteria.INCLUSIVE));
        max = Math.max(max, gap);
      }
    }
    return max;
  }

  /** Integral over u of |Q_a(u) - Q_b(u)| by the midpoint rule on GRID ranks. */
  static double wasserstein(KllDoublesSketch a, KllDoublesSketch b) {
    double sum = 0;
    for (int i = 0; i < GRID; i++) {
      double u = (i + 0.5) / GRID;
      sum +=
          Math.abs(
              a.getQuantile(u, QuantileSearchCriteria.INCLUSIVE)
                  - b.getQuantile(u, QuantileSearchCriteria.INCLUSIVE));
    }
    return sum / GRID;
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }
}
