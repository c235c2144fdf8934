package io.andon.monitor;

import static io.andon.monitor.ColumnSides.share;
import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.DriftAnalysis.pct;

import io.andon.monitor.stats.Binning;
import io.andon.monitor.stats.ChiSquared;
import io.andon.monitor.stats.Divergence;
import io.andon.monitor.stats.KsTest;
import io.andon.monitor.stats.Wasserstein;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Drift of a numeric column: PSI and Jensen-Shannon over the baseline's quantile bins, the
 * Wasserstein distance normalised by the baseline's standard deviation, confirmed by the two-sample
 * Kolmogorov-Smirnov test.
 */
final class NumericDrift {
  private NumericDrift() {}

  static ColumnDrift of(String name, NumericSample base, NumericSample cur, DriftOptions options) {
    ColumnRule rule = ColumnRule.of(name, base.rows(), cur.rows(), options);
    List<String> warnings = new ArrayList<>();
    noteQuality(name, "baseline", base, warnings);
    noteQuality(name, "current data", cur, warnings);
    ColumnSides sides =
        new ColumnSides(
            name,
            "numeric",
            base.size(),
            cur.size(),
            share(base.nulls(), base.rows()),
            share(cur.nulls(), cur.rows()),
            share(base.distinct(), base.size()),
            share(cur.distinct(), cur.size()),
            warnings,
            rule);
    if (base.size() == 0 || cur.size() == 0) {
      String side = base.size() == 0 ? "baseline" : "current data";
      return DegenerateDrift.nullOnly(
          sides,
          "column '"
              + name
              + "' has no numeric values in the "
              + side
              + " (all null or NaN); distribution metrics cannot be computed");
    }
    double[] sb = base.sorted();
    double[] sc = cur.sorted();
    boolean baseConstant = Double.compare(sb[0], sb[sb.length - 1]) == 0;
    if (baseConstant
        && Double.compare(sc[0], sc[sc.length - 1]) == 0
        && Double.compare(sb[0], sc[0]) == 0) {
      return DegenerateDrift.constant(sides, fmt(sb[0]));
    }
    KsTest.Result ks = KsTest.testSorted(sb, sc);
    double[] fb = base.finite();
    double[] fc = cur.finite();
    OptionalDouble w = OptionalDouble.empty();
    OptionalDouble wn = OptionalDouble.empty();
    OptionalDouble avgDelta = OptionalDouble.empty();
    if (fb.length > 0 && fc.length > 0) {
      double wd = Wasserstein.distanceSorted(fb, fc);
      w = OptionalDouble.of(wd);
      double sd = base.std();
      if (sd > 0) {
        wn = OptionalDouble.of(wd / sd);
      } else {
        warnings.add(
            "column '"
                + name
                + "': the baseline is constant (every value is "
                + fmt(fb[0])
                + "), so wasserstein_distance cannot be normalised; the share of"
                + " current values that differ from it decides.");
      }
      avgDelta = OptionalDouble.of(cur.mean() - base.mean());
    }
    if (baseConstant) {
      return constantBaseline(sides, base, cur, ks, w, avgDelta);
    }
    OptionalDouble psi = OptionalDouble.empty();
    OptionalDouble js = OptionalDouble.empty();
    if (fb.length > 0) {
      Binning bins = Binning.quantiles(fb, options.bins());
      long[] kb = bins.countsSorted(sb);
      long[] kc = bins.countsSorted(sc);
      psi = OptionalDouble.of(Divergence.psi(kb, kc));
      js = OptionalDouble.of(Divergence.jsDistance(kb, kc));
    }
    DriftOptions.Thresholds th = rule.thresholds();
    List<String> effects = new ArrayList<>();
    if (psi.isPresent() && psi.getAsDouble() >= th.psi()) {
      effects.add("population_stability_index " + fmt(psi.getAsDouble()) + " >= " + fmt(th.psi()));
    }
    if (wn.isPresent() && wn.getAsDouble() >= th.wassersteinNormed()) {
      effects.add(
          "wasserstein_distance_normed "
              + fmt(wn.getAsDouble())
              + " >= "
              + fmt(th.wassersteinNormed()));
    }
    if (js.isPresent() && js.getAsDouble() >= th.jsDistance()) {
      effects.add("js_distance " + fmt(js.getAsDouble()) + " >= " + fmt(th.jsDistance()));
    }
    ColumnRule.Decision v =
        rule.decide(effects, "ks_test", ks.pvalue(), sides.nullB(), sides.nullC());
    return new ColumnDrift(
        name,
        "numeric",
        v.status(),
        v.reason(),
        Optional.empty(),
        base.size(),
        cur.size(),
        psi,
        js,
        Optional.of(ks),
        w,
        wn,
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        sides.countDelta(),
        avgDelta,
        sides.nullC() - sides.nullB(),
        sides.distinctC() - sides.distinctB(),
        warnings,
        DriftHistograms.numeric(fb, fc));
  }

