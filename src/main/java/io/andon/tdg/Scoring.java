package io.andon.tdg;

import io.andon.tdg.source.MethodMetrics;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The formulas of the grade, as pure functions. Every sub-score is 0 to 100.
 *
 * <ul>
 *   <li>Method: with r = max(cyclomatic / T_cyc, cognitive / T_cog, nesting / T_nest), the score is
 *       100 for r <= 0.5, falls linearly to 60 at r = 1 (a method at a threshold scores the bottom
 *       of D) and to 0 at r = 2.
 *   <li>Complexity (file and project): the mean of method scores weighted by method length in
 *       lines, so one long tangled method weighs more than a short one. No methods: 100.
 *   <li>Coverage: 100 x (0.5 line + 0.3 branch + 0.2 mutation), over the parts measured, the
 *       weights renormalised; each part is covered / total over the files of the project.
 *   <li>Documentation: 100 x (0.7 Javadoc share + 0.3 README share), the README share being parts
 *       found / 5; without public API only the README counts.
 *   <li>Security: 100 - 25 per critical - 15 per high - 5 per medium - 2 per low or unknown, never
 *       below 0.
 *   <li>Project: the weighted mean of the measured components, the weights renormalised; file: the
 *       same over the file's complexity, coverage and documentation.
 * </ul>
 */
public final class Scoring {
  private Scoring() {}

  public static double method(MethodMetrics m, TdgConfig c) {
    double r =
        Math.max(
            m.cyclomatic() / c.cyclomatic(),
            Math.max(m.cognitive() / c.cognitive(), m.nesting() / c.nesting()));
    if (r <= 0.5) {
      return 100;
    }
    if (r <= 1) {
      return 100 - 80 * (r - 0.5);
    }
    return Math.max(0, 60 - 60 * (r - 1));
  }

  /** Length-weighted mean of method scores; 100 when there are none. */
  public static double complexity(List<MethodMetrics> methods, TdgConfig c) {
    double sum = 0;
    double weight = 0;
    for (MethodMetrics m : methods) {
      double w = Math.max(1, m.length());
      sum += w * method(m, c);
      weight += w;
    }
    return weight == 0 ? 100 : sum / weight;
  }

  /** Coverage from fractions, each empty when not measured; empty when none is. */
  public static OptionalDouble coverage(
      OptionalDouble line, OptionalDouble branch, OptionalDouble mutation) {
    return weighted(
            Map.of("line", line, "branch", branch, "mutation", mutation),
            Map.of("line", 0.5, "branch", 0.3, "mutation", 0.2))
        .stream()
        .map(x -> 100 * x)
        .findFirst();
  }

  public static double documentation(OptionalDouble javadocShare, double readmeShare) {
    if (javadocShare.isEmpty()) {
      return 100 * readmeShare;
    }
    return 100 * (0.7 * javadocShare.getAsDouble() + 0.3 * readmeShare);
  }

  public static double security(long critical, long high, long medium, long lowOrUnknown) {
    return Math.max(0, 100 - 25.0 * critical - 15.0 * high - 5.0 * medium - 2.0 * lowOrUnknown);
  }

  /** Weighted mean over the present values, the weights of the absent ones dropped. */
  public static OptionalDouble weighted(
      Map<String, OptionalDouble> values, Map<String, Double> weights) {
    double sum = 0;
    double w = 0;
    for (Map.Entry<String, OptionalDouble> e : values.entrySet()) {
      double wi = weights.getOrDefault(e.getKey(), 0.0);
      if (e.getValue().isPresent() && wi > 0) {
        sum += wi * e.getValue().getAsDouble();
        w += wi;
      }
    }
    return w == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / w);
  }

  /** Rounds to one decimal for reports. */
  public static double round1(double x) {
    return Math.round(x * 10) / 10.0;
  }
}
