package io.andon.monitor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * How to compare two tables.
 *
 * @param columns the columns to compare; empty for all columns of both sides (ids and constant
 *     columns are then left out of the verdict, see {@link ColumnRoles})
 * @param ignore columns never compared
 * @param numeric columns to compare as numbers whatever their inferred type
 * @param categorical columns to compare as categories whatever their inferred type
 * @param bins number of quantile bins for PSI and JS on numeric columns (default 10)
 * @param thresholds when a column counts as drifted
 * @param columnThresholds thresholds of single columns, in place of {@code thresholds}
 * @param driftShare empty: the dataset drifts when any column drifts; else when at least this share
 *     of the compared columns drifted
 * @param minSample fewest rows on each side for the distribution metrics to decide; below it a
 *     column is {@link ColumnDrift.Status#NOT_ENOUGH_DATA}
 * @param comparisons how many column comparisons share one verdict (the family of the Bonferroni
 *     correction): each test's p-value must be below {@code alpha / comparisons}
 */
public record DriftOptions(
    List<String> columns,
    Set<String> ignore,
    Set<String> numeric,
    Set<String> categorical,
    int bins,
    Thresholds thresholds,
    Map<String, Thresholds> columnThresholds,
    OptionalDouble driftShare,
    int minSample,
    int comparisons) {

  /** Rows per side below which a comparison is NOT_ENOUGH_DATA, unless told otherwise. */
  public static final int DEFAULT_MIN_SAMPLE = 500;

  /**
   * The thresholds of a column's verdict. A column drifts when an effect size reaches its threshold
   * AND the matching test's p-value is below {@code alpha} (Bonferroni-corrected over the
   * comparisons of one verdict, so that many columns do not raise noise), or when its share of
   * nulls moved by at least {@code nullShareDelta}.
   */
  public record Thresholds(
      double psi,
      double wassersteinNormed,
      double jsDistance,
      double alpha,
      double nullShareDelta) {
    public static final Thresholds DEFAULT = new Thresholds(0.25, 0.25, 0.2, 0.01, 0.1);

    /** The names of the thresholds, as written in a monitor file and in JSON reports. */
    public static final List<String> NAMES =
        List.of(
            "population_stability_index",
            "wasserstein_distance_normed",
            "js_distance",
            "pvalue",
            "percent_null_delta");

    public Thresholds {
      check("population_stability_index", psi);
      check("wasserstein_distance_normed", wassersteinNormed);
      check("js_distance", jsDistance);
      if (!(alpha > 0 && alpha <= 1)) {
        throw new IllegalArgumentException("pvalue must be in (0, 1], got " + alpha);
      }
      check("percent_null_delta", nullShareDelta);
    }

    /** These thresholds with the one named {@code name} (one of {@link #NAMES}) set to v. */
    public Thresholds with(String name, double v) {
      return switch (name) {
        case "population_stability_index" ->
            new Thresholds(v, wassersteinNormed, jsDistance, alpha, nullShareDelta);
        case "wasserstein_distance_normed" ->
            new Thresholds(psi, v, jsDistance, alpha, nullShareDelta);
        case "js_distance" -> new Thresholds(psi, wassersteinNormed, v, alpha, nullShareDelta);
        case "pvalue" -> new Thresholds(psi, wassersteinNormed, jsDistance, v, nullShareDelta);
        case "percent_null_delta" -> new Thresholds(psi, wassersteinNormed, jsDistance, alpha, v);
        default ->
            throw new IllegalArgumentException(
                "unknown threshold '" + name + "'; thresholds are " + String.join(", ", NAMES));
      };
    }

    /** The thresholds by name, in the order of {@link #NAMES}. */
    public Map<String, Double> byName() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("population_stability_index", psi);
      m.put("wasserstein_distance_normed", wassersteinNormed);
      m.put("js_distance", jsDistance);
      m.put("pvalue", alpha);
      m.put("percent_null_delta", nullShareDelta);
      return m;
    }

    private static void check(String what, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(what + " threshold must be a positive number, got " + v);
      }
    }
  }

  public static final DriftOptions DEFAULT =
      new DriftOptions(
          List.of(),
          Set.of(),
          Set.of(),
          Set.of(),
          10,
          Thresholds.DEFAULT,
          Map.of(),
          OptionalDouble.empty(),
          DEFAULT_MIN_SAMPLE,
          1);

  public DriftOptions {
    columns = List.copyOf(columns);
    ignore = Set.copyOf(ignore);
    numeric = Set.copyOf(numeric);
    categorical = Set.copyOf(categorical);
    Objects.requireNonNull(thresholds, "thresholds");
    columnThresholds = Map.copyOf(columnThresholds);
    Objects.requireNonNull(driftShare, "driftShare");
    if (bins < 2 || bins > 1000) {
      throw new IllegalArgumentException("bins must be between 2 and 1000, got " + bins);
    }
    if (driftShare.isPresent()
        && !(driftShare.getAsDouble() > 0 && driftShare.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          "drift share must be in (0, 1], got " + driftShare.getAsDouble());
    }
    if (minSample < 1) {
      throw new IllegalArgumentException("min sample must be at least 1 row, got " + minSample);
    }
    if (comparisons < 1) {
      throw new IllegalArgumentException("comparisons must be at least 1, got " + comparisons);
    }
    for (String c : numeric) {
      if (categorical.contains(c)) {
        throw new IllegalArgumentException(
            "column '" + c + "' cannot be both numeric and" + " categorical");
      }
    }
  }

  /** The thresholds that decide column {@code column}. */
  public Thresholds thresholdsFor(String column) {
    return columnThresholds.getOrDefault(column, thresholds);
  }

  /** The p-value below which a test confirms an effect, after the Bonferroni correction. */
  public double alphaFor(String column) {
    return thresholdsFor(column).alpha() / comparisons;
  }

  /** These options for a verdict over {@code n} comparisons. */
  public DriftOptions withComparisons(int n) {
    return new DriftOptions(
        columns,
        ignore,
        numeric,
        categorical,
        bins,
        thresholds,
        columnThresholds,
        driftShare,
        minSample,
        Math.max(1, n));
  }

  /** These options with the columns to compare. */
  public DriftOptions withColumns(List<String> cols) {
    return new DriftOptions(
        cols,
        ignore,
        numeric,
        categorical,
        bins,
        thresholds,
        columnThresholds,
        driftShare,
        minSample,
        comparisons);
  }
}
