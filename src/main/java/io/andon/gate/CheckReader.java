package io.andon.gate;

import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one check of a gate: a line such as {@code accuracy >= 0.95}, or a mapping with a constant
 * threshold ({@code comparator}, {@code threshold}) or a regression tolerance against a baseline
 * ({@code max_drop} or {@code max_rise}). Every problem goes to the {@link Problems} with its
 * position; a check with a problem is not returned.
 */
final class CheckReader {
  static final List<String> CHECK_KEYS =
      List.of(
          "name",
          "metric",
          "comparator",
          "threshold",
          "severity",
          "allow_missing",
          "max_drop",
          "max_rise",
          "baseline",
          "baseline_job",
          "baseline_metric",
          "description");
  private static final Pattern SHORT =
      Pattern.compile("\\s*(\\S+?)\\s*(>=|<=|==|!=|>|<)\\s*(\\S+)\\s*");

  /** What a check compares with: its comparator and its threshold. */
  private record Rule(Comparator comparator, Threshold threshold) {}

  private CheckReader() {}

  /**
   * The check {@code node} holds, or empty when its problems (added to {@code problems}) make it
   * unusable.
   *
   * @param base the folder a baseline file's path starts from
   */
  static Optional<Check> check(YNode node, Path base, Problems problems) {
    if (node instanceof YScalar s && s.type() == YScalar.Type.STRING) {
      return shortCheck(s, problems);
    }
    Optional<YMap> cm = problems.map(node, "a check");
    if (cm.isEmpty()) {
      return Optional.empty();
    }
    YMap c = cm.get();
    int before = problems.list().size();
    problems.unknownKeys(c, CHECK_KEYS, "a check");
    Optional<String> metric = problems.requiredString(c, "metric", "a check");
    metric
        .filter(String::isBlank)
        .ifPresent(x -> problems.add(c.keyLoc("metric"), "metric must not be blank."));
    metric.ifPresent(x -> metricSyntax(x, c, problems));
    Optional<String> name = problems.string(c, "name");
    Severity severity =
        problems.string(c, "severity").map(s -> severity(s, c, problems)).orElse(Severity.ERROR);
    boolean allowMissing = problems.bool(c, "allow_missing").orElse(false);
    Optional<Rule> rule =
        c.has("max_drop") || c.has("max_rise")
            ? regression(c, metric, base, problems)
            : constant(c, problems);
    if (problems.list().size() > before || metric.isEmpty() || rule.isEmpty()) {
      return Optional.empty();
    }
    String checkName = name.filter(n -> !n.isBlank()).orElse(metric.get());
    return Optional.of(
        new Check(
            checkName,
            metric.get(),
            rule.get().comparator(),
            rule.get().threshold(),
            severity,
            allowMissing,
            Optional.of(c.loc())));
  }

  /** A check written on one line: {@code accuracy >= 0.95}. */
  private static Optional<Check> shortCheck(YScalar s, Problems problems) {
    Matcher m = SHORT.matcher(s.text());
    if (!m.matches()) {
      problems.add(
          s.loc(),
          "cannot read the check '"
              + s.text()
              + "'; write it as METRIC OP"
              + " NUMBER (e.g. accuracy >= 0.95, OP one of >, >=, <, <=, ==, !=) or as a mapping"
              + " {metric, comparator, threshold}.");
      return Optional.empty();
    }
    Optional<Measurement> t = Measurement.parse(m.group(3), "");
    if (t.isEmpty() || !Double.isFinite(t.get().value())) {
      problems.add(s.loc(), "threshold must be a finite number, not '" + m.group(3) + "'.");
      return Optional.empty();
    }
    try {
      JsonPath.parse(Metrics.qualified(m.group(1)).map(x -> x[1]).orElse(m.group(1)));
    } catch (IllegalArgumentException e) {
      problems.add(s.loc(), "metric '" + m.group(1) + "': " + e.getMessage() + ".");
      return Optional.empty();
    }
    Comparator c = Comparator.parse(m.group(2)).orElseThrow();
    return Optional.of(
        new Check(
            m.group(1),
            m.group(1),
            c,
            new Threshold.Constant(t.get().value()),
            Severity.ERROR,
            false,
            Optional.of(s.loc())));
  }

  /** A regression check: {@code max_drop} or {@code max_rise} against a baseline. */
  private static Optional<Rule> regression(
      YMap c, Optional<String> metric, Path base, Problems problems) {
    boolean hasDrop = c.has("max_drop");
    if (hasDrop && c.has("max_rise")) {
      problems.add(
          c.keyLoc("max_rise"),
          "a check takes max_drop (higher is better) or"
              + " max_rise (lower is better), not both; split it into two checks.");
    }
    for (String k : List.of("comparator", "threshold")) {
      if (c.has(k)) {
        problems.add(
            c.keyLoc(k),
            "'"
                + k
                + "' does not go with "
                + (hasDrop ? "max_drop" : "max_rise")
                + ": a regression check compares with its baseline; put the"
                + " constant threshold in a check of its own.");
      }
    }
    String key = hasDrop ? "max_drop" : "max_rise";
    OptionalDouble tol = problems.number(c, key);
    Baseline baseline = baseline(c, base, problems);
    String baselineMetric = problems.string(c, "baseline_metric").orElse(metric.orElse("?"));
    if (tol.isPresent()) {
      if (!Double.isFinite(tol.getAsDouble()) || tol.getAsDouble() < 0) {
        problems.add(
            c.get(key).get().loc(),
            key + " must be a finite number >= 0, not " + tol.getAsDouble() + ".");
        return Optional.empty();
      }
      return Optional.of(
          new Rule(
              hasDrop ? Comparator.GREATER_OR_EQUAL : Comparator.LESS_OR_EQUAL,
              new Threshold.Regression(tol.getAsDouble(), baseline, baselineMetric)));
    }
    if (c.get(key).map(n -> n instanceof YScalar s && s.isNull()).orElse(false)) {
      problems.add(c.keyLoc(key), key + " needs a number, e.g. " + key + ": 0.02.");
    }
    return Optional.empty();
  }

