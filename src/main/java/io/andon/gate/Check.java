package io.andon.gate;

import io.andon.yaml.Loc;
import java.util.Objects;
import java.util.Optional;

/**
 * One check of a gate.
 *
 * @param name unique within its gate; what reports show (defaults to the metric)
 * @param metric a plain name looked up in the metric sources, or {@code file.json:$.path}
 * @param allowMissing when true, a metric that is not measured does not block the gate
 * @param loc where the check was written, for reports that link to it; empty for checks built in
 *     code
 */
public record Check(
    String name,
    String metric,
    Comparator comparator,
    Threshold threshold,
    Severity severity,
    boolean allowMissing,
    Optional<Loc> loc) {

  public Check {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(comparator, "comparator");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(loc, "loc");
    if (name.isBlank()) {
      throw new IllegalArgumentException("check name must not be blank");
    }
    if (metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank");
    }
    boolean fits;
    if (threshold instanceof Threshold.Constant) {
      fits = comparator.takesOneValue();
    } else if (threshold instanceof Threshold.Range) {
      fits = comparator == Comparator.BETWEEN;
    } else {
      fits = comparator == Comparator.GREATER_OR_EQUAL || comparator == Comparator.LESS_OR_EQUAL;
    }
    if (!fits) {
      throw new IllegalArgumentException(
          "comparator " + comparator.symbol() + " does not fit threshold " + threshold);
    }
  }

  /** An error check against a constant. */
  public static Check of(String metric, Comparator comparator, double threshold) {
    return new Check(
        metric,
        metric,
        comparator,
        new Threshold.Constant(threshold),
        Severity.ERROR,
        false,
        Optional.empty());
  }

  /** An error check that the metric lies in the closed range {@code [low, high]}. */
  public static Check between(String metric, double low, double high) {
    return new Check(
        metric,
        metric,
        Comparator.BETWEEN,
        new Threshold.Range(low, high),
        Severity.ERROR,
        false,
        Optional.empty());
  }

  /** An error check that the metric fell at most {@code maxDrop} below the given baseline. */
  public static Check maxDrop(String metric, double maxDrop) {
    return new Check(
        metric,
        metric,
        Comparator.GREATER_OR_EQUAL,
        new Threshold.Regression(maxDrop, new Baseline.Given(), metric),
        Severity.ERROR,
        false,
        Optional.empty());
  }

  /** An error check that the metric rose at most {@code maxRise} above the given baseline. */
  public static Check maxRise(String metric, double maxRise) {
    return new Check(
        metric,
        metric,
        Comparator.LESS_OR_EQUAL,
        new Threshold.Regression(maxRise, new Baseline.Given(), metric),
        Severity.ERROR,
        false,
        Optional.empty());
  }

  public Check named(String newName) {
    return new Check(newName, metric, comparator, threshold, severity, allowMissing, loc);
  }

  public Check withSeverity(Severity s) {
    return new Check(name, metric, comparator, threshold, s, allowMissing, loc);
  }

  public Check allowingMissing() {
    return new Check(name, metric, comparator, threshold, severity, true, loc);
  }

  public Check against(Baseline baseline) {
    if (!(threshold instanceof Threshold.Regression g)) {
      throw new IllegalStateException("check '" + name + "' is not a regression check");
    }
    return new Check(
        name,
        metric,
        comparator,
        new Threshold.Regression(g.tolerance(), baseline, g.baselineMetric()),
        severity,
        allowMissing,
        loc);
  }

  /** The threshold as people read it: {@code 0.95}, {@code [0, 0.2]}, {@code baseline - 0.02}. */
  public String thresholdText() {
    if (threshold instanceof Threshold.Constant c) {
      return Numbers.format(c.value());
    }
    if (threshold instanceof Threshold.Range r) {
      return "[" + Numbers.format(r.low()) + ", " + Numbers.format(r.high()) + "]";
    }
    Threshold.Regression g = (Threshold.Regression) threshold;
    return "baseline "
        + (comparator == Comparator.GREATER_OR_EQUAL ? "- " : "+ ")
        + Numbers.format(g.tolerance());
  }
}
