import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * DuckDB's first connection and first query in a bare program, DuckDB's part of andon drift's fixed
 * costs: java -cp target/andon.jar bench/monitor/DuckStart.java
 */
public class DuckStart {
  public static void main(String[] args) throws Exception {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long c0 = os.getProcessCpuTime();
    long t0 = System.nanoTime();
    // as andon does: its native library placed beside andon.jar, not unpacked at each start
    io.andon.monitor.data.DuckNative.prepare();
    Class.forName("org.duckdb.DuckDBDriver");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT 42")) {
      rs.next();
    }
    System.out.printf(
        "duckdb: first connection and query %.0f ms wall, %.0f ms CPU%n",
        (System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - c0) / 1e6);
  }
}
