package io.andon.monitor;

import io.andon.monitor.quality.Bounds;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads {@code bounds} of a monitor file: per numeric column, the declared {@code min} and {@code
 * max} (either may be left out: unbounded) that its {@code out_of_range} data-quality check uses in
 * place of the baseline's range. Every bad value is a located problem; whether the column exists
 * and is numeric is checked against the table (see {@link DeclaredColumns}).
 */
final class MonitorBounds {
  private MonitorBounds() {}

  static Map<String, Bounds> parse(YMap m, Problems p) {
    Map<String, Bounds> out = new LinkedHashMap<>();
    p.map(m, "bounds")
        .ifPresent(
            b -> {
              for (YMap.Entry e : b.values()) {
                p.map(e.value(), "the bounds of column '" + e.key() + "' (min and max)")
                    .ifPresent(x -> one(e.key(), x, p).ifPresent(v -> out.put(e.key(), v)));
              }
            });
    return out;
  }

  private static Optional<Bounds> one(String column, YMap x, Problems p) {
    p.unknownKeys(x, List.of("min", "max"), "the bounds of column '" + column + "'");
    OptionalDouble min = p.number(x, "min");
    OptionalDouble max = p.number(x, "max");
    if (min.isEmpty() && max.isEmpty()) {
      if (x.has("min") || x.has("max")) {
        return Optional.empty(); // the bad value has its problem already
      }
      p.add(
          x.loc(),
          "the bounds of column '"
              + column
              + "' need 'min', 'max' or both, e.g. {min: 0, max: 120}.");
      return Optional.empty();
    }
    double lo = min.orElse(Double.NEGATIVE_INFINITY);
    double hi = max.orElse(Double.POSITIVE_INFINITY);
    if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
      p.add(
          x.keyLoc("min"),
          "the bounds of column '"
              + column
              + "' have min "
              + DriftAnalysis.fmt(lo)
              + " above max "
              + DriftAnalysis.fmt(hi)
              + "; min must be at most max.");
      return Optional.empty();
    }
    return Optional.of(new Bounds(lo, hi));
  }
}