  /**
   * A baseline of one single value: quantile bins collapse to one, so PSI, JS and the normalised
   * Wasserstein distance say nothing. The column is compared as two categories instead, the
   * baseline's value and any other value: PSI and JS over those two bins, confirmed by the
   * chi-squared test of the 2 x 2 table.
   */
  private static ColumnDrift constantBaseline(
      ColumnSides sides,
      NumericSample base,
      NumericSample cur,
      KsTest.Result ks,
      OptionalDouble w,
      OptionalDouble avgDelta) {
    double value = base.sorted()[0];
    long same = 0;
    for (double x : cur.sorted()) {
      if (Double.compare(x, value) == 0) {
        same++;
      }
    }
    long[] kb = {base.size(), 0};
    long[] kc = {same, cur.size() - same};
    double psi = Divergence.psi(kb, kc);
    double js = Divergence.jsDistance(kb, kc);
    ChiSquared.Result chi = ChiSquared.homogeneity(kb, kc);
    DriftOptions.Thresholds th = sides.rule().thresholds();
    List<String> effects = new ArrayList<>();
    String what =
        "the baseline is constant (every value is "
            + fmt(value)
            + ") and "
            + pct(share(kc[1], cur.size()))
            + " of the current values differ from it: ";
    if (psi >= th.psi()) {
      effects.add(what + "population_stability_index " + fmt(psi) + " >= " + fmt(th.psi()));
    } else if (js >= th.jsDistance()) {
      effects.add(what + "js_distance " + fmt(js) + " >= " + fmt(th.jsDistance()));
    }
    ColumnRule.Decision v =
        sides
            .rule()
            .decide(effects, "chi_squared_test", chi.pvalue(), sides.nullB(), sides.nullC());
    return new ColumnDrift(
        sides.name(),
        "numeric",
        v.status(),
        v.reason(),
        Optional.empty(),
        base.size(),
        cur.size(),
        OptionalDouble.of(psi),
        OptionalDouble.of(js),
        Optional.of(ks),
        w,
        OptionalDouble.empty(),
        Optional.of(chi),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        sides.countDelta(),
        avgDelta,
        sides.nullC() - sides.nullB(),
        sides.distinctC() - sides.distinctB(),
        sides.warnings(),
        DriftHistograms.numeric(base.finite(), cur.finite()));
  }

  private static void noteQuality(String name, String side, NumericSample s, List<String> w) {
    if (s.nans() > 0) {
      w.add(
          "column '"
              + name
              + "': "
              + s.nans()
              + " NaN value"
              + (s.nans() == 1 ? "" : "s")
              + " in the "
              + side
              + ", left out of every metric (counted apart from nulls).");
    }
    long inf = s.infinities();
    if (inf > 0) {
      w.add(
          "column '"
              + name
              + "': "
              + inf
              + " infinite value"
              + (inf == 1 ? "" : "s")
              + " in the "
              + side
              + ", kept in PSI, JS and KS (outer bins), left out of wasserstein_distance and"
              + " avg.");
    }
    if (s.unparseable() > 0) {
      w.add(
          "column '"
              + name
              + "': "
              + s.unparseable()
              + (s.unparseable() == 1
                  ? " value in the " + side + " is not a number"
                  : " values in the " + side + " are not numbers")
              + ", counted as nulls.");
    }
  }
}
