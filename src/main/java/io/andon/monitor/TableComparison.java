package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.data.Columns;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.monitor.data.NumericColumns;
import io.andon.monitor.data.Workers;
import io.andon.monitor.quality.Bounds;
import io.andon.monitor.quality.DataQuality;
import io.andon.monitor.quality.TableQuality;
import io.andon.util.Strings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Compares two tables column by column: reads both through DuckDB, settles each column's type
 * (inferred, or forced with {@code numeric}/{@code categorical}), and reports every column that can
 * be compared, with a warning naming each one that cannot.
 */
public final class TableComparison {
  /** A text column whose values are at least this share numbers is reported as mixed. */
  private static final double MOSTLY_NUMBERS = 0.9;

  private TableComparison() {}

  /** Reads and compares two sources. {@code progress} hears one line per step. */
  public static DriftReport compare(
      DataSource baseline, DataSource current, DriftOptions options, Consumer<String> progress) {
    return compare(baseline, current, options, Map.of(), progress);
  }

  /**
   * Reads and compares two sources; {@code bounds} are the declared ranges of numeric columns for
   * the data-quality checks (the baseline's range otherwise).
   */
  public static DriftReport compare(
      DataSource baseline,
      DataSource current,
      DriftOptions options,
      Map<String, Bounds> bounds,
      Consumer<String> progress) {
    return compare(baseline, current, options, bounds, progress, Workers.cores());
  }

  /** Reads and compares two sources on at most {@code threads} threads. */
  public static DriftReport compare(
      DataSource baseline,
      DataSource current,
      DriftOptions options,
      Map<String, Bounds> bounds,
      Consumer<String> progress,
      int threads) {
    Objects.requireNonNull(progress, "progress");
    try (Duck duck = Duck.open();
        Workers workers = new Workers(threads)) {
      duck.threads(threads);
      progress.accept("reading baseline " + baseline.describe());
      Duck.Table b = duck.load(baseline, "baseline", "--baseline");
      progress.accept("reading current " + current.describe());
      Duck.Table c = duck.load(current, "current", "--current");
      return compare(duck, b, c, options, bounds, progress, workers);
    }
  }

  public static DriftReport compare(
      Duck duck,
      Duck.Table b,
      Duck.Table c,
      DriftOptions options,
      Map<String, Bounds> bounds,
      Consumer<String> progress) {
    try (Workers workers = new Workers(1)) {
      return compare(duck, b, c, options, bounds, progress, workers);
    }
  }

