package io.andon.monitor;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads the verdict settings of a monitor file: {@code thresholds} (by metric), {@code
 * column_thresholds} (by column, then metric), {@code drift_share}, {@code min_sample} and {@code
 * ignore} (columns neither profiled nor compared). Every bad value is a located problem.
 */
final class MonitorThresholds {
  private MonitorThresholds() {}

  static DriftOptions parse(YMap m, Problems p, int bins) {
    DriftOptions.Thresholds base =
        p.map(m, "thresholds")
            .map(t -> thresholds(t, p, DriftOptions.Thresholds.DEFAULT, "thresholds"))
            .orElse(DriftOptions.Thresholds.DEFAULT);
    Map<String, DriftOptions.Thresholds> perColumn = new LinkedHashMap<>();
    p.map(m, "column_thresholds")
        .ifPresent(
            cm -> {
              for (YMap.Entry e : cm.values()) {
                p.map(e.value(), "the thresholds of column '" + e.key() + "'")
                    .ifPresent(
                        t ->
                            perColumn.put(
                                e.key(), thresholds(t, p, base, "column_thresholds." + e.key())));
              }
            });
    OptionalDouble share = p.number(m, "drift_share");
    if (share.isPresent() && !(share.getAsDouble() > 0 && share.getAsDouble() <= 1)) {
      p.add(
          m.get("drift_share").get().loc(),
          "drift_share must be a share in (0, 1], such as"
              + " 0.5, not "
              + DriftAnalysis.fmt(share.getAsDouble())
              + ".");
      share = OptionalDouble.empty();
    }
    long min = p.integer(m, "min_sample").orElse(DriftOptions.DEFAULT_MIN_SAMPLE);
    if (min < 1 || min > Integer.MAX_VALUE) {
      p.add(
          m.get("min_sample").get().loc(),
          "min_sample must be a number of rows, at least 1," + " not " + min + ".");
      min = DriftOptions.DEFAULT_MIN_SAMPLE;
    }
    Set<String> ignore = new java.util.LinkedHashSet<>();
    p.list(m, "ignore").forEach(n -> p.scalarText(n, "an item of 'ignore'").ifPresent(ignore::add));
    return new DriftOptions(
        List.of(), ignore, Set.of(), Set.of(), bins, base, perColumn, share, (int) min, 1);
  }

  private static DriftOptions.Thresholds thresholds(
      YMap t, Problems p, DriftOptions.Thresholds start, String where) {
    p.unknownKeys(
        t,
        DriftOptions.Thresholds.NAMES,
        "'" + where + "' (thresholds are named" + " after their metric)");
    DriftOptions.Thresholds out = start;
    for (String name : DriftOptions.Thresholds.NAMES) {
      OptionalDouble v = p.number(t, name);
      if (v.isPresent()) {
        try {
          out = out.with(name, v.getAsDouble());
        } catch (IllegalArgumentException e) {
          p.add(
              t.get(name).get().loc(),
              "'" + name + "' in '" + where + "': " + e.getMessage() + ".");
        }
      }
    }
    return out;
  }
}
