package io.andon.ui.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A monitor's page: what can be chosen (column, slice, model, granularity), what is chosen, and the
 * charts and histograms of that choice.
 */
public record MonitorView(
    String name,
    String lastRunAt,
    List<String> columns,
    List<String> slices,
    List<String> models,
    List<String> granularities,
    Selection selection,
    List<Chart> charts,
    List<Chart> modelCharts,
    Optional<Histogram> histogram,
    String thresholdsFrom) {

  public MonitorView {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    slices = List.copyOf(slices);
    models = List.copyOf(models);
    granularities = List.copyOf(granularities);
    Objects.requireNonNull(selection, "selection");
    charts = List.copyOf(charts);
    modelCharts = List.copyOf(modelCharts);
    Objects.requireNonNull(histogram, "histogram");
    Objects.requireNonNull(thresholdsFrom, "thresholdsFrom");
  }

  /**
   * What the charts show: a column, a slice ({@code key=value}, empty for the whole table), a model
   * (empty for every model together) and a granularity.
   */
  public record Selection(
      String column, Optional<String> slice, Optional<String> model, String granularity) {
    public Selection {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(slice, "slice");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(granularity, "granularity");
    }
  }

  /** A line chart over windows, with a threshold line when the metric has one. */
  public record Chart(String metric, String title, List<Series> series, OptionalDouble threshold) {
    public Chart {
      Objects.requireNonNull(metric, "metric");
      series = List.copyOf(series);
    }
  }

  /** One line: a label and a value per window start (empty where the window has none). */
  public record Series(String label, List<String> windows, List<OptionalDouble> values) {
    public Series {
      windows = List.copyOf(windows);
      values = List.copyOf(values);
    }
  }

  /** The latest window's histogram of the selected column against the baseline. */
  public record Histogram(String window, boolean numeric, Histograms.Bars bars) {}

  /** A monitor in the list: its last run and whether that run found drift. */
  public record Summary(String name, String lastRunAt, int columns, boolean drifted) {}
}
