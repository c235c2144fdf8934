package io.andon.ui.results;

import io.andon.ui.results.MonitorView.Chart;
import io.andon.ui.results.MonitorView.Series;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;

/**
 * Metric values by window and line, filled from rows read oldest run first so that a window a later
 * run wrote again shows that run's values.
 */
final class Windows {
  private final TreeMap<String, Map<String, Map<String, OptionalDouble>>> byWindow =
      new TreeMap<>();
  private final Set<String> lines = new LinkedHashSet<>();

  /** Sets the metrics of {@code line} in {@code window}, over what an older run wrote. */
  void put(String window, String line, Map<String, OptionalDouble> metrics) {
    lines.add(line);
    byWindow.computeIfAbsent(window, w -> new HashMap<>()).put(line, Map.copyOf(metrics));
  }

  List<String> windows() {
    return List.copyOf(byWindow.keySet());
  }

  /** A chart of {@code metric}: a line per line label; a threshold line unless it is NaN. */
  Chart chart(String metric, String title, double threshold) {
    List<String> xs = windows();
    List<Series> series = new ArrayList<>();
    for (String line : lines) {
      List<OptionalDouble> ys = new ArrayList<>();
      for (String x : xs) {
        Map<String, OptionalDouble> m = byWindow.get(x).get(line);
        ys.add(m == null ? OptionalDouble.empty() : m.getOrDefault(metric, OptionalDouble.empty()));
      }
      series.add(new Series(line, xs, ys));
    }
    return new Chart(
        metric,
        title,
        series,
        Double.isNaN(threshold) ? OptionalDouble.empty() : OptionalDouble.of(threshold));
  }
}
