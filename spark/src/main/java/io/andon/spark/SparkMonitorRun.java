package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.ColumnProfile;
import io.andon.monitor.CustomMetrics;
import io.andon.monitor.DeclaredColumns;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.MonitorResult;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorResult.TableDriftRow;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.Verdict;
import io.andon.monitor.data.Duck;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * Runs a monitor on Spark: one aggregation per granularity (and one over the baseline) computes
 * every window, model and slice's states in the cluster; the driver turns them into the profile
 * rows and compares each group with the baseline (BASELINE) and with its previous window
 * (CONSECUTIVE), in the order and with the rules of the single-machine engine.
 */
final class SparkMonitorRun {
  private static final String INPUT = "andon_input";
  private static final String TIMED = "andon_timed";
  private static final String BASE = "andon_baseline";

  private final SparkSession spark;
  private final MonitorSpec spec;
  private final Clock clock;
  private final Consumer<String> progress;

  SparkMonitorRun(SparkSession spark, MonitorSpec spec, Clock clock, Consumer<String> progress) {
    this.spark = spark;
    this.spec = spec;
    this.clock = clock;
    this.progress = progress;
  }

  /** A group's profile: its columns' states and profiles by name, and its rows. */
  private record Profiled(
      Map<String, Object> states, Map<String, ColumnProfile> profiles, List<ProfileRow> rows) {
    Set<String> nonNull() {
      Set<String> out = new LinkedHashSet<>();
      profiles.forEach(
          (n, p) -> {
            if (!n.equals(":table") && p.number("count").orElse(0) > 0) {
              out.add(n);
            }
          });
      return out;
    }
  }

  /** The parts of one run, fixed before the first window. */
  private record Context(
      SparkPlan plan, GroupQuery query, CustomMetrics custom, DriftOptions options) {}

