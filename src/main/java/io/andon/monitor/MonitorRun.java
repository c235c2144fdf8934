package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorResult.DriftRow;
import io.andon.monitor.MonitorResult.Group;
import io.andon.monitor.MonitorResult.ProfileRow;
import io.andon.monitor.MonitorSpec.CustomMetric;
import io.andon.monitor.MonitorSpec.Granularity;
import io.andon.monitor.data.Columns;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a declared monitor: profiles every window (per granularity), model and slice of the table,
 * compares each window with the baseline (BASELINE) and with the window before it (CONSECUTIVE),
 * and returns the rows of the profile and drift metrics tables. Timestamps are read as UTC.
 */
public final class MonitorRun {
  /** Most windows one granularity may produce; more means the granularity is too fine. */
  static final int MAX_WINDOWS = 10_000;
  static final int MAX_SLICE_VALUES = 100;
  private static final String TS = "__andon_ts";

  private final MonitorSpec spec;
  private final Clock clock;
  private final Consumer<String> progress;
  private final List<String> warnings = new ArrayList<>();
  /** The verdict options of one window's comparisons (Bonferroni over their number). */
  private DriftOptions driftOptions;
  /** Columns that look like ids: profiled, never compared. */
  private final java.util.Set<String> ids = new java.util.HashSet<>();

  public MonitorRun(MonitorSpec spec, Clock clock, Consumer<String> progress) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  private record Slice(Optional<String> key, Optional<String> value, String where) {}

  private record Col(Duck.ColumnInfo info, boolean numeric) {}

  /** Samples of every profiled column in one group, kept for drift. */
  private record Samples(Map<String, Object> byColumn, Map<String, ColumnProfile> profiles) {}

  public MonitorResult run() {
    Instant runAt = clock.instant();
    try (Duck duck = Duck.open()) {
      DataSource src = DataSource.resolve(resolvePath(spec.table()), "table");
      progress.accept("reading " + src.describe());
      Duck.Table input = duck.load(src, "input", "table");
      Optional<Duck.Table> baseline = spec.baselineTable().map(b -> {
        DataSource bs = DataSource.resolve(resolvePath(b), "baseline_table");
        progress.accept("reading baseline " + bs.describe());
        return duck.load(bs, "baseline", "baseline_table");
      });
      Columns columns = new Columns(duck);
      Duck.Table timed = withTimestamp(duck, input);
      List<Col> cols = profiledColumns(input, baseline);
      List<Slice> slices = slices(duck, timed);
      List<Optional<String>> models = models(duck, timed);
      detectIds(duck, timed, baseline, cols);
      driftOptions = spec.drift().withComparisons((cols.size() - ids.size()) * slices.size()
          * models.size());
      List<ProfileRow> profiles = new ArrayList<>();
      List<DriftRow> drifts = new ArrayList<>();
      Map<String, Samples> baseSamples = new HashMap<>();
      if (baseline.isPresent()) {
        for (Optional<String> model : models) {
          for (Slice s : slices) {
            Group g = new Group(Optional.empty(), Optional.empty(), "baseline", model, s.key(),
                s.value());
            Duck.Table view = view(duck, baseline.get(), "v_base", modelWhere(model, baseline.get())
                + " AND (" + s.where() + ")");
            Samples samples = profile(duck, columns, view, cols, g, "BASELINE", profiles,
                baseline.get());
            baseSamples.put(model.orElse("") + "\u0000" + s.key().orElse("") + "\u0000"
                + s.value().orElse(""), samples);
          }
        }
      }
      List<Granularity> grans = spec.profileType() == MonitorSpec.ProfileType.SNAPSHOT
          ? List.of(new Granularity("snapshot", "", java.time.Duration.ZERO))
          : spec.granularities();
      for (Granularity gran : grans) {
        List<Instant[]> windows = windows(duck, timed, gran, runAt);
        Map<String, Samples> previous = new HashMap<>();
        Map<String, Instant[]> previousWindow = new HashMap<>();
        int wi = 0;
        for (Instant[] w : windows) {
          wi++;
          progress.accept("granularity " + gran.text() + ": window " + wi + "/" + windows.size());
          for (Optional<String> model : models) {
            for (Slice s : slices) {
              Optional<Instant> ws = gran.interval().isEmpty() ? Optional.empty()
                  : Optional.of(w[0]);
              Optional<Instant> we = gran.interval().isEmpty() ? Optional.empty()
                  : Optional.of(w[1]);
              Group g = new Group(ws, we, gran.text(), model, s.key(), s.value());
              String where = modelWhere(model, timed) + " AND (" + s.where() + ")"
                  + (gran.interval().isEmpty() ? "" : " AND " + windowWhere(w));
              Duck.Table view = view(duck, timed, "v_cur", where);
              if (view.rows() == 0) {
                continue;
              }
              Samples cur = profile(duck, columns, view, cols, g, "INPUT", profiles, timed);
              String key = model.orElse("") + "\u0000" + s.key().orElse("") + "\u0000"
                  + s.value().orElse("");
              Samples base = baseSamples.get(key);
              if (base != null) {
                drifts.addAll(drift(duck, g, "BASELINE", Optional.empty(), Optional.empty(), base, cur,
                    cols));
              }
              Samples prev = previous.get(key);
              if (prev != null) {
                Instant[] pw = previousWindow.get(key);
                drifts.addAll(drift(duck, g, "CONSECUTIVE", Optional.of(pw[0]), Optional.of(pw[1]),
                    prev, cur, cols));
              }
              if (!gran.interval().isEmpty()) {
                previous.put(key, cur);
                previousWindow.put(key, w);
              }
            }
          }
        }
      }
      return new MonitorResult(spec.name(), runAt, profiles, drifts, warnings, driftOptions);
    }
  }

