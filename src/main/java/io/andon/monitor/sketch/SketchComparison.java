package io.andon.monitor.sketch;

import io.andon.error.InvalidInputException;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.DriftReport;
import io.andon.monitor.data.BulkScan;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.monitor.data.Workers;
import io.andon.util.Strings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.duckdb.DuckDBConnection;

/**
 * The streaming mode of {@code andon drift}: each input is read once, in batches of rows (numeric
 * columns through DuckDB's Arrow export, the two inputs side by side) into one sketch per column,
 * so that memory depends on the number of columns, not rows. Types come from DuckDB's inference (or
 * the overrides); mixed-type analysis is left to the exact mode.
 */
public final class SketchComparison {
  private SketchComparison() {}

  /** The sketches of one input, by column, and its row count. */
  public record TableSketch(long rows, Map<String, Object> columns) {}

  public static DriftReport compare(
      DataSource baseline, DataSource current, DriftOptions options, Consumer<String> progress) {
    return compare(baseline, current, options, progress, Workers.cores());
  }

  /** Compares two sources, reading the two sides side by side when {@code threads} allows. */
  public static DriftReport compare(
      DataSource baseline,
      DataSource current,
      DriftOptions options,
      Consumer<String> progress,
      int threads) {
    try (Connection conn = open()) {
      try (Statement s = conn.createStatement()) {
        s.execute("SET threads = " + threads);
      }
      Map<String, String> tb = describe(conn, baseline, "--baseline");
      Map<String, String> tc = describe(conn, current, "--current");
      Set<String> all = new LinkedHashSet<>(tb.keySet());
      all.addAll(tc.keySet());
      for (String n : options.columns()) {
        if (!all.contains(n)) {
          throw new InvalidInputException(
              "--columns names column '"
                  + n
                  + "', which neither"
                  + " input has."
                  + Strings.didYouMean(n, all));
        }
      }
      for (String n : options.ignore()) {
        if (!all.contains(n)) {
          throw new InvalidInputException(
              "--ignore names column '"
                  + n
                  + "', which neither"
                  + " input has."
                  + Strings.didYouMean(n, all));
        }
      }
      List<String> warnings = new ArrayList<>();
      Map<String, Boolean> numeric = new LinkedHashMap<>();
      for (String n : options.columns().isEmpty() ? all : options.columns()) {
        if (options.ignore().contains(n)) {
          continue;
        }
        if (!tb.containsKey(n) || !tc.containsKey(n)) {
          warnings.add(
              "column '"
                  + n
                  + "' is only in the "
                  + (tb.containsKey(n) ? "baseline" : "current data")
                  + "; it is not compared.");
          continue;
        }
        Duck.ColumnInfo ib = new Duck.ColumnInfo(n, tb.get(n));
        Duck.ColumnInfo ic = new Duck.ColumnInfo(n, tc.get(n));
        if (options.numeric().contains(n)) {
          numeric.put(n, true);
        } else if (options.categorical().contains(n)) {
          numeric.put(n, false);
        } else if (ib.isNumeric() && ic.isNumeric()) {
          numeric.put(n, true);
        } else if (ib.isText() && ic.isText()) {
          numeric.put(n, false);
        } else {
          warnings.add(
              "column '"
                  + n
                  + "' is "
                  + ib.type()
                  + " in the baseline and "
                  + ic.type()
                  + " in the current data: not compared in streaming mode; pass --numeric "
                  + n
                  + " or --categorical "
                  + n
                  + ".");
        }
      }
      if (numeric.isEmpty()) {
        throw new InvalidInputException(
            "no column could be compared:\n  " + String.join("\n  ", warnings));
      }
      progress.accept("sketching " + baseline.describe() + " and " + current.describe());
      List<TableSketch> sides;
      try (Workers workers = new Workers(Math.min(2, threads));
          Connection other = conn.unwrap(DuckDBConnection.class).duplicate()) {
        sides =
            workers.all(
                List.<Callable<TableSketch>>of(
                    () -> sketch(conn, baseline, numeric, "--baseline"),
                    () -> sketch(other, current, numeric, "--current")));
      }
      TableSketch sb = sides.get(0);
      TableSketch sc = sides.get(1);
      if (sb.rows() == 0 || sc.rows() == 0) {
        throw new InvalidInputException(
            (sb.rows() == 0
                    ? "--baseline " + baseline.describe()
                    : "--current " + current.describe())
                + " has no rows: there is nothing to compare.");
      }
      warnings.add(
          "streaming mode: metrics computed from sketches (KLL k="
              + NumericSketch.KLL_K
              + ", rank error about "
              + io.andon.monitor.DriftAnalysis.fmt(
                  100
                      * org.apache.datasketches.kll.KllSketch.getNormalizedRankError(
                          NumericSketch.KLL_K, false))
              + "%); ks_test pvalue is conservative (taken at the statistic minus"
              + " both rank errors).");
      List<ColumnDrift> results = new ArrayList<>();
      options = options.withComparisons(numeric.size());
      for (Map.Entry<String, Boolean> e : numeric.entrySet()) {
        Object b = sb.columns().get(e.getKey());
        Object c = sc.columns().get(e.getKey());
        results.add(
            e.getValue()
                ? SketchDrift.numeric(e.getKey(), (NumericSketch) b, (NumericSketch) c, options)
                : SketchDrift.categorical(
                    e.getKey(), (CategoricalSketch) b, (CategoricalSketch) c, options));
      }
      return DriftReport.of(
          baseline.describe(),
          current.describe(),
          sb.rows(),
          sc.rows(),
          results,
          warnings,
          options);
    } catch (SQLException e) {
      throw new InvalidInputException("cannot read the inputs: " + Duck.clean(e.getMessage()), e);
    }
  }