  MonitorResult run() {
    if (spec.chunked().any()) {
      throw new InvalidInputException(
          "monitor "
              + spec.name()
              + " asks for row chunking or chunked methods (chunking, reference thresholds,"
              + " performance estimation, multivariate drift), which the spark engine does not"
              + " run; run it on the duckdb engine, or remove them from the monitor file.");
    }
    DeclaredColumns.refuse(
        spec,
        spec.columnRefs().stream()
            .filter(r -> r.key().equals("bounds"))
            .map(
                r ->
                    new Problem(
                        r.at().file(),
                        r.at().line(),
                        r.at().column(),
                        "'bounds' of column '"
                            + r.column()
                            + "' serve the data-quality check out_of_range, which the spark engine"
                            + " does not run; remove them, or run the monitor on the duckdb"
                            + " engine."))
            .toList());
    Instant runAt = clock.instant();
    StateAggregators.register(spark);
    List<String> warnings = new ArrayList<>();
    progress.accept("reading " + spec.table());
    SparkTables.Table input = SparkTables.read(spark, spec, spec.table(), "table");
    Optional<SparkTables.Table> base =
        spec.baselineTable().map(b -> SparkTables.read(spark, spec, b, "baseline_table"));
    base.ifPresent(b -> SparkTables.sameSchema(input, b));
    DeclaredColumns.refuse(
        spec,
        DeclaredColumns.missing(
            spec,
            input.describe(),
            input.types().entrySet().stream()
                .map(e -> new Duck.ColumnInfo(e.getKey(), e.getValue()))
                .toList()));
    input.rows().createOrReplaceTempView(INPUT);
    base.ifPresent(b -> b.rows().createOrReplaceTempView(BASE));
    new Timestamps(spark).timed(spec, input, INPUT, TIMED, warnings);
    SparkPlan plan = new SparkPlan(spark, spec, input, TIMED, base.map(b -> BASE), warnings);
    DriftOptions options = spec.drift().withComparisons(plan.comparisons());
    warnings.add(
        "spark engine: in groups of more than "
            + NumericState.EXACT_MAX
            + " values, quantiles, distinct counts of numbers, frequent numbers and numeric drift"
            + " (PSI, JS, KS, Wasserstein) come from sketches (KLL k="
            + NumericState.KLL_K
            + ", HLL lgK="
            + NumericState.HLL_LG_K
            + ") within derived bounds; the data-quality checks are not run (see"
            + " docs/monitoring.md, Scale).");
    List<ProfileRow> profiles = new ArrayList<>();
    List<DriftRow> drifts = new ArrayList<>();
    List<TableDriftRow> tables = new ArrayList<>();
    try (Duck duck = Duck.open()) {
      Context ctx =
          new Context(
              plan,
              new GroupQuery(spark, spec, plan, input),
              new CustomMetrics(spec, duck),
              options);
      Map<GroupQuery.Key, Profiled> baseline = new HashMap<>();
      if (base.isPresent()) {
        progress.accept("profiling the baseline");
        Map<GroupQuery.Key, GroupQuery.Stats> groups =
            ctx.query().groups(BASE, Optional.empty(), false);
        Optional<GroupQuery.Stats> empty = Optional.empty();
        for (Optional<String> model : plan.models) {
          for (SparkPlan.SliceSet s : plan.slices) {
            for (String v : s.values()) {
              GroupQuery.Key key = key(Optional.empty(), model, s, v);
              GroupQuery.Stats st = groups.get(key);
              if (st == null) {
                empty = Optional.of(empty.orElseGet(() -> ctx.query().empty(BASE)));
                st = empty.get();
              }
              Group g =
                  new Group(
                      Optional.empty(), Optional.empty(), "baseline", model, s.expr(), value(s, v));
              Profiled p = profile(ctx, st, g, "BASELINE");
              profiles.addAll(p.rows());
              baseline.put(key, p);
            }
          }
        }
      }
      List<Granularity> grans =
          spec.profileType() == MonitorSpec.ProfileType.SNAPSHOT
              ? List.of(new Granularity("snapshot", "", java.time.Duration.ZERO))
              : spec.granularities();
      for (Granularity gran : grans) {
        progress.accept("granularity " + gran.text());
        boolean timed = !gran.interval().isEmpty();
        Optional<Buckets> buckets = timed ? Optional.of(new Buckets(gran)) : Optional.empty();
        Map<GroupQuery.Key, GroupQuery.Stats> groups =
            ctx.query().groups(TIMED, buckets.map(b -> b.startSql(Timestamps.TS)), true);
        walk(ctx, gran.text(), buckets, groups, baseline, profiles, drifts, tables);
      }
    }
    return new MonitorResult(
        spec.name(),
        runAt,
        profiles,
        drifts,
        tables,
        warnings,
        options,
        spec.customMetrics(),
        List.of(),
        List.of());
  }

  private static Optional<String> value(SparkPlan.SliceSet s, String v) {
    return s.expr().isEmpty() ? Optional.empty() : Optional.of(v);
  }

  private static GroupQuery.Key key(
      Optional<Instant> w, Optional<String> model, SparkPlan.SliceSet s, String v) {
    return new GroupQuery.Key(w, model, s.expr(), value(s, v));
  }

  /** Profiles and compares the groups of one granularity: windows oldest first. */
  private void walk(
      Context ctx,
      String granularity,
      Optional<Buckets> buckets,
      Map<GroupQuery.Key, GroupQuery.Stats> groups,
      Map<GroupQuery.Key, Profiled> baseline,
      List<ProfileRow> profiles,
      List<DriftRow> drifts,
      List<TableDriftRow> tables) {
    List<Optional<Instant>> windows =
        groups.keySet().stream()
            .map(GroupQuery.Key::window)
            .distinct()
            .sorted(Comparator.comparing(w -> w.orElse(Instant.MIN)))
            .toList();
    Map<GroupQuery.Key, Profiled> previous = new HashMap<>();
    Map<GroupQuery.Key, Optional<Instant>> previousWindow = new HashMap<>();
    for (Optional<Instant> w : windows) {
      for (Optional<String> model : ctx.plan().models) {
        for (SparkPlan.SliceSet s : ctx.plan().slices) {
          for (String v : s.values()) {
            GroupQuery.Stats st = groups.get(key(w, model, s, v));
            if (st == null) {
              continue;
            }
            Group g =
                new Group(
                    w,
                    w.map(start -> buckets.orElseThrow().end(start)),
                    granularity,
                    model,
                    s.expr(),
                    value(s, v));
            Profiled cur = profile(ctx, st, g, "INPUT");
            profiles.addAll(cur.rows());
            GroupQuery.Key k = key(Optional.empty(), model, s, v);
            Profiled b = baseline.get(k);
            if (b != null) {
              drift(ctx, g, "BASELINE", Optional.empty(), Optional.empty(), b, cur, drifts, tables);
            }
            Profiled prev = previous.get(k);
            if (prev != null) {
              Optional<Instant> pw = previousWindow.get(k);
              drift(
                  ctx,
                  g,
                  "CONSECUTIVE",
                  pw,
                  pw.map(start -> buckets.orElseThrow().end(start)),
                  prev,
                  cur,
                  drifts,
                  tables);
            }
            if (buckets.isPresent()) {
              previous.put(k, cur);
              previousWindow.put(k, w);
            }
          }
        }
      }
    }
  }

