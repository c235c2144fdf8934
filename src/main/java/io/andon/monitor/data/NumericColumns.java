package io.andon.monitor.data;

import io.andon.error.InvalidInputException;
import io.andon.monitor.NumericSample;
import io.andon.monitor.stats.DoubleSort;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Reads numeric columns in bulk: every asked column of a table in one scan (DuckDB decodes the file
 * on its threads), copied into primitive arrays, then each column sorted on its own worker. Gives
 * the same samples as {@link Columns#numeric} reading one column at a time.
 */
public final class NumericColumns {
  private final Duck duck;
  private final Workers workers;
  private final Optional<BulkScan.Transport> transport;

  /** Reads in the calling thread. */
  public NumericColumns(Duck duck) {
    this(duck, new Workers(1));
  }

  public NumericColumns(Duck duck, Workers workers) {
    this(duck, workers, Optional.empty());
  }

  /** Reads over {@code transport} whatever the size of the result. */
  NumericColumns(Duck duck, Workers workers, BulkScan.Transport transport) {
    this(duck, workers, Optional.of(transport));
  }

  private NumericColumns(Duck duck, Workers workers, Optional<BulkScan.Transport> transport) {
    this.duck = duck;
    this.workers = workers;
    this.transport = transport;
  }

  /** A table and the columns to read from it, all of a numeric SQL type. */
  public record Request(Duck.Table table, List<Duck.ColumnInfo> columns) {
    public Request {
      columns = List.copyOf(columns);
      for (Duck.ColumnInfo c : columns) {
        if (!c.isNumeric()) {
          throw new IllegalArgumentException(
              "column '" + c.name() + "' is " + c.type() + ", not a number type");
        }
      }
    }
  }

  /**
   * Reads each request (tables side by side, on connections of their own) and returns, per request
   * in order, the samples by column name.
   */
  public List<Map<String, NumericSample>> read(List<Request> requests) {
    List<Callable<double[][]>> scans = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    for (Request r : requests) {
      int[] n = new int[r.columns().size()];
      counts.add(n);
      scans.add(() -> scan(r, n));
    }
    List<double[][]> raw = workers.all(scans);
    List<Callable<NumericSample>> sorts = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      long rows = requests.get(i).table().rows();
      double[][] cols = raw.get(i);
      int[] n = counts.get(i);
      for (int c = 0; c < cols.length; c++) {
        double[] values = cols[c];
        int size = n[c];
        sorts.add(() -> sample(rows, values, size));
      }
    }
    List<NumericSample> samples = workers.all(sorts);
    List<Map<String, NumericSample>> out = new ArrayList<>();
    int k = 0;
    for (Request r : requests) {
      Map<String, NumericSample> m = new LinkedHashMap<>();
      for (Duck.ColumnInfo c : r.columns()) {
        m.put(c.name(), samples.get(k++));
      }
      out.add(m);
    }
    return out;
  }

  /**
   * Reads one request on the database's own connection, in the calling thread: for the temporary
   * views (a monitor's windows and slices) that other connections cannot see; the columns are
   * sorted on the workers. The samples are those of {@link #read}, by column name.
   */
  public Map<String, NumericSample> readHere(Request r) {
    int[] n = new int[r.columns().size()];
    double[][] cols = scan(r, n, Optional.of(duck.connection()));
    List<Callable<NumericSample>> sorts = new ArrayList<>();
    for (int c = 0; c < cols.length; c++) {
      double[] values = cols[c];
      int size = n[c];
      sorts.add(() -> sample(r.table().rows(), values, size));
    }
    List<NumericSample> samples = workers.all(sorts);
    Map<String, NumericSample> m = new LinkedHashMap<>();
    for (int c = 0; c < cols.length; c++) {
      m.put(r.columns().get(c).name(), samples.get(c));
    }
    return m;
  }

  private double[][] scan(Request r, int[] counts) {
    return scan(r, counts, Optional.empty());
  }

  /** Scans on {@code on}, or on a connection of its own. */
  private double[][] scan(Request r, int[] counts, Optional<Connection> on) {
    Duck.Table t = r.table();
    int rows = Math.toIntExact(t.rows());
    double[][] cols = new double[r.columns().size()][];
    if (cols.length == 0) {
      return cols;
    }
    for (int i = 0; i < cols.length; i++) {
      cols[i] = new double[rows];
    }
    String sql = select(t, r.columns());
    BulkScan.Transport how = transport.orElseGet(() -> BulkScan.choose((long) rows * cols.length));
    try {
      int[] n = on.isPresent() ? BulkScan.read(on.get(), sql, cols, how) : readOwn(sql, cols, how);
      System.arraycopy(n, 0, counts, 0, n.length);
    } catch (SQLException e) {
      throw unreadable(t, e);
    }
    return cols;
  }

  /** The query of {@code columns} of {@code t}, each as a DOUBLE. */
  public static String select(Duck.Table t, List<Duck.ColumnInfo> columns) {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("CAST(")
          .append(Duck.ident(columns.get(i).name()))
          .append(" AS DOUBLE)");
    }
    return sql.append(" FROM ").append(Duck.ident(t.name())).toString();
  }

  /** The error of a scan of {@code t}'s numeric columns that failed. */
  public static InvalidInputException unreadable(Duck.Table t, SQLException e) {
    return new InvalidInputException(
        t.role()
            + " "
            + t.source().describe()
            + ": cannot read its numeric columns: "
            + Duck.clean(e.getMessage()),
        e);
  }

  private int[] readOwn(String sql, double[][] cols, BulkScan.Transport how) throws SQLException {
    try (Connection conn = duck.newConnection()) {
      return BulkScan.read(conn, sql, cols, how);
    }
  }

  /** The sample of one column's {@code n} non-null values: NaN counted apart, the rest sorted. */
  static NumericSample sample(long rows, double[] v, int n) {
    int w = 0;
    for (int i = 0; i < n; i++) {
      double x = v[i];
      if (x == x) {
        v[w++] = x;
      }
    }
    DoubleSort.sort(v, 0, w);
    double[] sorted = w == v.length ? v : Arrays.copyOf(v, w);
    return new NumericSample(rows, rows - n, n - w, 0, sorted);
  }
}