  static Connection open() throws SQLException {
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    return Duck.connect(p);
  }

  static Map<String, String> describe(Connection conn, DataSource src, String role) {
    Map<String, String> out = new LinkedHashMap<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + src.sql())) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          role
              + " "
              + src.describe()
              + ": cannot read it as "
              + src.format()
              + ": "
              + Duck.clean(e.getMessage())
              + ".",
          e);
    }
    return out;
  }

  /**
   * Builds one sketch per column of {@code numeric}: the numeric columns in one bulk scan, batch by
   * batch, the categorical ones (if any) in a second scan, row by row.
   */
  static TableSketch sketch(
      Connection conn, DataSource src, Map<String, Boolean> numeric, String role) {
    List<String> nums = new ArrayList<>();
    List<String> cats = new ArrayList<>();
    numeric.forEach((n, isNum) -> (isNum ? nums : cats).add(n));
    NumericSketch[] ns = new NumericSketch[nums.size()];
    CategoricalSketch[] cs = new CategoricalSketch[cats.size()];
    long rows = -1;
    try {
      if (!nums.isEmpty()) {
        for (int i = 0; i < ns.length; i++) {
          ns[i] = new NumericSketch();
        }
        rows =
            BulkScan.stream(
                conn,
                select(nums, "TRY_CAST(", " AS DOUBLE)", src),
                ns.length,
                (c, v, n, r) -> ns[c].addAll(v, n, r),
                BulkScan.choose(Long.MAX_VALUE));
      }
      if (!cats.isEmpty()) {
        for (int i = 0; i < cs.length; i++) {
          cs[i] = new CategoricalSketch();
        }
        rows = categories(conn, select(cats, "CAST(", " AS VARCHAR)", src), cs);
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          role
              + " "
              + src.describe()
              + ": cannot read it as "
              + src.format()
              + ": "
              + Duck.clean(e.getMessage())
              + ".",
          e);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (String n : numeric.keySet()) {
      int i = nums.indexOf(n);
      out.put(n, i >= 0 ? ns[i] : cs[cats.indexOf(n)]);
    }
    return new TableSketch(Math.max(rows, 0), out);
  }

  private static String select(List<String> names, String pre, String post, DataSource src) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(pre).append(Duck.ident(names.get(i))).append(post);
    }
    return sql.append(" FROM ").append(src.sql()).toString();
  }

  private static long categories(Connection conn, String sql, CategoricalSketch[] cs)
      throws SQLException {
    long rows = 0;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows++;
        for (int i = 0; i < cs.length; i++) {
          String v = rs.getString(i + 1);
          if (v == null) {
            cs[i].addNull();
          } else {
            cs[i].add(v);
          }
        }
      }
    }
    return rows;
  }
}
