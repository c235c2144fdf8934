package io.andon.monitor;

import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorResult.QualityRow;
import io.andon.monitor.MonitorResult.TableDriftRow;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.Profiler.GroupProfile;
import io.andon.monitor.Segments.Slice;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.monitor.data.Workers;
import io.andon.monitor.quality.DataQuality;
import io.andon.monitor.quality.KnownColumns;
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
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs a declared monitor: profiles every window (per granularity), model and slice of the table,
 * compares each window with the baseline (BASELINE) and with the window before it (CONSECUTIVE),
 * and returns the rows of the profile and drift metrics tables. Timestamps are read as UTC.
 *
 * <p>The steps have their classes: {@link MonitorColumns} chooses the columns, {@link Segments} the
 * models and slices, {@link WindowPlan} the windows, {@link Profiler} profiles a group of rows
 * (with {@link CustomMetrics} and {@link ModelQualityQuery}); this class walks the groups and
 * compares their samples.
 */
public final class MonitorRun {
  private final MonitorSpec spec;
  private final Clock clock;
  private final Consumer<String> progress;
  private final List<String> warnings = new ArrayList<>();

  private final MonitorSizing sizing;

  /** A run that reads sketches above the default size ({@link MonitorSizing#automatic()}). */
  public MonitorRun(MonitorSpec spec, Clock clock, Consumer<String> progress) {
    this(spec, clock, progress, MonitorSizing.automatic());
  }

