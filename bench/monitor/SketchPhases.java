import io.andon.monitor.data.BulkScan;
import io.andon.monitor.sketch.NumericSketch;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.kll.KllDoublesSketch;

/**
 * Where sketch mode's CPU goes: reads one Parquet file's numeric columns the way {@code andon drift
 * --sketch} does (DuckDB's Arrow export, batch by batch) into sinks that do more and more of a
 * sketch's work, and prints each pass's wall and process CPU seconds. The differences are the
 * phases: the read alone (Parquet decoding and the Arrow copy), KLL, HLL (each register width), a
 * radix sort of each batch, the whole sketch.
 *
 * <p>java -cp target/andon.jar bench/monitor/SketchPhases.java FILE.parquet [DUCKDB_THREADS]
 */
public class SketchPhases {
  interface Sink {
    void accept(int column, double[] values, int n, int rows);
  }

  public static void main(String[] args) throws Exception {
    String file = args[0];
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    Class.forName("org.duckdb.DuckDBDriver");
    Properties p = new Properties();
    p.setProperty("jdbc_stream_results", "true");
    try (Connection conn = DriverManager.getConnection("jdbc:duckdb:", p)) {
      try (Statement s = conn.createStatement()) {
        s.execute("SET threads = " + threads);
      }
      String from = "read_parquet('" + file.replace("'", "''") + "')";
      List<String> cols = new ArrayList<>();
      try (Statement s = conn.createStatement();
          ResultSet rs = s.executeQuery("DESCRIBE SELECT * FROM " + from)) {
        while (rs.next()) {
          cols.add(rs.getString(1));
        }
      }
      StringBuilder sql = new StringBuilder("SELECT ");
      for (int i = 0; i < cols.size(); i++) {
        sql.append(i == 0 ? "" : ", ")
            .append("TRY_CAST(\"")
            .append(cols.get(i))
            .append("\" AS DOUBLE)");
      }
      sql.append(" FROM ").append(from);
      int c = cols.size();
      double[] sum = new double[c];
      run("warm-up read", conn, sql.toString(), c, (k, v, n, r) -> sum[k] += v[0]);
      run("read only", conn, sql.toString(), c, (k, v, n, r) -> sum[k] += v[0]);
      run(
          "read + sum",
          conn,
          sql.toString(),
          c,
          (k, v, n, r) -> {
            double s = 0;
            for (int i = 0; i < n; i++) {
              s += v[i];
            }
            sum[k] += s;
          });
      KllDoublesSketch[] kll = new KllDoublesSketch[c];
      for (int i = 0; i < c; i++) {
        kll[i] = KllDoublesSketch.newHeapInstance(NumericSketch.KLL_K);
      }
      run("read + KLL", conn, sql.toString(), c, (k, v, n, r) -> kll[k].update(v, 0, n));
      for (TgtHllType type : TgtHllType.values()) {
        HllSketch[] hll = new HllSketch[c];
        for (int i = 0; i < c; i++) {
          hll[i] = new HllSketch(NumericSketch.HLL_LG_K, type);
        }
        run(
            "read + " + type,
            conn,
            sql.toString(),
            c,
            (k, v, n, r) -> {
              for (int i = 0; i < n; i++) {
                hll[k].update(v[i]);
              }
            });
      }
      run(
          "read + radix sort",
          conn,
          sql.toString(),
          c,
          (k, v, n, r) -> {
            io.andon.monitor.stats.DoubleSort.sort(v, 0, n);
            sum[k] += v[n / 2];
          });
      NumericSketch[] ns = new NumericSketch[c];
      for (int i = 0; i < c; i++) {
        ns[i] = new NumericSketch();
      }
      run("read + NumericSketch", conn, sql.toString(), c, (k, v, n, r) -> ns[k].addAll(v, n, r));
      System.out.println("(checksum " + sum[0] + " " + ns[0].size() + ")");
    }
  }

  private static void run(String label, Connection conn, String sql, int columns, Sink sink)
      throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    long rows = BulkScan.stream(conn, sql, columns, sink::accept, BulkScan.Transport.ARROW);
    System.out.printf(
        "%-22s %d rows x %d: wall %.2f s, process CPU %.2f s%n",
        label, rows, columns, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
  }
}