  /** A check against a constant: {@code comparator} and {@code threshold}. */
  private static Optional<Rule> constant(YMap c, Problems problems) {
    for (String k : List.of("baseline", "baseline_job", "baseline_metric")) {
      if (c.has(k)) {
        problems.add(c.keyLoc(k), "'" + k + "' only goes with max_drop or max_rise.");
      }
    }
    Optional<Comparator> comparator = Optional.empty();
    Optional<String> ctext = problems.requiredString(c, "comparator", "a check");
    if (ctext.isPresent()) {
      comparator = Comparator.parse(ctext.get());
      if (comparator.isEmpty()) {
        problems.add(c.get("comparator").get().loc(), Comparator.unknownMessage(ctext.get()));
      }
    }
    if (!c.has("threshold")) {
      problems.add(
          c.loc(),
          "a check needs 'threshold'"
              + (comparator.equals(Optional.of(Comparator.BETWEEN))
                  ? ", a list [low, high]."
                  : ", a number."));
      return Optional.empty();
    }
    return comparator.flatMap(
        comp -> threshold(c, comp, problems).map(threshold -> new Rule(comp, threshold)));
  }

  private static void metricSyntax(String metric, YMap c, Problems problems) {
    Optional<String[]> q = Metrics.qualified(metric);
    try {
      JsonPath.parse(q.map(x -> x[1]).orElse(metric));
    } catch (IllegalArgumentException e) {
      problems.add(c.get("metric").get().loc(), "metric '" + metric + "': " + e.getMessage() + ".");
    }
  }

  private static Severity severity(String s, YMap c, Problems problems) {
    try {
      return Severity.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          c.get("severity").get().loc(),
          "severity must be error or warning, not '" + s + "'." + severityHint(s));
      return Severity.ERROR;
    }
  }

  private static String severityHint(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    for (String candidate : List.of("error", "warning")) {
      if (!t.isEmpty() && candidate.startsWith(t)) {
        return " Did you mean '" + candidate + "'?";
      }
    }
    return Strings.didYouMean(s, List.of("error", "warning"));
  }

  private static Baseline baseline(YMap c, Path base, Problems problems) {
    Optional<String> file = problems.string(c, "baseline");
    Optional<String> job = problems.string(c, "baseline_job");
    if (file.isPresent() && job.isPresent()) {
      problems.add(
          c.keyLoc("baseline_job"),
          "give 'baseline' (a JSON file) or 'baseline_job'"
              + " (the last successful run of a job), not both.");
    }
    if (file.isPresent()) {
      return new Baseline.File(base.resolve(file.get()).normalize());
    }
    if (job.isPresent() && !job.get().isBlank()) {
      return new Baseline.Job(job.get());
    }
    return new Baseline.Given();
  }

  private static Optional<Threshold> threshold(YMap c, Comparator comparator, Problems problems) {
    YNode t = c.get("threshold").get();
    if (comparator == Comparator.BETWEEN) {
      if (!(t instanceof YList l) || l.items().size() != 2) {
        problems.add(
            t.loc(),
            "comparator between needs threshold: [low, high], a list of two"
                + " numbers (the range is closed: low and high pass).");
        return Optional.empty();
      }
      OptionalDouble low = finite(l.items().get(0), problems);
      OptionalDouble high = finite(l.items().get(1), problems);
      if (low.isEmpty() || high.isEmpty()) {
        return Optional.empty();
      }
      if (low.getAsDouble() > high.getAsDouble()) {
        problems.add(
            t.loc(),
            "range ["
                + Numbers.format(low.getAsDouble())
                + ", "
                + Numbers.format(high.getAsDouble())
                + "] is empty: low is above high; swap them.");
        return Optional.empty();
      }
      return Optional.of(new Threshold.Range(low.getAsDouble(), high.getAsDouble()));
    }
    if (t instanceof YList) {
      problems.add(
          t.loc(),
          "threshold is a list, but comparator "
              + comparator.symbol()
              + " takes one number; for a range write comparator: between.");
      return Optional.empty();
    }
    OptionalDouble v = finite(t, problems);
    return v.isEmpty() ? Optional.empty() : Optional.of(new Threshold.Constant(v.getAsDouble()));
  }

  private static OptionalDouble finite(YNode n, Problems problems) {
    if (n instanceof YScalar s && s.type() != YScalar.Type.BOOL && !s.isNull()) {
      Optional<Measurement> m = Measurement.parse(s.text(), "");
      if (m.isPresent()) {
        double v = m.get().value();
        if (Double.isFinite(v)) {
          return OptionalDouble.of(v);
        }
        problems.add(n.loc(), "threshold must be a finite number, not " + s.text() + ".");
        return OptionalDouble.empty();
      }
      if (s.text().strip().matches("[+-]?\\.(inf|Inf|INF|nan|NaN|NAN)")) {
        problems.add(n.loc(), "threshold must be a finite number, not " + s.text() + ".");
        return OptionalDouble.empty();
      }
    }
    problems.add(
        n.loc(),
        "threshold must be a number, not "
            + (n instanceof YScalar s ? "'" + s.text() + "'" : n.kind())
            + ".");
    return OptionalDouble.empty();
  }
}
