import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Fast benchmark inputs with andon's embedded DuckDB (same shapes as make_data.py: 20 columns,
 * normal / lognormal / uniform / discrete; c00-c04 shifted by 0.5 sd in the current file), as CSV
 * and Parquet: java -cp target/andon.jar bench/monitor/MakeData.java OUT_DIR ROWS
 */
public class MakeData {
  public static void main(String[] args) throws Exception {
    String out = args[0];
    long rows = Long.parseLong(args[1]);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (String side : new String[] {"baseline", "current"}) {
        boolean shifted = side.equals("current");
        s.execute("SELECT setseed(" + (shifted ? 0.2 : 0.1) + ")");
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int col = 0; col < 20; col++) {
          double shift = shifted && col < 5 ? 0.5 : 0.0;
          String normal = "(sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))";
          String e =
              switch (col % 4) {
                case 0 -> shift + " + " + normal;
                case 1 -> "exp(" + (shift * 0.5) + " + 0.5 * " + normal + ")";
                case 2 -> "random() + " + (shift * 0.2887);
                default -> "floor(random() * 50) + " + Math.round(shift * 14.4);
              };
          sql.append(col == 0 ? "" : ", ")
              .append("round(")
              .append(e)
              .append(", 6) AS c")
              .append(String.format("%02d", col));
        }
        sql.append(" FROM range(").append(rows).append(")");
        s.execute("CREATE OR REPLACE TABLE t AS " + sql);
        s.execute("COPY t TO '" + out + "/" + side + "_" + rows + ".csv' (HEADER)");
        s.execute("COPY t TO '" + out + "/" + side + "_" + rows + ".parquet' (FORMAT parquet)");
        System.out.println("wrote " + side + "_" + rows);
      }
    }
  }
}
