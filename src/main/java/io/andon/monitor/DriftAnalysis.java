package io.andon.monitor;

import java.util.Locale;
import java.util.Objects;

/**
 * Compares one column of a current table with the same column of a baseline, and decides whether it
 * drifted. Effect sizes decide (PSI, normalised Wasserstein, Jensen-Shannon), p-values only veto
 * effects that small samples could produce by chance: see {@link DriftOptions.Thresholds}.
 *
 * <p>The comparisons have their classes: {@link NumericDrift} and {@link CategoricalDrift} by type,
 * {@link DegenerateDrift} for a side without values or a constant column, {@link DriftHistograms}
 * for the reports' histograms. This class is their entry point and formats numbers for people.
 */
public final class DriftAnalysis {
  private DriftAnalysis() {}

  /** Drift of a numeric column. */
  public static ColumnDrift numeric(
      String name, NumericSample base, NumericSample cur, DriftOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cur, "cur");
    Objects.requireNonNull(options, "options");
    return NumericDrift.of(name, base, cur, options);
  }

  /** Drift of a categorical column. */
  public static ColumnDrift categorical(
      String name, CategoricalSample base, CategoricalSample cur, DriftOptions options) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(cur, "cur");
    Objects.requireNonNull(options, "options");
    return CategoricalDrift.of(name, base, cur, options);
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

  /** A p-value for people: {@code < 1e-300} below the smallest normal double, never 0. */
  public static String fmtP(double p) {
    if (p < Double.MIN_NORMAL) {
      return "< 1e-300";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : fmt(p);
  }

  /** A share as a percentage with one decimal. */
  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
