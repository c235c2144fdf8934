package io.andon.ui.results;

import io.andon.monitor.DriftOptions;
import io.andon.store.Store;
import io.andon.ui.results.MonitorView.Chart;
import io.andon.ui.results.MonitorView.Selection;
import io.andon.ui.results.MonitorView.Summary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Reads the monitors page from {@code profile_metrics} and {@code drift_metrics}: per window the
 * values of the latest run that wrote it, for one column, slice, model and granularity at a time. A
 * snapshot monitor's windows are its runs.
 */
public final class Monitors {
  /** What the page asks for; anything left empty or unknown takes the first choice there is. */
  public record Choice(
      Optional<String> column,
      Optional<String> slice,
      Optional<String> model,
      Optional<String> granularity) {
    public static final Choice DEFAULT =
        new Choice(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public Choice {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(slice, "slice");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(granularity, "granularity");
    }
  }

  /** A monitor's verdict settings and where they come from. */
  public record Settings(DriftOptions options, String from) {
    public Settings {
      Objects.requireNonNull(options, "options");
      Objects.requireNonNull(from, "from");
    }
  }

  private final Store store;
  private final Function<String, Optional<Settings>> settings;

  /**
   * @param settings a monitor's thresholds by its name (from its monitor file); the defaults of
   *     {@code andon monitor} when it gives none
   */
  public Monitors(Store store, Function<String, Optional<Settings>> settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /** Every monitor with rows in the store, by name. */
  public List<Summary> list() {
    return store.read(
        c -> {
          List<Summary> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT p.monitor_name, max(p.run_at) last, count(DISTINCT p.column_name) cols,"
                      + " (SELECT max(d.drift_detected) FROM drift_metrics d"
                      + " WHERE d.monitor_name = p.monitor_name AND d.run_at = max(p.run_at))"
                      + " drifted FROM profile_metrics p WHERE p.column_name <> ':table'"
                      + " GROUP BY p.monitor_name ORDER BY p.monitor_name")) {
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new Summary(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4) == 1));
              }
            }
          }
          return out;
        });
  }

  /** The page of monitor {@code name}; empty when the store has no row of it. */
  public Optional<MonitorView> find(String name, Choice choice) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(choice, "choice");
    Settings s =
        settings
            .apply(name)
            .orElse(new Settings(DriftOptions.DEFAULT, "the defaults of andon monitor"));
    return store.read(c -> find(c, name, choice, s));
  }

  private Optional<MonitorView> find(Connection c, String name, Choice choice, Settings s)
      throws SQLException {
    MetricRows rows = new MetricRows(c, name);
    Optional<String> last = rows.lastRun();
    if (last.isEmpty()) {
      return Optional.empty();
    }
    List<String> columns =
        rows.distinct(
            "SELECT DISTINCT column_name FROM profile_metrics WHERE monitor_name = ?"
                + " AND column_name <> ':table' ORDER BY column_name");
    List<String> slices =
        rows.distinct(
            "SELECT DISTINCT slice_key || '=' || slice_value FROM profile_metrics"
                + " WHERE monitor_name = ? AND slice_key IS NOT NULL ORDER BY 1");
    List<String> models =
        rows.distinct(
            "SELECT DISTINCT model_id FROM profile_metrics WHERE monitor_name = ?"
                + " AND model_id IS NOT NULL ORDER BY 1");
    List<String> granularities =
        rows.distinct(
            "SELECT DISTINCT granularity FROM profile_metrics WHERE monitor_name = ?"
                + " AND granularity <> 'baseline' ORDER BY 1");
    if (columns.isEmpty() || granularities.isEmpty()) {
      return Optional.empty();
    }
    String column =
        choice
            .column()
            .filter(columns::contains)
            .or(() -> rows.firstDrifted(last.get()))
            .orElse(columns.get(0));
    Selection sel =
        new Selection(
            column,
            choice.slice().filter(slices::contains),
            choice.model().filter(models::contains),
            choice.granularity().filter(granularities::contains).orElse(granularities.get(0)));
    DriftOptions.Thresholds t = s.options().thresholdsFor(column);
    Windows profile = rows.profile(sel);
    Windows drift = rows.drift(sel);
    List<Chart> charts = new ArrayList<>();
    charts.add(drift.chart("population_stability_index", "PSI", t.psi()));
    charts.add(
        drift.chart(
            "wasserstein_distance_normed",
            "Wasserstein distance / baseline stddev",
            t.wassersteinNormed()));
    charts.add(drift.chart("js_distance", "Jensen-Shannon distance", t.jsDistance()));
    charts.add(profile.chart("percent_null", "Share of nulls", Double.NaN));
    charts.add(profile.chart("percent_zeros", "Share of zeros", Double.NaN));
    charts.add(profile.chart("avg", "Average", Double.NaN));
    Windows quality = rows.quality(sel);
    List<Chart> modelCharts = new ArrayList<>();
    for (String[] m : MetricRows.QUALITY) {
      Chart ch = quality.chart(m[0], m[1], Double.NaN);
      if (ch.series().stream()
          .anyMatch(x -> x.values().stream().anyMatch(OptionalDouble::isPresent))) {
        modelCharts.add(ch);
      }
    }
    charts.removeIf(
        ch ->
            ch.series().stream()
                .allMatch(x -> x.values().stream().noneMatch(OptionalDouble::isPresent)));
    return Optional.of(
        new MonitorView(
            name,
            last.get(),
            columns,
            slices,
            models,
            granularities,
            sel,
            charts,
            modelCharts,
            rows.histogram(sel),
            s.from()));
  }
}