  public MonitorRun(
      MonitorSpec spec, Clock clock, Consumer<String> progress, MonitorSizing sizing) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.progress = Objects.requireNonNull(progress, "progress");
    this.sizing = Objects.requireNonNull(sizing, "sizing");
  }

  /** What one run reads and how it compares, fixed before the first window. */
  private record Plan(
      Duck duck,
      Duck.Table timed,
      Optional<Duck.Table> baseline,
      List<Column> cols,
      Set<String> ids,
      List<Slice> slices,
      List<Optional<String>> models,
      Segments segments,
      Profiler profiler,
      CustomMetrics custom,
      ReferenceThresholds.Learned learned) {
    /** The options of the whole table. */
    DriftOptions options() {
      return learned.options();
    }
  }

  public MonitorResult run() {
    Instant runAt = clock.instant();
    try (Duck duck = Duck.open();
        Workers workers = new Workers(Workers.cores())) {
      Plan plan = plan(duck, workers);
      List<ProfileRow> profiles = new ArrayList<>();
      Drifts drifts = new Drifts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      Map<GroupKey, GroupProfile> baseline = new HashMap<>();
      if (plan.baseline().isPresent()) {
        Duck.Table base = plan.baseline().get();
        for (Optional<String> model : plan.models()) {
          for (Slice s : plan.slices()) {
            Group g =
                new Group(
                    Optional.empty(), Optional.empty(), "baseline", model, s.key(), s.value());
            Duck.Table view = plan.segments().view(base, "v_base", model, s, "TRUE");
            GroupProfile p = plan.profiler().profile(view, base, plan.cols(), g, "BASELINE");
            profiles.addAll(p.rows());
            baseline.put(new GroupKey(model, s.key(), s.value()), p);
          }
        }
      }
      List<Granularity> grans =
          spec.profileType() == MonitorSpec.ProfileType.SNAPSHOT
              ? List.of(new Granularity("snapshot", "", Duration.ZERO))
              : spec.granularities();
      for (Granularity gran : grans) {
        granularity(plan, gran, runAt, baseline, profiles, drifts);
      }
      if (spec.chunked().chunking().byRows()) {
        chunks(plan, baseline, profiles, drifts);
      }
      List<ChunkedRow> chunked = new ArrayList<>(plan.learned().rows());
      if (plan.baseline().isPresent()) {
        progress.accept("chunked methods");
        chunked.addAll(
            new ChunkedMethods(spec, duck)
                .run(
                    plan.timed(),
                    plan.baseline().get(),
                    plan.cols(),
                    plan.ids(),
                    plan.models(),
                    plan.slices(),
                    plan.segments(),
                    runAt,
                    warnings));
      }
      return new MonitorResult(
          spec.name(),
          runAt,
          profiles,
          drifts.columns(),
          drifts.tables(),
          warnings,
          plan.options(),
          spec.customMetrics(),
          chunked,
          drifts.quality());
    }
  }

  private Plan plan(Duck duck, Workers workers) {
    DataSource src = DataSource.resolve(resolvePath(spec.table()), "table");
    progress.accept("reading " + src.describe());
    Duck.Table input = duck.load(src, "input", "table");
    Optional<DataSource> baseSource =
        spec.baselineTable().map(b -> DataSource.resolve(resolvePath(b), "baseline_table"));
    boolean sketched = sizing.sketched(src, baseSource, warnings, progress);
    Optional<Duck.Table> baseline =
        baseSource.map(
            bs -> {
              progress.accept("reading baseline " + bs.describe());
              return duck.load(bs, "baseline", "baseline_table");
            });
    DeclaredColumns.refuse(spec, DeclaredColumns.missing(spec, input));
    Duck.Table timed = new WindowPlan(duck).timed(input, spec.timestampCol(), warnings);
    List<Column> cols = MonitorColumns.chosen(spec, input, baseline, warnings);
    DeclaredColumns.refuse(spec, DeclaredColumns.notMonitored(spec, cols));
    Segments segments = new Segments(spec, duck);
    List<Slice> slices = segments.slices(timed);
    List<Optional<String>> models = new ArrayList<>(segments.models(timed));
    if (spec.modelIdCol().isPresent() && models.get(0).isPresent()) {
      models.add(0, Optional.empty()); // every model together, as model_id NULL
    }
    Set<String> ids = MonitorColumns.ids(spec, duck, timed, baseline, cols, warnings);
    DriftOptions fixed =
        spec.drift().withComparisons((cols.size() - ids.size()) * slices.size() * models.size());
    ReferenceThresholds.Learned learned =
        baseline.isPresent()
            ? ReferenceThresholds.learn(
                duck, baseline.get(), cols, ids, spec.chunked(), fixed, slices, warnings)
            : new ReferenceThresholds.Learned(fixed, Map.of(), List.of());
    CustomMetrics custom = new CustomMetrics(spec, duck);
    return new Plan(
        duck,
        timed,
        baseline,
        cols,
        ids,
        slices,
        models,
        segments,
        new Profiler(spec, duck, custom, workers, sketched),
        custom,
        learned);
  }

  /** One window of a walk: the time it spans (empty for a snapshot) and its rows' predicate. */
  private record Step(Optional<Window> window, String where) {}

  /** Profiles and compares every window of one granularity, oldest first. */
  private void granularity(
      Plan plan,
      Granularity gran,
      Instant runAt,
      Map<GroupKey, GroupProfile> baseline,
      List<ProfileRow> profiles,
      Drifts drifts) {
    boolean timed = !gran.interval().isEmpty();
    List<Step> steps =
        new WindowPlan(plan.duck())
            .windows(plan.timed(), gran, runAt).stream()
                .map(
                    w ->
                        timed
                            ? new Step(Optional.of(w), w.where(WindowPlan.TS))
                            : new Step(Optional.empty(), "TRUE"))
                .toList();
    walk(plan, gran.text(), plan.timed(), steps, timed, baseline, profiles, drifts);
  }

  /** Profiles and compares every chunk of rows (chunking by size or count), in order. */
  private void chunks(
      Plan plan, Map<GroupKey, GroupProfile> baseline, List<ProfileRow> profiles, Drifts drifts) {
    ChunkPlan cp = new ChunkPlan(plan.duck());
    boolean hasTs = spec.timestampCol().isPresent();
    Duck.Table numbered = cp.numbered(plan.timed(), "input_rows", hasTs, "TRUE");
    List<Step> steps =
        cp.slots(numbered, spec.chunked().chunking(), hasTs, "the table " + spec.table()).stream()
            .map(s -> new Step(s.window(), s.where()))
            .toList();
    walk(
        plan,
        "chunk " + spec.chunked().chunking().text(),
        numbered,
        steps,
        true,
        baseline,
        profiles,
        drifts);
  }

  /**
   * Profiles every step of one model and slice, and compares it with the baseline and, when {@code
   * sequence}, with the step before.
   */
  private void walk(
      Plan plan,
      String granularity,
      Duck.Table table,
      List<Step> steps,
      boolean sequence,
      Map<GroupKey, GroupProfile> baseline,
      List<ProfileRow> profiles,
      Drifts drifts) {
    boolean fairness =
        spec.profileType() == MonitorSpec.ProfileType.INFERENCE_LOG
            && spec.labelCol().isPresent()
            && spec.problemType().orElseThrow() == MonitorSpec.ProblemType.CLASSIFICATION;
    Map<GroupKey, GroupProfile> previous = new HashMap<>();
    Map<GroupKey, Optional<Window>> previousWindow = new HashMap<>();
    int wi = 0;
    for (Step step : steps) {
      wi++;
      progress.accept("granularity " + granularity + ": window " + wi + "/" + steps.size());
      for (Optional<String> model : plan.models()) {
        for (Slice s : plan.slices()) {
          Group g =
              new Group(
                  step.window().map(Window::start),
                  step.window().map(Window::end),
                  granularity,
                  model,
                  s.key(),
                  s.value());
          Duck.Table view = plan.segments().view(table, "v_cur", model, s, step.where());
          if (view.rows() == 0) {
            continue;
          }
          Optional<Duck.Table> rest =
              fairness && s.isBoolean()
                  ? Optional.of(
                      plan.segments().view(table, "v_rest", model, s.rest(), step.where()))
                  : Optional.empty();
          GroupProfile cur = plan.profiler().profile(view, rest, table, plan.cols(), g, "INPUT");
          profiles.addAll(cur.rows());
          GroupKey key = new GroupKey(model, s.key(), s.value());
          GroupProfile base = baseline.get(key);
          if (model.isEmpty() && s.key().isEmpty()) {
            quality(plan, g, view, Optional.ofNullable(base), cur, drifts.quality());
          }
          if (base != null) {
            drift(plan, g, "BASELINE", Optional.empty(), base, cur, drifts);
          }
          GroupProfile prev = previous.get(key);
          if (prev != null) {
            drift(plan, g, "CONSECUTIVE", previousWindow.get(key), prev, cur, drifts);
          }
          if (sequence) {
            previous.put(key, cur);
            previousWindow.put(key, step.window());
          }
        }
      }
    }
  }

  /**
   * The data-quality checks of one window of the whole table, against the baseline table; the
   * summaries of the numeric columns come from the profiles' samples ({@code base} is the whole
   * baseline's), not from scanning the tables again.
   */
  private void quality(
      Plan plan,
      Group g,
      Duck.Table view,
      Optional<GroupProfile> base,
      GroupProfile cur,
      List<QualityRow> out) {
    Set<String> notData = new java.util.HashSet<>(Set.of(WindowPlan.TS));
    spec.timestampCol().ifPresent(notData::add);
    spec.modelIdCol().ifPresent(notData::add);
    notData.addAll(spec.drift().ignore());
    List<String> names = plan.cols().stream().map(Column::name).toList();
    KnownColumns known =
        SampleSummaries.of(
            plan.cols(),
            plan.baseline().flatMap(b -> base.map(p -> new SampleSummaries.Side(b, p.samples()))),
            new SampleSummaries.Side(view, cur.samples()));
    new DataQuality(plan.duck(), known)
        .check(plan.baseline(), view, names, notData, spec.bounds())
        .checks()
        .forEach(q -> out.add(new QualityRow(g, q)));
  }

  private String resolvePath(String p) {
    Path path = Path.of(p);
    return path.isAbsolute() ? p : spec.baseDir().resolve(p).toString();
  }

  /**
   * The drift rows of a run: one per compared column, one {@code :table} row per group, and the
   * data-quality checks of each window.
   */
  private record Drifts(
      List<DriftRow> columns, List<TableDriftRow> tables, List<QualityRow> quality) {}

  /**
   * Compares one group with {@code base}: a drift row per compared column, then the group's {@code
   * :table} row.
   */
  private static void drift(
      Plan plan,
      Group g,
      String type,
      Optional<Window> cmp,
      GroupProfile base,
      GroupProfile cur,
      Drifts out) {
    DriftOptions options = plan.learned().optionsFor(g.sliceKey(), g.sliceValue());
    Optional<Instant> cmpStart = cmp.map(Window::start);
    Optional<Instant> cmpEnd = cmp.map(Window::end);
    List<ColumnDrift> compared = new ArrayList<>();
    for (Column c : plan.cols()) {
      String name = c.name();
      Optional<ColumnSample> b = base.sample(name);
      Optional<ColumnSample> k = cur.sample(name);
      if (plan.ids().contains(name) || b.isEmpty() || k.isEmpty()) {
        continue;
      }
      ColumnDrift d = b.get().driftTo(name, k.get(), options);
      compared.add(d);
      ColumnProfile bp = base.profile(name).orElseThrow();
      ColumnProfile cp = cur.profile(name).orElseThrow();
      OptionalDouble zeros = DriftRow.zerosDelta(bp, cp);
      out.columns()
          .add(
              new DriftRow(
                  g,
                  type,
                  cmpStart,
                  cmpEnd,
                  c.info().type(),
                  d,
                  zeros,
                  plan.custom().drift(name, bp, cp)));
    }
    ColumnProfile bt = base.profile(":table").orElseThrow();
    ColumnProfile ct = cur.profile(":table").orElseThrow();
    out.tables()
        .add(
            TableDriftRow.between(
                g,
                type,
                cmpStart,
                cmpEnd,
                bt,
                ct,
                base.nonNullColumns(),
                cur.nonNullColumns(),
                Verdict.of(compared, options),
                plan.custom().drift(":table", bt, ct)));
  }

  /** Warnings found while running. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
