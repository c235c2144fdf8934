package io.andon.monitor;

import io.andon.monitor.stats.Binning;
import io.andon.monitor.stats.ChiSquared;
import io.andon.monitor.stats.Divergence;
import io.andon.monitor.stats.KsTest;
import io.andon.monitor.stats.Quantiles;
import io.andon.monitor.stats.Wasserstein;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Compares one column of a current table with the same column of a baseline, and decides whether it
 * drifted. Effect sizes decide (PSI, normalised Wasserstein, Jensen-Shannon), p-values only veto
 * effects that small samples could produce by chance: see {@link DriftOptions.Thresholds}.
 */
public final class DriftAnalysis {
  private static final int PLOT_BINS = 30;
  private static final int PLOT_CATEGORIES = 15;

  private DriftAnalysis() {}

  /** Drift of a numeric column. */
  public static ColumnDrift numeric(
      String name, NumericSample base, NumericSample cur, DriftOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cur, "cur");
    Objects.requireNonNull(options, "options");
    ColumnRule rule = ColumnRule.of(name, base.rows(), cur.rows(), options);
    List<String> warnings = new ArrayList<>();
    double nullB = share(base.nulls(), base.rows());
    double nullC = share(cur.nulls(), cur.rows());
    double distinctB = share(base.distinct(), base.size());
    double distinctC = share(cur.distinct(), cur.size());
    noteQuality(name, "baseline", base, warnings);
    noteQuality(name, "current data", cur, warnings);
    long countDelta = (long) cur.size() - base.size();
    if (base.size() == 0 || cur.size() == 0) {
      String side = base.size() == 0 ? "baseline" : "current data";
      String why =
          "column '"
              + name
              + "' has no numeric values in the "
              + side
              + " (all null or NaN); distribution metrics cannot be computed";
      return nullOnly(
          name,
          "numeric",
          why,
          base.size(),
          cur.size(),
          countDelta,
          nullB,
          nullC,
          distinctB,
          distinctC,
          warnings,
          rule);
    }
    double[] sb = base.sorted();
    double[] sc = cur.sorted();
    boolean baseConstant = Double.compare(sb[0], sb[sb.length - 1]) == 0;
    if (baseConstant
        && Double.compare(sc[0], sc[sc.length - 1]) == 0
        && Double.compare(sb[0], sc[0]) == 0) {
      return constant(
          name,
          "numeric",
          fmt(sb[0]),
          base.size(),
          cur.size(),
          countDelta,
          nullB,
          nullC,
          distinctB,
          distinctC,
          warnings,
          rule);
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
      return constantBaseline(
          name,
          base,
          cur,
          ks,
          w,
          avgDelta,
          countDelta,
          nullB,
          nullC,
          distinctB,
          distinctC,
          warnings,
          rule);
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
    ColumnRule.Decision v = rule.decide(effects, "ks_test", ks.pvalue(), nullB, nullC);
    Histogram h = numericHistogram(fb, fc);
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
        countDelta,
        avgDelta,
        nullC - nullB,
        distinctC - distinctB,
        warnings,
        Optional.ofNullable(h));
  }

  /**
   * A baseline of one single value: quantile bins collapse to one, so PSI, JS and the normalised
   * Wasserstein distance say nothing. The column is compared as two categories instead, the
   * baseline's value and any other value: PSI and JS over those two bins, confirmed by the
   * chi-squared test of the 2 x 2 table.
   */
  private static ColumnDrift constantBaseline(
      String name,
      NumericSample base,
      NumericSample cur,
      KsTest.Result ks,
      OptionalDouble w,
      OptionalDouble avgDelta,
      long countDelta,
      double nullB,
      double nullC,
      double distinctB,
      double distinctC,
      List<String> warnings,
      ColumnRule rule) {
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
    DriftOptions.Thresholds th = rule.thresholds();
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
    ColumnRule.Decision v = rule.decide(effects, "chi_squared_test", chi.pvalue(), nullB, nullC);
    return new ColumnDrift(
        name,
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
        countDelta,
        avgDelta,
        nullC - nullB,
        distinctC - distinctB,
        warnings,
        Optional.ofNullable(numericHistogram(base.finite(), cur.finite())));
  }

  /** Drift of a categorical column. */
  public static ColumnDrift categorical(
      String name, CategoricalSample base, CategoricalSample cur, DriftOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cur, "cur");
    ColumnRule rule = ColumnRule.of(name, base.rows(), cur.rows(), options);
    DriftOptions.Thresholds th = rule.thresholds();
    List<String> warnings = new ArrayList<>();
    long nb = base.nonNull();
    long nc = cur.nonNull();
    double nullB = share(base.nulls(), base.rows());
    double nullC = share(cur.nulls(), cur.rows());
    double distinctB = share(base.counts().size(), nb);
    double distinctC = share(cur.counts().size(), nc);
    long countDelta = nc - nb;
    if (nb == 0 || nc == 0) {
      String side = nb == 0 ? "baseline" : "current data";
      String why =
          "column '"
              + name
              + "' has only nulls in the "
              + side
              + "; distribution metrics cannot be computed";
      return nullOnly(
          name,
          "categorical",
          why,
          nb,
          nc,
          countDelta,
          nullB,
          nullC,
          distinctB,
          distinctC,
          warnings,
          rule);
    }
    if (base.counts().size() == 1 && base.counts().keySet().equals(cur.counts().keySet())) {
      return constant(
          name,
          "categorical",
          "'" + base.counts().keySet().iterator().next() + "'",
          nb,
          nc,
          countDelta,
          nullB,
          nullC,
          distinctB,
          distinctC,
          warnings,
          rule);
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
    ColumnRule.Decision v = rule.decide(effects, "chi_squared_test", chi.pvalue(), nullB, nullC);
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
        countDelta,
        OptionalDouble.empty(),
        nullC - nullB,
        distinctC - distinctB,
        warnings,
        Optional.of(categoricalHistogram(cats, kb, kc)));
  }

  private static ColumnDrift nullOnly(
      String name,
      String type,
      String why,
      long nb,
      long nc,
      long countDelta,
      double nullB,
      double nullC,
      double distinctB,
      double distinctC,
      List<String> warnings,
      ColumnRule rule) {
    warnings.add(why + ".");
    ColumnDrift.Status status = ColumnDrift.Status.NOT_COMPARED;
    String reason = "not compared: " + why;
    if (nc == 0 && nb > 0) {
      status = ColumnDrift.Status.DRIFT;
      reason =
          "became all null (share of nulls moved from " + pct(nullB) + " to " + pct(nullC) + ")";
    } else if (rule.enough() && Math.abs(nullC - nullB) >= rule.thresholds().nullShareDelta()) {
      status = ColumnDrift.Status.DRIFT;
      reason = ColumnRule.nullsMoved(nullB, nullC);
    }
    return new ColumnDrift(
        name,
        type,
        status,
        reason,
        Optional.of(why),
        nb,
        nc,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        countDelta,
        OptionalDouble.empty(),
        nullC - nullB,
        distinctC - distinctB,
        warnings,
        Optional.empty());
  }

  /** One and the same value on both sides: no drift to measure, unless the null share moved. */
  private static ColumnDrift constant(
      String name,
      String type,
      String value,
      long nb,
      long nc,
      long countDelta,
      double nullB,
      double nullC,
      double distinctB,
      double distinctC,
      List<String> warnings,
      ColumnRule rule) {
    ColumnRule.Decision v = rule.decide(List.of(), "", 1.0, nullB, nullC);
    ColumnDrift.Status status =
        v.status() == ColumnDrift.Status.DRIFT ? v.status() : ColumnDrift.Status.CONSTANT;
    String reason =
        v.status() == ColumnDrift.Status.DRIFT
            ? v.reason()
            : "constant: every value is " + value + " on both sides; left out of the drift share";
    return new ColumnDrift(
        name,
        type,
        status,
        reason,
        Optional.empty(),
        nb,
        nc,
        OptionalDouble.of(0),
        OptionalDouble.of(0),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        countDelta,
        OptionalDouble.empty(),
        nullC - nullB,
        distinctC - distinctB,
        warnings,
        Optional.empty());
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

  private static Histogram numericHistogram(double[] fb, double[] fc) {
    if (fb.length == 0 || fc.length == 0) {
      return null;
    }
    double lo = Math.min(Quantiles.linear(fb, 0.005), Quantiles.linear(fc, 0.005));
    double hi = Math.max(Quantiles.linear(fb, 0.995), Quantiles.linear(fc, 0.995));
    if (!(hi > lo)) {
      lo = Math.min(fb[0], fc[0]);
      hi = Math.max(fb[fb.length - 1], fc[fc.length - 1]);
    }
    int n = hi > lo ? PLOT_BINS : 1;
    double width = hi > lo ? (hi - lo) / n : 1;
    long[] b = new long[n];
    long[] c = new long[n];
    for (double x : fb) {
      b[plotBin(x, lo, width, n)]++;
    }
    for (double x : fc) {
      c[plotBin(x, lo, width, n)]++;
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(fmt(lo + i * width));
    }
    return new Histogram(labels, b, c);
  }

  private static int plotBin(double x, double lo, double width, int n) {
    int i = (int) Math.floor((x - lo) / width);
    return Math.max(0, Math.min(n - 1, i));
  }

  private static Histogram categoricalHistogram(Set<String> cats, long[] kb, long[] kc) {
    Map<String, long[]> all = new LinkedHashMap<>();
    int i = 0;
    for (String k : cats) {
      all.put(k, new long[] {kb[i], kc[i]});
      i++;
    }
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(all.entrySet());
    sorted.sort(
        (x, y) ->
            Long.compare(y.getValue()[0] + y.getValue()[1], x.getValue()[0] + x.getValue()[1]));
    List<String> labels = new ArrayList<>();
    int n = Math.min(sorted.size(), PLOT_CATEGORIES);
    boolean other = sorted.size() > PLOT_CATEGORIES;
    long[] b = new long[n + (other ? 1 : 0)];
    long[] c = new long[b.length];
    for (int j = 0; j < sorted.size(); j++) {
      int slot = Math.min(j, n);
      if (j < n) {
        labels.add(sorted.get(j).getKey());
      }
      b[slot] += sorted.get(j).getValue()[0];
      c[slot] += sorted.get(j).getValue()[1];
    }
    if (other) {
      labels.add("(" + (sorted.size() - n) + " others)");
    }
    return new Histogram(labels, b, c);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? 0.0 : (double) part / whole;
  }

  private static String sample(List<String> items) {
    List<String> q = new ArrayList<>();
    for (int i = 0; i < Math.min(5, items.size()); i++) {
      q.add("'" + items.get(i) + "'");
    }
    return String.join(", ", q) + (items.size() > 5 ? ", ..." : "");
  }

  /** A number for people: 4 significant digits. */
  public static String fmt(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    double a = Math.abs(v);
    if (a >= 1e4 && a < 1e12) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (a >= 1e-3 && a < 1e4) {
      String s = String.format(Locale.ROOT, "%.4g", v);
      if (s.contains(".") && !s.contains("e")) {
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
      }
      return s;
    }
    return String.format(Locale.ROOT, "%.3e", v);
  }

  /** A p-value for people. */
  public static String fmtP(double p) {
    if (p < Double.MIN_NORMAL) {
      return "< 1e-300";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : fmt(p);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
