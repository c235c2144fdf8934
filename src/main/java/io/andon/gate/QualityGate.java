package io.andon.gate;

import io.andon.util.Strings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * A named set of checks on metrics; it passes only when every blocking check passes. Immutable: the
 * fluent methods return a new gate.
 *
 * <pre>{@code
 * QualityGate gate = QualityGate.named("production")
 *     .check("accuracy", Comparator.GREATER_OR_EQUAL, 0.95)
 *     .check("latency_p99_ms", Comparator.LESS_OR_EQUAL, 100)
 *     .between("psi", 0, 0.2)
 *     .warn("error_rate", Comparator.LESS_OR_EQUAL, 0.01);
 * GateResult r = gate.evaluate(MetricSource.of(Map.of("accuracy", 0.96, ...)));
 * }</pre>
 */
public record QualityGate(String name, List<Check> checks) {
  public QualityGate {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("gate name must not be blank");
    }
    checks = List.copyOf(checks);
    Set<String> seen = new HashSet<>();
    for (Check c : checks) {
      if (!seen.add(c.name())) {
        throw new IllegalArgumentException(
            "gate '"
                + name
                + "' has two checks named '"
                + c.name()
                + "'; name one of them differently with .check(Check.of(...).named(..))");
      }
    }
  }

  /** A gate with no checks yet; add checks before evaluating it. */
  public static QualityGate named(String name) {
    return new QualityGate(name, List.of());
  }

  /** Adds a check. */
  public QualityGate check(Check check) {
    List<Check> next = new ArrayList<>(checks);
    next.add(Objects.requireNonNull(check, "check"));
    return new QualityGate(name, next);
  }

  /** Adds an error check of {@code metric} against a constant. */
  public QualityGate check(String metric, Comparator comparator, double threshold) {
    return check(Check.of(metric, comparator, threshold));
  }

  /** Adds a warning check: it is reported when it fails but does not block. */
  public QualityGate warn(String metric, Comparator comparator, double threshold) {
    return check(Check.of(metric, comparator, threshold).withSeverity(Severity.WARNING));
  }

  /** Adds an error check that {@code metric} lies in the closed range {@code [low, high]}. */
  public QualityGate between(String metric, double low, double high) {
    return check(Check.between(metric, low, high));
  }

  /** Adds a regression check: at most {@code maxDrop} below the baseline's value. */
  public QualityGate maxDrop(String metric, double maxDrop) {
    return check(Check.maxDrop(metric, maxDrop));
  }

  /** Adds a regression check: at most {@code maxRise} above the baseline's value. */
  public QualityGate maxRise(String metric, double maxRise) {
    return check(Check.maxRise(metric, maxRise));
  }

  public Optional<Check> checkNamed(String checkName) {
    return checks.stream().filter(c -> c.name().equals(checkName)).findFirst();
  }

  /** True when a check compares against a baseline the caller must supply. */
  public boolean needsGivenBaseline() {
    return firstNeedingGivenBaseline().isPresent();
  }

  /** The first check that compares against a baseline the caller must supply. */
  public Optional<Check> firstNeedingGivenBaseline() {
    return checks.stream()
        .filter(
            c ->
                c.threshold() instanceof Threshold.Regression g
                    && g.baseline() instanceof Baseline.Given)
        .findFirst();
  }

  /** Evaluates every check; regression checks find no baseline. */
  public GateResult evaluate(MetricSource metrics) {
    return evaluate(metrics, Baselines.none());
  }

  /**
   * Evaluates every check against {@code metrics}, regression checks against baselines.
   *
   * @throws IllegalStateException when the gate has no checks: it would pass everything
   */
  public GateResult evaluate(MetricSource metrics, Baselines baselines) {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(baselines, "baselines");
    if (checks.isEmpty()) {
      throw new IllegalStateException(
          "gate '"
              + name
              + "' has no checks; a gate with no checks"
              + " would pass everything. Add checks with .check(...).");
    }
    List<CheckResult> out = new ArrayList<>();
    for (Check c : checks) {
      out.add(evaluate(c, metrics, baselines));
    }
    return new GateResult(name, out);
  }

  static CheckResult evaluate(Check c, MetricSource metrics, Baselines baselines) {
    Optional<Measurement> found = metrics.find(c.metric());
    if (found.isEmpty()) {
      return notMeasured(
          c,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          "",
          "",
          "metric '"
              + c.metric()
              + "' not found in "
              + metrics.describe()
              + "."
              + hint(c.metric(), metrics));
    }
    Measurement m = found.get();
    if (!m.isNumber()) {
      return notMeasured(
          c,
          OptionalDouble.empty(),
          OptionalDouble.empty(),
          m.source(),
          "",
          "metric '" + c.metric() + "' at " + m.source() + " " + m.problem().get() + ".");
    }
    double v = m.value();
    OptionalDouble value = OptionalDouble.of(v);
    OptionalDouble threshold = OptionalDouble.empty();
    OptionalDouble baseline = OptionalDouble.empty();
    String against;
    String baselineSource = "";
    BigDecimal exact = null;
    if (c.threshold() instanceof Threshold.Constant k) {
      threshold = OptionalDouble.of(k.value());
      against = c.comparator().symbol() + " " + Numbers.format(k.value());
    } else if (c.threshold() instanceof Threshold.Range r) {
      against = "in [" + Numbers.format(r.low()) + ", " + Numbers.format(r.high()) + "]";
    } else {
      Threshold.Regression g = (Threshold.Regression) c.threshold();
      MetricSource base = baselines.source(g.baseline());
      Optional<Measurement> b = base.find(g.baselineMetric());
      if (b.isEmpty() || !b.get().isNumber()) {
        String why =
            b.isEmpty()
                ? "not found in " + base.describe() + "." + hint(g.baselineMetric(), base)
                : "at " + b.get().source() + " " + b.get().problem().get() + ".";
        return notMeasured(
            c,
            value,
            OptionalDouble.empty(),
            m.source(),
            b.map(Measurement::source).orElse(base.describe()),
            "baseline of '" + g.baselineMetric() + "' " + why);
      }
      double bv = b.get().value();
      baselineSource = b.get().source();
      baseline = OptionalDouble.of(bv);
      if (!Double.isFinite(bv)) {
        return nonFinite(
            c,
            value,
            baseline,
            m.source(),
            baselineSource,
            "baseline value at " + b.get().source() + " is " + Numbers.format(bv));
      }
      boolean drop = c.comparator() == Comparator.GREATER_OR_EQUAL;
      // in decimal, as people write numbers: 1.1 - 0.1 is 1.0, not 1.0000000000000002
      exact =
          drop
              ? decimal(bv).subtract(decimal(g.tolerance()))
              : decimal(bv).add(decimal(g.tolerance()));
      threshold = OptionalDouble.of(exact.doubleValue());
      against =
          c.comparator().symbol()
              + " "
              + exact.stripTrailingZeros().toPlainString()
              + " (baseline "
              + Numbers.format(bv)
              + (drop ? " - max_drop " : " + max_rise ")
              + Numbers.format(g.tolerance())
              + ")";
    }
    if (!Double.isFinite(v)) {
      return nonFinite(
          c, value, baseline, m.source(), baselineSource, "value is " + Numbers.format(v));
    }
    boolean ok;
    if (c.threshold() instanceof Threshold.Range r) {
      ok = Comparator.inRange(v, r.low(), r.high());
    } else if (exact != null) {
      int cmp = decimal(v).compareTo(exact);
      ok = c.comparator() == Comparator.GREATER_OR_EQUAL ? cmp >= 0 : cmp <= 0;
    } else {
      ok = c.comparator().test(v, threshold.getAsDouble());
    }
    double[] references =
        c.threshold() instanceof Threshold.Range r
            ? new double[] {r.low(), r.high()}
            : exact != null
                ? new double[] {exact.doubleValue()}
                : threshold.isPresent() ? new double[] {threshold.getAsDouble()} : new double[0];
    String text = Numbers.shown(v, references) + (ok ? " " : " is not ") + against;
    Status status =
        ok ? Status.PASSED : c.severity() == Severity.ERROR ? Status.FAILED : Status.WARNING;
    return new CheckResult(c, status, value, threshold, baseline, m.source(), baselineSource, text);
  }

  private static CheckResult notMeasured(
      Check c,
      OptionalDouble value,
      OptionalDouble baseline,
      String source,
      String baselineSource,
      String message) {
    String suffix =
        c.allowMissing()
            ? " Allowed by allow_missing: true."
            : c.severity() == Severity.WARNING ? " Reported only (severity warning)." : "";
    return new CheckResult(
        c,
        Status.NOT_MEASURED,
        value,
        OptionalDouble.empty(),
        baseline,
        source,
        baselineSource,
        message + suffix);
  }

  private static CheckResult nonFinite(
      Check c,
      OptionalDouble value,
      OptionalDouble baseline,
      String source,
      String baselineSource,
      String what) {
    Status status = c.severity() == Severity.ERROR ? Status.FAILED : Status.WARNING;
    return new CheckResult(
        c,
        status,
        value,
        OptionalDouble.empty(),
        baseline,
        source,
        baselineSource,
        what + "; NaN and infinities are never compared. Fix the step that computes it.");
  }

  private static BigDecimal decimal(double v) {
    return new BigDecimal(Double.toString(v));
  }

  private static String hint(String metric, MetricSource source) {
    return Strings.closest(metric, source.names())
        .map(n -> " Did you mean '" + n + "'?")
        .orElse("");
  }
}