  private String resolvePath(String p) {
    Path path = Path.of(p);
    return path.isAbsolute() ? p : spec.baseDir().resolve(p).toString();
  }

  private Duck.Table withTimestamp(Duck duck, Duck.Table input) {
    if (spec.timestampCol().isEmpty()) {
      return input;
    }
    String ts = spec.timestampCol().get();
    Duck.ColumnInfo col = input.column(ts).orElseThrow(() -> new InvalidInputException(
        "timestamp_col '" + ts + "' is not a column of " + input.source().describe() + "."
            + io.andon.util.Strings.didYouMean(ts, names(input)) + " Columns: "
            + String.join(", ", names(input)) + "."));
    String expr;
    if (col.isTemporal()) {
      expr = "CAST(" + Duck.ident(ts) + " AS TIMESTAMP)";
    } else if (col.isText()) {
      expr = "TRY_CAST(" + Duck.ident(ts) + " AS TIMESTAMP)";
    } else {
      throw new InvalidInputException("timestamp_col '" + ts + "' is " + col.type() + ", not a"
          + " timestamp. Store it as a TIMESTAMP or DATE column, or as ISO-8601 text such as"
          + " '2026-11-28 13:45:00'.");
    }
    try (Statement s = duck.connection().createStatement()) {
      s.execute("CREATE OR REPLACE TABLE input_ts AS SELECT *, " + expr + " AS " + TS
          + " FROM " + Duck.ident(input.name()));
      long bad;
      long nulls;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE " + TS + " IS NULL AND "
          + Duck.ident(ts) + " IS NOT NULL), count(*) FILTER (WHERE " + Duck.ident(ts)
          + " IS NULL) FROM input_ts")) {
        rs.next();
        bad = rs.getLong(1);
        nulls = rs.getLong(2);
      }
      if (bad > 0) {
        String example = "";
        try (ResultSet rs = s.executeQuery("SELECT CAST(" + Duck.ident(ts) + " AS VARCHAR) FROM"
            + " input_ts WHERE " + TS + " IS NULL AND " + Duck.ident(ts) + " IS NOT NULL LIMIT 1")) {
          if (rs.next()) {
            example = rs.getString(1);
          }
        }
        if (bad + nulls == input.rows()) {
          throw new InvalidInputException("timestamp_col '" + ts + "' of "
              + input.source().describe() + " does not parse as a timestamp (e.g. '" + example
              + "'). Write timestamps as ISO-8601, such as '2026-11-28 13:45:00'.");
        }
        warnings.add("timestamp_col '" + ts + "': " + bad + " of " + input.rows()
            + " values do not parse as timestamps (e.g. '" + example + "'); those rows are left"
            + " out of every window.");
      }
      if (nulls > 0) {
        warnings.add("timestamp_col '" + ts + "': " + nulls + " rows have no timestamp and are"
            + " left out of every window.");
      }
      List<Duck.ColumnInfo> cols = new ArrayList<>(input.columns());
      return new Duck.Table("input_ts", input.role(), input.source(), input.rows(), cols);
    } catch (SQLException e) {
      throw new InvalidInputException("cannot read timestamp_col '" + ts + "': "
          + e.getMessage(), e);
    }
  }

  private static List<String> names(Duck.Table t) {
    return t.columns().stream().map(Duck.ColumnInfo::name).toList();
  }

  private List<Col> profiledColumns(Duck.Table input, Optional<Duck.Table> baseline) {
    List<String> special = new ArrayList<>();
    spec.timestampCol().ifPresent(special::add);
    spec.modelIdCol().ifPresent(special::add);
    for (String c : spec.drift().ignore()) {
      if (input.column(c).isEmpty()) {
        throw new InvalidInputException("ignore names '" + c + "', which "
            + input.source().describe() + " does not have."
            + io.andon.util.Strings.didYouMean(c, names(input)));
      }
    }
    for (String c : spec.columns()) {
      if (input.column(c).isEmpty()) {
        throw new InvalidInputException("columns names '" + c + "', which "
            + input.source().describe() + " does not have."
            + io.andon.util.Strings.didYouMean(c, names(input)));
      }
    }
    for (Optional<String> c : List.of(spec.modelIdCol(), spec.predictionCol(), spec.labelCol(),
        spec.predictionProbaCol())) {
      if (c.isPresent() && input.column(c.get()).isEmpty()) {
        throw new InvalidInputException("column '" + c.get() + "' named in the monitor is not a"
            + " column of " + input.source().describe() + "."
            + io.andon.util.Strings.didYouMean(c.get(), names(input)));
      }
    }
    List<Col> out = new ArrayList<>();
    for (Duck.ColumnInfo c : input.columns()) {
      if (special.contains(c.name()) || spec.drift().ignore().contains(c.name())
          || (!spec.columns().isEmpty() && !spec.columns().contains(c.name()))) {
        continue;
      }
      boolean numeric;
      if (spec.numeric().contains(c.name())) {
        numeric = true;
      } else if (spec.categorical().contains(c.name())) {
        numeric = false;
      } else if (c.isNumeric()) {
        numeric = true;
      } else if (c.isText()) {
        numeric = false;
      } else {
        warnings.add("column '" + c.name() + "' is " + c.type() + ": not profiled; list it under"
            + " 'categorical' to profile its text form.");
        continue;
      }
      if (baseline.isPresent() && baseline.get().column(c.name()).isEmpty()) {
        warnings.add("column '" + c.name() + "' is not in the baseline_table; it gets no"
            + " BASELINE drift.");
      }
      out.add(new Col(c, numeric));
    }
    return out;
  }

  private List<Slice> slices(Duck duck, Duck.Table t) {
    List<Slice> out = new ArrayList<>();
    out.add(new Slice(Optional.empty(), Optional.empty(), "TRUE"));
    for (String expr : spec.slicingExprs()) {
      Optional<Duck.ColumnInfo> col = t.column(expr.strip());
      try (Statement s = duck.connection().createStatement()) {
        if (col.isPresent()) {
          String c = Duck.ident(col.get().name());
          try (ResultSet rs = s.executeQuery("SELECT CAST(" + c + " AS VARCHAR), count(*) FROM "
              + Duck.ident(t.name()) + " WHERE " + c + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC,"
              + " 1 LIMIT " + MAX_SLICE_VALUES)) {
            while (rs.next()) {
              String v = rs.getString(1);
              out.add(new Slice(Optional.of(expr), Optional.of(v), "CAST(" + c + " AS VARCHAR) = "
                  + DataSource.quote(v)));
            }
          }
        } else {
          try (ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE CAST((" + expr
              + ") AS BOOLEAN)) FROM " + Duck.ident(t.name()))) {
            rs.next();
          }
          out.add(new Slice(Optional.of(expr), Optional.of("true"),
              "COALESCE(CAST((" + expr + ") AS BOOLEAN), FALSE)"));
          out.add(new Slice(Optional.of(expr), Optional.of("false"),
              "NOT COALESCE(CAST((" + expr + ") AS BOOLEAN), FALSE)"));
        }
      } catch (SQLException e) {
        throw new InvalidInputException("slicing_exprs item '" + expr + "' is neither a column"
            + " nor a valid predicate over the columns: " + Duck.clean(e.getMessage())
            + ". Columns: " + String.join(", ", names(t)) + ".", e);
      }
    }
    return out;
  }

  private List<Optional<String>> models(Duck duck, Duck.Table t) {
    if (spec.modelIdCol().isEmpty()) {
      return List.of(Optional.empty());
    }
    List<Optional<String>> out = new ArrayList<>();
    String c = Duck.ident(spec.modelIdCol().get());
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT CAST(" + c + " AS VARCHAR) FROM "
            + Duck.ident(t.name()) + " WHERE " + c + " IS NOT NULL ORDER BY 1")) {
      while (rs.next()) {
        out.add(Optional.of(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new InvalidInputException("cannot read model_id_col: " + Duck.clean(e.getMessage()),
          e);
    }
    return out.isEmpty() ? List.of(Optional.empty()) : out;
  }

  private String modelWhere(Optional<String> model, Duck.Table t) {
    if (model.isEmpty() || spec.modelIdCol().isEmpty()
        || t.column(spec.modelIdCol().get()).isEmpty()) {
      return "TRUE";
    }
    return "CAST(" + Duck.ident(spec.modelIdCol().get()) + " AS VARCHAR) = "
        + DataSource.quote(model.get());
  }

  private List<Instant[]> windows(Duck duck, Duck.Table t, Granularity g, Instant runAt) {
    List<Instant[]> out = new ArrayList<>();
    if (g.interval().isEmpty()) {
      out.add(new Instant[] {runAt, runAt});
      return out;
    }
    String bucket = "time_bucket(INTERVAL '" + g.interval() + "', " + TS + ")";
    try (Statement s = duck.connection().createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT count(DISTINCT " + bucket + ") FROM "
          + Duck.ident(t.name()))) {
        rs.next();
        long n = rs.getLong(1);
        if (n > MAX_WINDOWS) {
          throw new InvalidInputException("granularity '" + g.text() + "' cuts the table into "
              + n + " windows (more than " + MAX_WINDOWS + "); choose a coarser granularity.");
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + bucket + " AS w, " + bucket
          + " + INTERVAL '" + g.interval() + "' FROM " + Duck.ident(t.name()) + " WHERE " + TS
          + " IS NOT NULL ORDER BY w")) {
        while (rs.next()) {
          out.add(new Instant[] {instant(rs.getObject(1)), instant(rs.getObject(2))});
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException("cannot cut windows of '" + g.text() + "': "
          + Duck.clean(e.getMessage()), e);
    }
    return out;
  }

  private static Instant instant(Object o) {
    if (o instanceof Timestamp ts) {
      return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
    if (o instanceof LocalDateTime l) {
      return l.toInstant(ZoneOffset.UTC);
    }
    if (o instanceof java.time.OffsetDateTime odt) {
      return odt.toInstant();
    }
    return LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }

  private static String windowWhere(Instant[] w) {
    return TS + " >= " + lit(w[0]) + " AND " + TS + " < " + lit(w[1]);
  }

  private static String lit(Instant i) {
    return "TIMESTAMP '" + LocalDateTime.ofInstant(i, ZoneOffset.UTC).toString().replace('T', ' ')
        + "'";
  }

  private Duck.Table view(Duck duck, Duck.Table t, String name, String where) {
    try (Statement s = duck.connection().createStatement()) {
      s.execute("CREATE OR REPLACE TEMP VIEW " + Duck.ident(name) + " AS SELECT * FROM "
          + Duck.ident(t.name()) + " WHERE " + where);
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Duck.ident(name))) {
        rs.next();
        rows = rs.getLong(1);
      }
      return new Duck.Table(name, t.role(), t.source(), rows, t.columns());
    } catch (SQLException e) {
      throw new InvalidInputException("cannot select rows (" + where + "): "
          + Duck.clean(e.getMessage()), e);
    }
  }

  private Samples profile(Duck duck, Columns columns, Duck.Table view, List<Col> cols, Group g,
      String logType, List<ProfileRow> out, Duck.Table owner) {
    Map<String, Object> byColumn = new LinkedHashMap<>();
    Map<String, ColumnProfile> profiles = new LinkedHashMap<>();
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("count", view.rows());
    if (spec.profileType() == MonitorSpec.ProfileType.INFERENCE_LOG) {
      table.putAll(modelQuality(duck, view));
    }
    for (Col c : cols) {
      Optional<Duck.ColumnInfo> info = owner.column(c.info().name());
      if (info.isEmpty()) {
        continue;
      }
      ColumnProfile p;
      if (c.numeric()) {
        NumericSample s = columns.numeric(view, info.get());
        byColumn.put(c.info().name(), s);
        p = ColumnProfile.numeric(c.info().name(), s);
      } else {
        CategoricalSample s = columns.categorical(view, info.get());
        byColumn.put(c.info().name(), s);
        p = ColumnProfile.categorical(c.info().name(), s);
      }
      Map<String, Object> metrics = new LinkedHashMap<>(p.metrics());
      metrics.putAll(aggregateMetrics(duck, view, c.info().name(), metrics));
      p = new ColumnProfile(p.columnName(), p.dataType(), metrics);
      profiles.put(c.info().name(), p);
      out.add(new ProfileRow(g, logType, c.info().name(), p.dataType(), p.metrics()));
    }
    Map<String, Object> tableCustom = aggregateMetrics(duck, view, ":table", table);
    table.putAll(tableCustom);
    out.add(new ProfileRow(g, logType, ":table", "table", table));
    profiles.put(":table", new ColumnProfile(":table", "table", table));
    return new Samples(byColumn, profiles);
  }

  /** Custom AGGREGATE metrics of one column, then DERIVED ones over all aggregates. */
  private Map<String, Object> aggregateMetrics(Duck duck, Duck.Table view, String column,
      Map<String, Object> builtIn) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CustomMetric m : spec.customMetrics()) {
      if (!m.type().equals("AGGREGATE") || !appliesTo(m, column)) {
        continue;
      }
      String def = m.definition().replace("{{input_column}}",
          column.equals(":table") ? "*" : Duck.ident(column));
      out.put(m.name(), scalar(duck, "SELECT " + def + " FROM " + Duck.ident(view.name()), m));
    }
    Map<String, Object> known = new LinkedHashMap<>(builtIn);
    known.putAll(out);
    for (CustomMetric m : spec.customMetrics()) {
      if (!m.type().equals("DERIVED") || !appliesTo(m, column)) {
        continue;
      }
      out.put(m.name(), scalar(duck, "SELECT " + m.definition() + " FROM (SELECT "
          + numbersAsColumns(known, "") + ")", m));
    }
    return out;
  }

  private static boolean appliesTo(CustomMetric m, String column) {
    return m.inputColumns().isEmpty() ? !column.equals(":table")
        : m.inputColumns().contains(column);
  }

  private static String numbersAsColumns(Map<String, Object> metrics, String prefix) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      if (e.getValue() instanceof Number n) {
        parts.add("CAST(" + n + " AS DOUBLE) AS " + Duck.ident(prefix + e.getKey()));
      }
    }
    if (parts.isEmpty()) {
      parts.add("NULL AS " + Duck.ident(prefix + "none"));
    }
    return String.join(", ", parts);
  }

  private Object scalar(Duck duck, String sql, CustomMetric m) {
    try (Statement s = duck.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        return null;
      }
      Object o = rs.getObject(1);
      if (o instanceof Number n) {
        return n.doubleValue();
      }
      return o == null ? null : o.toString();
    } catch (SQLException e) {
      throw new InvalidInputException("custom metric '" + m.name() + "' (" + m.type()
          + ") fails: " + Duck.clean(e.getMessage()) + ". Its definition: " + m.definition(), e);
    }
  }

  private Map<String, Object> modelQuality(Duck duck, Duck.Table view) {
    String pred = Duck.ident(spec.predictionCol().orElseThrow());
    if (spec.labelCol().isEmpty()) {
      return Map.of();
    }
    String label = Duck.ident(spec.labelCol().get());
    String from = Duck.ident(view.name());
    boolean classification = spec.problemType().orElseThrow()
        == MonitorSpec.ProblemType.CLASSIFICATION;
    try (Statement s = duck.connection().createStatement()) {
      if (classification) {
        String proba = spec.predictionProbaCol().map(p -> "CAST(" + Duck.ident(p) + " AS DOUBLE)")
            .orElse("NULL");
        List<String> labels = new ArrayList<>();
        List<String> preds = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT CAST(" + label + " AS VARCHAR), CAST(" + pred
            + " AS VARCHAR), " + proba + " FROM " + from + " WHERE " + label + " IS NOT NULL AND "
            + pred + " IS NOT NULL")) {
          while (rs.next()) {
            labels.add(rs.getString(1));
            preds.add(rs.getString(2));
            double sc = rs.getDouble(3);
            scores.add(rs.wasNull() ? Double.NaN : sc);
          }
        }
        double[] sc = new double[spec.predictionProbaCol().isPresent() ? scores.size() : 0];
        for (int i = 0; i < sc.length; i++) {
          sc[i] = scores.get(i);
        }
        return ModelQuality.classification(labels, preds, sc);
      }
      List<double[]> rows = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT CAST(" + label + " AS DOUBLE), CAST(" + pred
          + " AS DOUBLE) FROM " + from + " WHERE " + label + " IS NOT NULL AND " + pred
          + " IS NOT NULL")) {
        while (rs.next()) {
          rows.add(new double[] {rs.getDouble(1), rs.getDouble(2)});
        }
      }
      double[] y = new double[rows.size()];
      double[] p = new double[rows.size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = rows.get(i)[0];
        p[i] = rows.get(i)[1];
      }
      return ModelQuality.regression(y, p);
    } catch (SQLException e) {
      throw new InvalidInputException("cannot compute model quality from prediction_col/"
          + "label_col: " + Duck.clean(e.getMessage()) + (classification ? "" : " (regression"
          + " needs numeric labels and predictions)"), e);
    }
  }

  private List<DriftRow> drift(Duck duck, Group g, String type, Optional<Instant> cmpStart,
      Optional<Instant> cmpEnd, Samples base, Samples cur, List<Col> cols) {
    List<DriftRow> out = new ArrayList<>();
    DriftOptions options = driftOptions;
    for (Col c : cols) {
      if (ids.contains(c.info().name())) {
        continue;
      }
      Object b = base.byColumn().get(c.info().name());
      Object k = cur.byColumn().get(c.info().name());
      if (b == null || k == null) {
        continue;
      }
      ColumnDrift d = c.numeric()
          ? DriftAnalysis.numeric(c.info().name(), (NumericSample) b, (NumericSample) k, options)
          : DriftAnalysis.categorical(c.info().name(), (CategoricalSample) b,
              (CategoricalSample) k, options);
      Map<String, Object> custom = driftMetrics(duck, c.info().name(),
          base.profiles().get(c.info().name()), cur.profiles().get(c.info().name()));
      out.add(new DriftRow(g, type, cmpStart, cmpEnd, d, custom));
    }
    return out;
  }

  /** Custom DRIFT metrics over {{current_df}}.m and {{base_df}}.m of one column. */
  private Map<String, Object> driftMetrics(Duck duck, String column, ColumnProfile base,
      ColumnProfile cur) {
    Map<String, Object> out = new LinkedHashMap<>();
    List<CustomMetric> ms = spec.customMetrics().stream()
        .filter(m -> m.type().equals("DRIFT") && appliesTo(m, column)).toList();
    if (ms.isEmpty() || base == null || cur == null) {
      return out;
    }
    {
      for (CustomMetric m : ms) {
        String def = m.definition().replaceAll("\\{\\{\\s*current_df\\s*}}\\.(\\w+)", "\"cur__$1\"")
            .replaceAll("\\{\\{\\s*base_df\\s*}}\\.(\\w+)", "\"base__$1\"");
        out.put(m.name(), scalar(duck, "SELECT " + def + " FROM (SELECT "
            + numbersAsColumns(cur.metrics(), "cur__") + ", "
            + numbersAsColumns(base.metrics(), "base__") + ")", m));
      }
    }
    return out;
  }

  /**
   * Integer and text columns with no value twice in the whole table (and in the baseline) are
   * ids: profiled, but left out of drift with a notice, unless named in {@code columns}.
   */
  private void detectIds(Duck duck, Duck.Table t, Optional<Duck.Table> baseline, List<Col> cols) {
    if (!spec.columns().isEmpty()) {
      return;
    }
    for (Col c : cols) {
      String name = c.info().name();
      Optional<Duck.ColumnInfo> bi = baseline.flatMap(b -> b.column(name));
      if (allDistinct(duck, t, name) && (baseline.isEmpty() || (bi.isPresent()
          && allDistinct(duck, baseline.get(), name)))) {
        if (ColumnRoles.idType(c.info().type())) {
          ids.add(name);
          warnings.add("column '" + name + "' looks like an id (every value distinct); profiled"
              + " but left out of drift. Name it in 'columns' to compare it anyway.");
        }
      }
    }
  }

  private static boolean allDistinct(Duck duck, Duck.Table t, String column) {
    String c = Duck.ident(column);
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT count(" + c + "), count(DISTINCT " + c + ") FROM "
            + Duck.ident(t.name()))) {
      rs.next();
      return rs.getLong(1) >= ColumnRoles.MIN_VALUES && rs.getLong(1) == rs.getLong(2);
    } catch (SQLException e) {
      throw new InvalidInputException("cannot count the values of column '" + column + "': "
          + Duck.clean(e.getMessage()), e);
    }
  }

  /** Warnings found while running. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