  private Profiled profile(Context ctx, GroupQuery.Stats st, Group g, String logType) {
    Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
    List<ProfileRow> rows = new ArrayList<>();
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("count", st.rows());
    if (spec.profileType() == MonitorSpec.ProfileType.INFERENCE_LOG) {
      table.putAll(st.quality());
    }
    for (SparkPlan.Column c : ctx.plan().cols) {
      ColumnProfile p = StateProfiles.profile(c.name(), st.states().get(c.name()));
      Map<String, Object> metrics = new LinkedHashMap<>(p.metrics());
      Map<String, Object> custom = st.custom().getOrDefault(c.name(), Map.of());
      Map<String, Object> known = new LinkedHashMap<>(metrics);
      known.putAll(custom);
      metrics.putAll(custom);
      metrics.putAll(ctx.custom().derived(c.name(), known));
      p = new ColumnProfile(c.name(), p.dataType(), metrics);
      profiles.put(c.name(), p);
      rows.add(new ProfileRow(g, logType, c.name(), c.type(), metrics));
    }
    table.put(
        "non_null_columns",
        profiles.values().stream()
            .filter(p -> p.number("count").orElse(0) > 0)
            .map(ColumnProfile::columnName)
            .toList());
    Map<String, Object> custom = st.custom().getOrDefault(":table", Map.of());
    Map<String, Object> known = new LinkedHashMap<>(table);
    known.putAll(custom);
    table.putAll(custom);
    table.putAll(ctx.custom().derived(":table", known));
    rows.add(new ProfileRow(g, logType, ":table", "table", table));
    profiles.put(":table", new ColumnProfile(":table", "table", table));
    return new Profiled(st.states(), profiles, rows);
  }

  /** One group compared with {@code base}: a row per compared column, then its :table row. */
  private static void drift(
      Context ctx,
      Group g,
      String type,
      Optional<Instant> cmpStart,
      Optional<Instant> cmpEnd,
      Profiled base,
      Profiled cur,
      List<DriftRow> drifts,
      List<TableDriftRow> tables) {
    List<ColumnDrift> compared = new ArrayList<>();
    for (SparkPlan.Column c : ctx.plan().cols) {
      String name = c.name();
      if (ctx.plan().ids.contains(name)) {
        continue;
      }
      ColumnDrift d =
          StateProfiles.drift(name, base.states().get(name), cur.states().get(name), ctx.options());
      compared.add(d);
      ColumnProfile bp = base.profiles().get(name);
      ColumnProfile cp = cur.profiles().get(name);
      OptionalDouble zeros = DriftRow.zerosDelta(bp, cp);
      drifts.add(
          new DriftRow(
              g, type, cmpStart, cmpEnd, c.type(), d, zeros, ctx.custom().drift(name, bp, cp)));
    }
    ColumnProfile bt = base.profiles().get(":table");
    ColumnProfile ct = cur.profiles().get(":table");
    tables.add(
        TableDriftRow.between(
            g,
            type,
            cmpStart,
            cmpEnd,
            bt,
            ct,
            base.nonNull(),
            cur.nonNull(),
            Verdict.of(compared, ctx.options()),
            ctx.custom().drift(":table", bt, ct)));
  }
}
