package io.andon.monitor;

import static io.andon.monitor.DriftAnalysis.fmt;
import static io.andon.monitor.DriftAnalysis.fmtP;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict rule of one column comparison, in the order it applies: a null share that moved by
 * the threshold or more drifts (with enough rows); below the minimum sample the column is
 * NOT_ENOUGH_DATA, never drifted and never fine; otherwise an effect size at its threshold drifts
 * when its test's p-value is below alpha / comparisons (Bonferroni), so that many columns, slices
 * and windows judged together do not cry wolf.
 *
 * @param alpha the corrected p-value bound
 * @param baseRows rows of the baseline side (nulls included)
 * @param curRows rows of the current side (nulls included)
 */
public record ColumnRule(
    DriftOptions.Thresholds thresholds, double alpha, int minSample, long baseRows, long curRows) {

  /** A verdict and the reason for it. */
  public record Decision(ColumnDrift.Status status, String reason) {
    public Decision {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public ColumnRule {
    Objects.requireNonNull(thresholds, "thresholds");
  }

  /** The rule of column {@code name} under {@code options}. */
  public static ColumnRule of(String name, long baseRows, long curRows, DriftOptions options) {
    return new ColumnRule(
        options.thresholdsFor(name),
        options.alphaFor(name),
        options.minSample(),
        baseRows,
        curRows);
  }

  /** True when both sides have at least the minimum sample. */
  public boolean enough() {
    return baseRows >= minSample && curRows >= minSample;
  }

  /**
   * Decides from the effects that reached their thresholds (described), the p-value of the test
   * that confirms them, and the null shares of both sides.
   */
  public Decision decide(List<String> effects, String test, double p, double nullB, double nullC) {
    if (!enough()) {
      return new Decision(
          ColumnDrift.Status.NOT_ENOUGH_DATA,
          "not enough data: "
              + Math.min(baseRows, curRows)
              + " rows in the "
              + (baseRows < curRows ? "baseline" : "current data")
              + ", fewer than the minimum sample of "
              + minSample);
    }
    List<String> reasons = new ArrayList<>();
    boolean drift = false;
    if (!effects.isEmpty()) {
      if (p < alpha) {
        drift = true;
        reasons.add(
            String.join(", ", effects)
                + " ("
                + test
                + " pvalue "
                + fmtP(p)
                + " < "
                + fmt(alpha)
                + ")");
      } else {
        reasons.add(
            String.join(", ", effects)
                + " but "
                + test
                + " pvalue "
                + fmtP(p)
                + " >= "
                + fmt(alpha)
                + ": too few values to tell it from chance");
      }
    }
    if (Math.abs(nullC - nullB) >= thresholds.nullShareDelta()) {
      drift = true;
      reasons.add(nullsMoved(nullB, nullC));
    }
    if (reasons.isEmpty()) {
      reasons.add("every effect size is below its threshold");
    }
    return new Decision(
        drift ? ColumnDrift.Status.DRIFT : ColumnDrift.Status.NO_DRIFT, String.join("; ", reasons));
  }

  /** The reason of the null-share rule. */
  public static String nullsMoved(double nullB, double nullC) {
    return "share of nulls moved from " + pct(nullB) + " to " + pct(nullC);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
