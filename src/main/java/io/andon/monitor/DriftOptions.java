package io.andon.monitor;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to compare two tables.
 *
 * @param columns the columns to compare; empty for all columns of both sides
 * @param numeric columns to compare as numbers whatever their inferred type
 * @param categorical columns to compare as categories whatever their inferred type
 * @param bins number of quantile bins for PSI and JS on numeric columns (default 10)
 * @param thresholds when a column, and the dataset, count as drifted
 */
public record DriftOptions(List<String> columns, Set<String> numeric, Set<String> categorical,
    int bins, Thresholds thresholds) {

  /**
   * The verdict's thresholds. A column drifts when an effect size reaches its threshold AND the
   * matching test's p-value is below {@code alpha} (so that small samples do not raise noise), or
   * when its share of nulls moved by at least {@code nullShareDelta}. The dataset drifts when the
   * share of drifted columns reaches {@code driftShare}.
   */
  public record Thresholds(double psi, double wassersteinNormed, double jsDistance, double alpha,
      double nullShareDelta, double driftShare) {
    public static final Thresholds DEFAULT = new Thresholds(0.25, 0.25, 0.2, 0.01, 0.1, 0.5);

    public Thresholds {
      check("psi", psi);
      check("wasserstein_normed", wassersteinNormed);
      check("js_distance", jsDistance);
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("alpha must be in (0, 1], got " + alpha);
      }
      check("null share delta", nullShareDelta);
      if (!(driftShare > 0 && driftShare <= 1)) {
        throw new IllegalArgumentException("drift share must be in (0, 1], got " + driftShare);
      }
    }

    private static void check(String what, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(what + " threshold must be a positive number, got " + v);
      }
    }
  }

  public static final DriftOptions DEFAULT =
      new DriftOptions(List.of(), Set.of(), Set.of(), 10, Thresholds.DEFAULT);

  public DriftOptions {
    columns = List.copyOf(columns);
    numeric = Set.copyOf(numeric);
    categorical = Set.copyOf(categorical);
    Objects.requireNonNull(thresholds, "thresholds");
    if (bins < 2 || bins > 1000) {
      throw new IllegalArgumentException("bins must be between 2 and 1000, got " + bins);
    }
    for (String c : numeric) {
      if (categorical.contains(c)) {
        throw new IllegalArgumentException("column '" + c + "' cannot be both numeric and"
            + " categorical");
      }
    }
  }
}