  /**
   * Compares two loaded tables; {@code workers} read the two sides side by side and compare columns
   * in parallel.
   */
  public static DriftReport compare(
      Duck duck,
      Duck.Table b,
      Duck.Table c,
      DriftOptions options,
      Map<String, Bounds> bounds,
      Consumer<String> progress,
      Workers workers) {
    checkNamed(
        bounds.keySet(),
        Set.copyOf(b.columns().stream().map(Duck.ColumnInfo::name).toList()),
        "--bounds");
    Columns cols = new Columns(duck);
    Set<String> all = new LinkedHashSet<>();
    b.columns().forEach(x -> all.add(x.name()));
    c.columns().forEach(x -> all.add(x.name()));
    checkNamed(options.columns(), all, "--columns");
    checkNamed(options.numeric(), all, "--numeric");
    checkNamed(options.categorical(), all, "--categorical");
    checkNamed(options.ignore(), all, "--ignore");
    boolean chosen = !options.columns().isEmpty();
    List<String> names = new ArrayList<>(chosen ? options.columns() : all);
    names.removeAll(options.ignore());
    options = options.withComparisons(names.size());
    List<Planned> plans = new ArrayList<>();
    for (String name : names) {
      plans.add(plan(name, b, c, cols, options));
    }
    progress.accept("reading " + plans.stream().filter(Planned::compared).count() + " columns");
    ColumnsRead read = ColumnsRead.of(plans, b, c, cols, new NumericColumns(duck, workers));
    DriftOptions opts = options;
    List<Optional<ColumnDrift>> drifts =
        workers.all(
            plans.stream()
                .map(p -> (Callable<Optional<ColumnDrift>>) () -> drift(p, read, chosen, opts))
                .toList());
    List<String> warnings = new ArrayList<>();
    List<ColumnDrift> results = new ArrayList<>();
    for (int i = 0; i < plans.size(); i++) {
      Planned p = plans.get(i);
      warnings.addAll(p.notes());
      if (drifts.get(i).isEmpty()) {
        if (p.compared()) {
          warnings.add(
              ColumnRoles.idNotice(
                      p.name(),
                      p.base().type(),
                      p.cur().type(),
                      read.base(p.name()),
                      read.cur(p.name()))
                  .orElseThrow());
        }
        continue;
      }
      ColumnDrift d = drifts.get(i).get();
      Duck.ColumnInfo tb = p.base();
      Duck.ColumnInfo tc = p.cur();
      if (tb.isNumeric() != tc.isNumeric()
          && !options.numeric().contains(p.name())
          && !options.categorical().contains(p.name())
          && cols.nonNull(b, tb) > 0
          && cols.nonNull(c, tc) > 0) {
        d =
            d.driftedBecause(
                "type changed from "
                    + tb.type()
                    + " in the baseline to "
                    + tc.type()
                    + " in the current data");
      }
      results.add(d);
    }
    if (results.isEmpty()) {
      throw new InvalidInputException(
          "no column could be compared between "
              + b.source().describe()
              + " and "
              + c.source().describe()
              + ":\n  "
              + String.join("\n  ", warnings));
    }
    progress.accept("checking data quality");
    TableQuality quality =
        new DataQuality(duck, read.summaries(b, c))
            .check(Optional.of(b), c, names, Set.copyOf(options.ignore()), bounds);
    return DriftReport.of(
            b.source().describe(),
            c.source().describe(),
            b.rows(),
            c.rows(),
            results,
            warnings,
            options)
        .withQuality(quality);
  }

  /** What to do with one named column: its notes so far, and its kind when it is compared. */
  record Planned(
      String name,
      Duck.ColumnInfo base,
      Duck.ColumnInfo cur,
      Optional<String> kind,
      List<String> notes) {
    boolean compared() {
      return kind.isPresent();
    }

    boolean numeric() {
      return kind.filter("numeric"::equals).isPresent();
    }
  }

  private static Planned plan(
      String name, Duck.Table b, Duck.Table c, Columns cols, DriftOptions options) {
    List<String> notes = new ArrayList<>();
    Optional<Duck.ColumnInfo> cb = b.column(name);
    Optional<Duck.ColumnInfo> cc = c.column(name);
    if (cb.isEmpty() || cc.isEmpty()) {
      notes.add(
          "column '"
              + name
              + "' is only in the "
              + (cb.isPresent() ? "baseline" : "current data")
              + " ("
              + (cb.isPresent() ? b : c).source().describe()
              + "); it is not compared."
              + Strings.didYouMean(
                  name,
                  (cb.isPresent() ? c : b).columns().stream().map(Duck.ColumnInfo::name).toList()));
      Duck.ColumnInfo some = cb.or(() -> cc).orElseThrow();
      return new Planned(name, some, some, Optional.empty(), notes);
    }
    String kind = kind(name, cb.get(), cc.get(), b, c, cols, options, notes);
    return new Planned(name, cb.get(), cc.get(), Optional.ofNullable(kind), notes);
  }

