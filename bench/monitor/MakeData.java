import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Fast benchmark inputs with andon's embedded DuckDB (same shapes as make_data.py: 20 columns,
 * normal / lognormal / uniform / discrete; c00-c04 shifted by 0.5 sd in the current file), as CSV
 * and Parquet: java -cp target/andon.jar bench/monitor/MakeData.java OUT_DIR ROWS [COLUMNS]
 * (default 20 columns; files are named side_ROWS.csv, or side_ROWSxCOLUMNS.csv for other widths).
 */
public class MakeData {
  public static void main(String[] args) throws Exception {
    String out = args[0];
    long rows = Long.parseLong(args[1]);
    int cols = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    String tag = rows + (cols == 20 ? "" : "x" + cols);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (String side : new String[] {"baseline", "current"}) {
        boolean shifted = side.equals("current");
        s.execute("SELECT setseed(" + (shifted ? 0.2 : 0.1) + ")");
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int col = 0; col < cols; col++) {
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
        s.execute("COPY t TO '" + out + "/" + side + "_" + tag + ".csv' (HEADER)");
        s.execute("COPY t TO '" + out + "/" + side + "_" + tag + ".parquet' (FORMAT parquet)");
        System.out.println("wrote " + side + "_" + tag);
      }
    }
  }
}
