import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Copies a CSV file to Parquet with andon's embedded DuckDB: java -cp target/andon.jar ... IN OUT
 */
public class ToParquet {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "COPY (SELECT * FROM read_csv('" + args[0] + "')) TO '" + args[1] + "' (FORMAT parquet)");
    }
  }
}
