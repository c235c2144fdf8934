package io.andon.ui;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.error.AndonException;
import io.andon.job.TaskSpec;
import io.andon.monitor.MonitorLoader;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.task.MonitorTaskPayload;
import io.andon.serve.ServedJob;
import io.andon.ui.results.MonitorView;
import io.andon.ui.results.Monitors;
import io.andon.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The monitors pages: {@code /monitors} lists every monitor with rows in the store, and {@code
 * /monitors/{name}} charts one column's metrics over windows (drift against the baseline and the
 * previous window with threshold lines, null and zero shares, average; model quality for inference
 * logs), for the slice, model and granularity chosen in the page's form (a GET, so every choice has
 * its URL), with the latest window's histogram against the baseline. Thresholds come from the
 * monitor file of a served job's {@code monitor_task}, else the defaults of {@code andon monitor}.
 */
public final class MonitorsPage {
  /** The list's model. */
  public record ListModel(List<MonitorView.Summary> monitors) {}

  /** A monitor's model: the view, and each chart as the JSON the page's script draws. */
  public record Model(
      MonitorView view, List<Drawn> charts, List<Drawn> modelCharts, String histogram) {}

  /** A chart and its data for the script. */
  public record Drawn(MonitorView.Chart chart, String json) {}

  private final WebUi.Setup setup;
  private final Monitors monitors;

  MonitorsPage(WebUi.Setup setup) {
    this.setup = setup;
    this.monitors = new Monitors(setup.store(), this::settings);
  }

  void routes(UiRoutes routes) {
    routes.page("/monitors", this::list).page("/monitors/{name}", this::monitor);
  }

  private UiResponse list(UiRequest r) {
    Chrome chrome =
        new Chrome("Monitors", Chrome.Section.MONITORS, r.visitor(), setup.readsNeedToken());
    return Views.page("monitors.jte", chrome, new ListModel(monitors.list()));
  }

  private UiResponse monitor(UiRequest r) {
    String name = r.param("name");
    Monitors.Choice choice =
        new Monitors.Choice(
            given(r, "column"), given(r, "slice"), given(r, "model"), given(r, "granularity"));
    MonitorView v =
        monitors
            .find(name, choice)
            .orElseThrow(
                () ->
                    UiException.notFound(
                        "no monitor '"
                            + name
                            + "' has rows in this home; the Monitors page lists those that do."));
    Chrome chrome =
        new Chrome(
            name + " · monitor", Chrome.Section.MONITORS, r.visitor(), setup.readsNeedToken());
    return Views.page(
        "monitor.jte",
        chrome,
        new Model(
            v,
            v.charts().stream().map(c -> new Drawn(c, json(c))).toList(),
            v.modelCharts().stream().map(c -> new Drawn(c, json(c))).toList(),
            v.histogram().map(MonitorsPage::json).orElse("")));
  }

  private static Optional<String> given(UiRequest r, String name) {
    return r.queryParam(name).filter(s -> !s.isEmpty());
  }

  /** A line chart: {labels, series: [{label, values}], threshold}. */
  static String json(MonitorView.Chart c) {
    ObjectNode o = Json.object();
    o.put("title", c.title());
    ArrayNode labels = o.putArray("labels");
    c.series().stream().findFirst().ifPresent(s -> s.windows().forEach(labels::add));
    ArrayNode series = o.putArray("series");
    for (MonitorView.Series s : c.series()) {
      ObjectNode x = series.addObject();
      x.put("label", s.label());
      ArrayNode values = x.putArray("values");
      for (OptionalDouble d : s.values()) {
        if (d.isPresent()) {
          values.add(d.getAsDouble());
        } else {
          values.addNull();
        }
      }
    }
    c.threshold().ifPresent(t -> o.put("threshold", t));
    return Json.write(o);
  }

  /** A histogram: {labels, baseline, current}. */
  static String json(MonitorView.Histogram h) {
    ObjectNode o = Json.object();
    o.put("title", h.window());
    o.set("labels", Json.mapper().valueToTree(h.bars().labels()));
    o.set("baseline", Json.mapper().valueToTree(h.bars().baseline()));
    o.set("current", Json.mapper().valueToTree(h.bars().current()));
    return Json.write(o);
  }

  /** The thresholds of monitor {@code name}, from the monitor file a served job's task names. */
  private Optional<Monitors.Settings> settings(String name) {
    for (ServedJob j : setup.catalog().jobs()) {
      Path dir = j.spec().file().toAbsolutePath().getParent();
      for (TaskSpec t : j.spec().tasks()) {
        if (t.payload() instanceof MonitorTaskPayload p
            && p.monitorFile().isPresent()
            && !p.monitorFile().get().contains("{{")) {
          Path file = dir.resolve(p.monitorFile().get()).normalize();
          try {
            MonitorSpec spec = MonitorLoader.load(file);
            if (spec.name().equals(name)) {
              return Optional.of(new Monitors.Settings(spec.drift(), file.toString()));
            }
          } catch (AndonException e) {
            // a monitor file that does not load now: its task reports that when it runs
          }
        }
      }
    }
    return Optional.empty();
  }
}
