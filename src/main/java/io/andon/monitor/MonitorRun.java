package io.andon.monitor;

import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.Profiler.GroupProfile;
import io.andon.monitor.Segments.Slice;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a declared monitor: profiles every window (per granularity), model and slice of the table,
 * compares each window with the baseline (BASELINE) and with the window before it (CONSECUTIVE),
 * and returns the rows of the profile and drift metrics tables. Timestamps are read as UTC.
 *
 * <p>The steps have their classes: {@link MonitorColumns} chooses the columns, {@link Segments}
 * the models and slices, {@link WindowPlan} the windows, {@link Profiler} profiles a group of
 * rows (with {@link CustomMetrics} and {@link ModelQualityQuery}); this class walks the groups
 * and compares their samples.
 */
public final class MonitorRun {
  private final MonitorSpec spec;
  private final Clock clock;
  private final Consumer<String> progress;
  private final List<String> warnings = new ArrayList<>();

  public MonitorRun(MonitorSpec spec, Clock clock, Consumer<String> progress) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /** What one run reads and how it compares, fixed before the first window. */
  private record Plan(Duck duck, Duck.Table timed, Optional<Duck.Table> baseline,
      List<Column> cols, Set<String> ids, List<Slice> slices, List<Optional<String>> models,
      Segments segments, Profiler profiler, CustomMetrics custom, DriftOptions options) {}

  public MonitorResult run() {
    Instant runAt = clock.instant();
    try (Duck duck = Duck.open()) {
      Plan plan = plan(duck);
      List<ProfileRow> profiles = new ArrayList<>();
      List<DriftRow> drifts = new ArrayList<>();
      Map<GroupKey, GroupProfile> baseline = new HashMap<>();
      if (plan.baseline().isPresent()) {
        Duck.Table base = plan.baseline().get();
        for (Optional<String> model : plan.models()) {
          for (Slice s : plan.slices()) {
            Group g = new Group(Optional.empty(), Optional.empty(), "baseline", model, s.key(),
                s.value());
            Duck.Table view = plan.segments().view(base, "v_base", model, s, "TRUE");
            GroupProfile p = plan.profiler().profile(view, base, plan.cols(), g, "BASELINE");
            profiles.addAll(p.rows());
            baseline.put(new GroupKey(model, s.key(), s.value()), p);
          }
        }
      }
      List<Granularity> grans = spec.profileType() == MonitorSpec.ProfileType.SNAPSHOT
          ? List.of(new Granularity("snapshot", "", Duration.ZERO))
          : spec.granularities();
      for (Granularity gran : grans) {
        granularity(plan, gran, runAt, baseline, profiles, drifts);
      }
      return new MonitorResult(spec.name(), runAt, profiles, drifts, warnings, plan.options());
    }
  }

  private Plan plan(Duck duck) {
    DataSource src = DataSource.resolve(resolvePath(spec.table()), "table");
    progress.accept("reading " + src.describe());
    Duck.Table input = duck.load(src, "input", "table");
    Optional<Duck.Table> baseline = spec.baselineTable().map(b -> {
      DataSource bs = DataSource.resolve(resolvePath(b), "baseline_table");
      progress.accept("reading baseline " + bs.describe());
      return duck.load(bs, "baseline", "baseline_table");
    });
    Duck.Table timed = new WindowPlan(duck).timed(input, spec.timestampCol(), warnings);
    List<Column> cols = MonitorColumns.chosen(spec, input, baseline, warnings);
    Segments segments = new Segments(spec, duck);
    List<Slice> slices = segments.slices(timed);
    List<Optional<String>> models = segments.models(timed);
    Set<String> ids = MonitorColumns.ids(spec, duck, timed, baseline, cols, warnings);
    DriftOptions options = spec.drift().withComparisons((cols.size() - ids.size())
        * slices.size() * models.size());
    CustomMetrics custom = new CustomMetrics(spec.customMetrics(), duck);
    return new Plan(duck, timed, baseline, cols, ids, slices, models, segments,
        new Profiler(spec, duck, custom), custom, options);
  }

  /** Profiles and compares every window of one granularity, oldest first. */
  private void granularity(Plan plan, Granularity gran, Instant runAt,
      Map<GroupKey, GroupProfile> baseline, List<ProfileRow> profiles, List<DriftRow> drifts) {
    boolean timed = !gran.interval().isEmpty();
    List<Window> windows = new WindowPlan(plan.duck()).windows(plan.timed(), gran, runAt);
    Map<GroupKey, GroupProfile> previous = new HashMap<>();
    Map<GroupKey, Window> previousWindow = new HashMap<>();
    int wi = 0;
    for (Window w : windows) {
      wi++;
      progress.accept("granularity " + gran.text() + ": window " + wi + "/" + windows.size());
      for (Optional<String> model : plan.models()) {
        for (Slice s : plan.slices()) {
          Group g = new Group(timed ? Optional.of(w.start()) : Optional.empty(),
              timed ? Optional.of(w.end()) : Optional.empty(), gran.text(), model, s.key(),
              s.value());
          Duck.Table view = plan.segments().view(plan.timed(), "v_cur", model, s,
              timed ? w.where(WindowPlan.TS) : "TRUE");
          if (view.rows() == 0) {
            continue;
          }
          GroupProfile cur = plan.profiler().profile(view, plan.timed(), plan.cols(), g, "INPUT");
          profiles.addAll(cur.rows());
          GroupKey key = new GroupKey(model, s.key(), s.value());
          GroupProfile base = baseline.get(key);
          if (base != null) {
            drifts.addAll(drift(plan, g, "BASELINE", Optional.empty(), base, cur));
          }
          GroupProfile prev = previous.get(key);
          if (prev != null) {
            drifts.addAll(drift(plan, g, "CONSECUTIVE", Optional.of(previousWindow.get(key)),
                prev, cur));
          }
          if (timed) {
            previous.put(key, cur);
            previousWindow.put(key, w);
          }
        }
      }
    }
  }

  private String resolvePath(String p) {
    Path path = Path.of(p);
    return path.isAbsolute() ? p : spec.baseDir().resolve(p).toString();
  }

  /** The drift rows of one group against {@code base}: one per compared column. */
  private static List<DriftRow> drift(Plan plan, Group g, String type, Optional<Window> cmp,
      GroupProfile base, GroupProfile cur) {
    List<DriftRow> out = new ArrayList<>();
    for (Column c : plan.cols()) {
      String name = c.name();
      Optional<ColumnSample> b = base.sample(name);
      Optional<ColumnSample> k = cur.sample(name);
      if (plan.ids().contains(name) || b.isEmpty() || k.isEmpty()) {
        continue;
      }
      ColumnDrift d = b.get().driftTo(name, k.get(), plan.options());
      Map<String, Object> custom = plan.custom().drift(name, base.profile(name).orElseThrow(),
          cur.profile(name).orElseThrow());
      out.add(new DriftRow(g, type, cmp.map(Window::start), cmp.map(Window::end), d, custom));
    }
    return out;
  }

  /** Warnings found while running. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