  private static Optional<ColumnDrift> drift(
      Planned p, ColumnsRead read, boolean chosen, DriftOptions options) {
    if (!p.compared()) {
      return Optional.empty();
    }
    ColumnSample sb = read.base(p.name());
    ColumnSample sc = read.cur(p.name());
    if (!chosen
        && ColumnRoles.idNotice(p.name(), p.base().type(), p.cur().type(), sb, sc).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(sb.driftTo(p.name(), sc, options));
  }

  private static String kind(
      String name,
      Duck.ColumnInfo tb,
      Duck.ColumnInfo tc,
      Duck.Table b,
      Duck.Table c,
      Columns cols,
      DriftOptions options,
      List<String> warnings) {
    if (options.numeric().contains(name)) {
      return "numeric";
    }
    if (options.categorical().contains(name)) {
      return "categorical";
    }
    for (Duck.ColumnInfo t : List.of(tb, tc)) {
      if (!t.isNumeric() && !t.isText()) {
        warnings.add(
            "column '"
                + name
                + "' is "
                + t.type()
                + (t.isTemporal()
                    ? ": not compared (use it as the timestamp_col of a monitor to get windows)."
                    : ": not compared; pass --categorical " + name + " to compare its text form."));
        return null;
      }
    }
    if (tb.isNumeric() && tc.isNumeric()) {
      return "numeric";
    }
    // a side with only nulls has no type of its own: DuckDB calls it VARCHAR
    if (tb.isNumeric() != tc.isNumeric()) {
      if (cols.nonNull(c, tc) == 0) {
        return tb.isNumeric() ? "numeric" : "categorical";
      }
      if (cols.nonNull(b, tb) == 0) {
        return tc.isNumeric() ? "numeric" : "categorical";
      }
    }
    if (tb.isText() && tc.isText()) {
      for (Duck.Table t : List.of(b, c)) {
        Duck.ColumnInfo ti = t == b ? tb : tc;
        if (ti.type().equalsIgnoreCase("BOOLEAN")) {
          continue;
        }
        long[] share = cols.numberShare(t, ti);
        if (share[1] > 0 && share[0] < share[1] && share[0] >= MOSTLY_NUMBERS * share[1]) {
          String example = cols.firstNonNumber(t, ti).orElse("?");
          warnings.add(
              "column '"
                  + name
                  + "' mixes numbers and text in the "
                  + (t == b ? "baseline" : "current data")
                  + " ("
                  + (share[1] - share[0])
                  + " of "
                  + share[1]
                  + " values are not numbers, e.g. '"
                  + example
                  + "'); compared as"
                  + " categorical. Pass --numeric "
                  + name
                  + " to compare it as numbers (the text"
                  + " values then count as nulls).");
        }
      }
      return "categorical";
    }
    Duck.Table textSide = tb.isText() ? b : c;
    Duck.ColumnInfo textType = tb.isText() ? tb : tc;
    long[] share = cols.numberShare(textSide, textType);
    String sideName = textSide == b ? "baseline" : "current data";
    String other = textSide == b ? "current data" : "baseline";
    String otherType = (textSide == b ? tc : tb).type();
    if (share[1] > 0 && share[0] >= MOSTLY_NUMBERS * share[1]) {
      String example =
          cols.firstNonNumber(textSide, textType).map(x -> ", e.g. '" + x + "'").orElse("");
      warnings.add(
          "column '"
              + name
              + "' is "
              + otherType
              + " in the "
              + other
              + " but "
              + textType.type()
              + " in the "
              + sideName
              + " ("
              + (share[1] - share[0])
              + " of "
              + share[1]
              + " values there are not numbers"
              + example
              + ", counted as nulls);"
              + " compared as numeric. Pass --categorical "
              + name
              + " to compare it as text.");
      return "numeric";
    }
    warnings.add(
        "column '"
            + name
            + "' is "
            + otherType
            + " in the "
            + other
            + " but "
            + textType.type()
            + " in the "
            + sideName
            + " (mostly text); compared as categorical."
            + " Pass --numeric "
            + name
            + " to compare it as numbers.");
    return "categorical";
  }

  private static void checkNamed(java.util.Collection<String> named, Set<String> all, String flag) {
    for (String n : named) {
      if (!all.contains(n)) {
        throw new InvalidInputException(
            flag
                + " names column '"
                + n
                + "', which neither input"
                + " has."
                + Strings.didYouMean(n, all)
                + " Columns: "
                + String.join(", ", all)
                + ".");
      }
    }
  }
}
