package io.andon.monitor;

import static io.andon.monitor.ColumnSides.share;
import static io.andon.monitor.DriftAnalysis.fmt;

import io.andon.monitor.stats.ChiSquared;
import io.andon.monitor.stats.Divergence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Drift of a categorical column: PSI and Jensen-Shannon over the union of both sides' categories,
 * confirmed by the chi-squared test of homogeneity, with the total variation and L-infinity
 * distances beside them.
 */
final class CategoricalDrift {
  private CategoricalDrift() {}

  static ColumnDrift of(
      String name, CategoricalSample base, CategoricalSample cur, DriftOptions options) {
    ColumnRule rule = ColumnRule.of(name, base.rows(), cur.rows(), options);
    DriftOptions.Thresholds th = rule.thresholds();
    List<String> warnings = new ArrayList<>();
    long nb = base.nonNull();
    long nc = cur.nonNull();
    ColumnSides sides =
        new ColumnSides(
            name,
            "categorical",
            nb,
            nc,
            share(base.nulls(), base.rows()),
            share(cur.nulls(), cur.rows()),
            share(base.counts().size(), nb),
            share(cur.counts().size(), nc),
            warnings,
            rule);
    if (nb == 0 || nc == 0) {
      String side = nb == 0 ? "baseline" : "current data";
      return DegenerateDrift.nullOnly(
          sides,
          "column '"
              + name
              + "' has only nulls in the "
              + side
              + "; distribution metrics cannot be computed");
    }
    if (base.counts().size() == 1 && base.counts().keySet().equals(cur.counts().keySet())) {
      return DegenerateDrift.constant(sides, "'" + base.counts().keySet().iterator().next() + "'");
    }
    Set<String> cats = new LinkedHashSet<>(base.counts().keySet());
    List<String> added = new ArrayList<>();
    for (String k : cur.counts().keySet()) {
      if (cats.add(k)) {
        added.add(k);
      }
    }
    List<String> gone = new ArrayList<>();
    for (String k : base.counts().keySet()) {
      if (!cur.counts().containsKey(k)) {
        gone.add(k);
      }
    }
    long[] kb = new long[cats.size()];
    long[] kc = new long[cats.size()];
    int i = 0;
    for (String k : cats) {
      kb[i] = base.counts().getOrDefault(k, 0L);
      kc[i] = cur.counts().getOrDefault(k, 0L);
      i++;
    }
    if (!added.isEmpty()) {
      warnings.add(
          "column '"
              + name
              + "': "
              + added.size()
              + " categor"
              + (added.size() == 1 ? "y" : "ies")
              + " not in the baseline: "
              + sample(added)
              + " (counted with a proportion floor of 0.0001 in PSI).");
    }
    if (!gone.isEmpty()) {
      warnings.add(
          "column '"
              + name
              + "': "
              + gone.size()
              + " baseline categor"
              + (gone.size() == 1 ? "y is" : "ies are")
              + " absent from the current data: "
              + sample(gone)
              + ".");
    }
    ChiSquared.Result chi = ChiSquared.homogeneity(kb, kc);
    if (chi.lowExpected()) {
      warnings.add(
          "column '"
              + name
              + "': chi_squared_test is unreliable here (an expected"
              + " count is "
              + fmt(chi.minExpected())
              + ", below 5); rely on the distances.");
    }
    double psi = Divergence.psi(kb, kc);
    double js = Divergence.jsDistance(kb, kc);
    List<String> effects = new ArrayList<>();
    if (psi >= th.psi()) {
      effects.add("population_stability_index " + fmt(psi) + " >= " + fmt(th.psi()));
    }
    if (js >= th.jsDistance()) {
      effects.add("js_distance " + fmt(js) + " >= " + fmt(th.jsDistance()));
    }
    ColumnRule.Decision v =
        rule.decide(effects, "chi_squared_test", chi.pvalue(), sides.nullB(), sides.nullC());
    return new ColumnDrift(
        name,
        "categorical",
        v.status(),
        v.reason(),
        Optional.empty(),
        nb,
        nc,
        OptionalDouble.of(psi),
        OptionalDouble.of(js),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.of(chi),
        OptionalDouble.of(Divergence.tvDistance(kb, kc)),
        OptionalDouble.of(Divergence.lInfinityDistance(kb, kc)),
        sides.countDelta(),
        OptionalDouble.empty(),
        sides.nullC() - sides.nullB(),
        sides.distinctC() - sides.distinctB(),
        warnings,
        Optional.of(DriftHistograms.categorical(cats, kb, kc)));
  }

  private static String sample(List<String> items) {
    List<String> q = new ArrayList<>();
    for (int i = 0; i < Math.min(5, items.size()); i++) {
      q.add("'" + items.get(i) + "'");
    }
    return String.join(", ", q) + (items.size() > 5 ? ", ..." : "");
  }
}
