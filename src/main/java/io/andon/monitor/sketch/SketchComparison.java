package io.andon.monitor.sketch;

import io.andon.error.InvalidInputException;
import io.andon.monitor.ColumnDrift;
import io.andon.monitor.DriftOptions;
import io.andon.monitor.DriftReport;
import io.andon.monitor.data.DataSource;
import io.andon.monitor.data.Duck;
import io.andon.util.Strings;
import java.sql.Connection;
import java.sql.DriverManager;
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
import java.util.function.Consumer;

/**
 * The streaming mode of {@code andon drift}: each input is read once, row by row, through DuckDB's
 * streaming results into one sketch per column, so that memory depends on the number of columns,
 * not rows. Types come from DuckDB's inference (or the overrides); mixed-type analysis is left to
 * the exact mode.
 */
public final class SketchComparison {
  private SketchComparison() {}

  /** The sketches of one input, by column, and its row count. */
  public record TableSketch(long rows, Map<String, Object> columns) {}

  public static DriftReport compare(
      DataSource baseline, DataSource current, DriftOptions options, Consumer<String> progress) {
    try (Connection conn = open()) {
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
      progress.accept("sketching baseline " + baseline.describe());
      TableSketch sb = sketch(conn, baseline, numeric, "--baseline");
      progress.accept("sketching current " + current.describe());
      TableSketch sc = sketch(conn, current, numeric, "--current");
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
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    return DriverManager.getConnection("jdbc:duckdb:", p);
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

  /** Reads {@code src} once and builds one sketch per column of {@code numeric}. */
  public static TableSketch sketch(
      Connection conn, DataSource src, Map<String, Boolean> numeric, String role) {
    List<String> names = new ArrayList<>(numeric.keySet());
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < names.size(); i++) {
      String c = Duck.ident(names.get(i));
      sql.append(i == 0 ? "" : ", ")
          .append(
              numeric.get(names.get(i))
                  ? "TRY_CAST(" + c + " AS DOUBLE)"
                  : "CAST(" + c + " AS VARCHAR)");
    }
    sql.append(" FROM ").append(src.sql());
    Object[] sketches = new Object[names.size()];
    boolean[] isNum = new boolean[names.size()];
    for (int i = 0; i < names.size(); i++) {
      isNum[i] = numeric.get(names.get(i));
      sketches[i] = isNum[i] ? new NumericSketch() : new CategoricalSketch();
    }
    long rows = 0;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql.toString())) {
      while (rs.next()) {
        rows++;
        for (int i = 0; i < sketches.length; i++) {
          if (isNum[i]) {
            double v = rs.getDouble(i + 1);
            if (rs.wasNull()) {
              ((NumericSketch) sketches[i]).addNull();
            } else {
              ((NumericSketch) sketches[i]).add(v);
            }
          } else {
            String v = rs.getString(i + 1);
            if (v == null) {
              ((CategoricalSketch) sketches[i]).addNull();
            } else {
              ((CategoricalSketch) sketches[i]).add(v);
            }
          }
        }
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
    for (int i = 0; i < names.size(); i++) {
      out.put(names.get(i), sketches[i]);
    }
    return new TableSketch(rows, out);
  }
}
