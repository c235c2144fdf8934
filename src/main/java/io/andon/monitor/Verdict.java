package io.andon.monitor;

import static io.andon.monitor.DriftAnalysis.fmt;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One verdict over a set of column comparisons (a table, or a window of a monitor), the same in
 * every output: text, JSON, HTML, task values, exit code and the rows alerts read. By default the
 * set drifts when any compared column drifts (a stop-the-line rule); with a drift share, when at
 * least that share of the compared columns drifted. Constant columns, columns that could not be
 * compared and columns with NOT_ENOUGH_DATA are left out of the share. With no drift and some
 * NOT_ENOUGH_DATA, the verdict is NOT_ENOUGH_DATA: never silently fine.
 *
 * @param drifted columns that drifted
 * @param compared columns in the share (drifted or not)
 * @param notEnoughData columns with too few rows to decide
 * @param share drifted / compared (0 when nothing was compared)
 * @param rule the rule, in words, for every output
 */
public record Verdict(
    Outcome outcome, int drifted, int compared, int notEnoughData, double share, String rule) {

  /** The outcome of a verdict. */
  public enum Outcome {
    DRIFT,
    NO_DRIFT,
    NOT_ENOUGH_DATA;

    /** The word reports show. */
    public String label() {
      return switch (this) {
        case DRIFT -> "DRIFT";
        case NO_DRIFT -> "no drift";
        case NOT_ENOUGH_DATA -> "NOT_ENOUGH_DATA";
      };
    }

    /** The exit code of {@code andon drift}: 0 no drift, 1 drift, 4 not enough data. */
    public int exitCode() {
      return switch (this) {
        case DRIFT -> 1;
        case NO_DRIFT -> 0;
        case NOT_ENOUGH_DATA -> 4;
      };
    }
  }

  public Verdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(rule, "rule");
  }

  /** The verdict over {@code columns} under {@code options}. */
  public static Verdict of(List<ColumnDrift> columns, DriftOptions options) {
    int drifted = 0;
    int compared = 0;
    int few = 0;
    for (ColumnDrift c : columns) {
      switch (c.status()) {
        case DRIFT -> {
          drifted++;
          compared++;
        }
        case NO_DRIFT -> compared++;
        case NOT_ENOUGH_DATA -> few++;
        default -> {}
      }
    }
    double share = compared == 0 ? 0.0 : (double) drifted / compared;
    boolean drift =
        options.driftShare().isPresent()
            ? compared > 0 && share >= options.driftShare().getAsDouble()
            : drifted > 0;
    Outcome o = drift ? Outcome.DRIFT : few > 0 ? Outcome.NOT_ENOUGH_DATA : Outcome.NO_DRIFT;
    return new Verdict(o, drifted, compared, few, share, rule(options));
  }

  /** True when the outcome is DRIFT. */
  public boolean driftDetected() {
    return outcome == Outcome.DRIFT;
  }

  /** "DRIFT (3 of 9 columns drifted, share 0.33)" and the like. */
  public String summary() {
    return outcome.label()
        + " ("
        + drifted
        + " of "
        + compared
        + " columns drifted, share "
        + fmt(share)
        + (notEnoughData > 0 ? "; " + notEnoughData + " with not enough data" : "")
        + ")";
  }

  /** The verdict rule in words. */
  public static String rule(DriftOptions o) {
    DriftOptions.Thresholds t = o.thresholds();
    String dataset =
        o.driftShare().isPresent()
            ? "the dataset drifts when at least "
                + pct(o.driftShare().getAsDouble())
                + " of the compared columns drift"
            : "the dataset drifts when any compared column drifts";
    String alpha =
        o.comparisons() > 1
            ? fmt(t.alpha()) + " / " + o.comparisons() + " comparisons (Bonferroni)"
            : fmt(t.alpha());
    return dataset
        + "; a column drifts when population_stability_index >= "
        + fmt(t.psi())
        + ", wasserstein_distance_normed >= "
        + fmt(t.wassersteinNormed())
        + " or js_distance >= "
        + fmt(t.jsDistance())
        + " with the p-value of its test below "
        + alpha
        + ", when its share of nulls moves by "
        + fmt(100 * t.nullShareDelta())
        + " points or more, when it becomes all null or when its type changes"
        + (o.columnThresholds().isEmpty()
            ? ""
            : " (thresholds of their own for "
                + String.join(", ", o.columnThresholds().keySet().stream().sorted().toList())
                + ")")
        + "; with fewer than "
        + o.minSample()
        + " rows on a side a column is NOT_ENOUGH_DATA;"
        + " ids and constant columns are left out";
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%s%%", fmt(100 * share));
  }
}
