package io.andon.monitor.data;

import io.andon.error.InvalidInputException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * One embedded, in-memory DuckDB database through which andon reads CSV, Parquet and JSON-lines
 * files: no server, no Hadoop. Each input is loaded once into a table; columns are then fetched
 * from that table.
 */
public final class Duck implements AutoCloseable {
  private final Connection conn;

  private Duck(Connection conn) {
    this.conn = conn;
  }

  public static Duck open() {
    try {
      return new Duck(connect(new Properties()));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the embedded DuckDB: " + e, e);
    }
  }

  /**
   * A connection to a new in-memory DuckDB database with the given driver properties; DuckDB's
   * native library is placed beside andon's jar first ({@link DuckNative}).
   */
  public static Connection connect(Properties properties) throws SQLException {
    DuckNative.prepare();
    try {
      Class.forName("org.duckdb.DuckDBDriver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("DuckDB's driver is missing from the class path", e);
    }
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  public Connection connection() {
    return conn;
  }

  /**
   * Another connection to the same database, for reading on another thread; the caller closes it.
   */
  public Connection newConnection() throws SQLException {
    return conn.unwrap(org.duckdb.DuckDBConnection.class).duplicate();
  }

  /** Lets DuckDB use at most {@code n} threads. */
  public void threads(int n) {
    try (Statement s = conn.createStatement()) {
      s.execute("SET threads = " + n);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot set DuckDB's threads to " + n + ": " + e, e);
    }
  }

  /** A column of a loaded table and its DuckDB type name (BIGINT, DOUBLE, VARCHAR, ...). */
  public record ColumnInfo(String name, String type) {
    public ColumnInfo {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }

    public boolean isNumeric() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.matches(
          "(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT))|FLOAT|DOUBLE|REAL"
              + "|DECIMAL.*|UHUGEINT");
    }

    public boolean isText() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.equals("VARCHAR")
          || t.startsWith("ENUM")
          || t.equals("BOOLEAN")
          || t.equals("JSON")
          || t.equals("UUID");
    }

    public boolean isTemporal() {
      String t = type.toUpperCase(Locale.ROOT);
      return t.startsWith("TIMESTAMP") || t.equals("DATE") || t.startsWith("TIME");
    }
  }

  /** A source loaded into a DuckDB table. */
  public record Table(
      String name, String role, DataSource source, long rows, List<ColumnInfo> columns) {
    public Table {
      columns = List.copyOf(columns);
    }

    public java.util.Optional<ColumnInfo> column(String n) {
      return columns.stream().filter(c -> c.name().equals(n)).findFirst();
    }
  }

  /** Loads {@code source} into table {@code name}; {@code role} names it in messages. */
  public Table load(DataSource source, String name, String role) {
    // Parquet is columnar and cheap to scan again: a view avoids copying it into memory
    String kind = source.format() == DataSource.Format.PARQUET ? "VIEW" : "TABLE";
    String select = "CREATE OR REPLACE " + kind + " " + ident(name) + " AS SELECT * FROM ";
    if (source.format() == DataSource.Format.CSV) {
      // DuckDB's sniffer reads a binary, ragged or unclosed-quote file wrongly or obscurely
      source.files().forEach(f -> CsvCheck.check(f, role));
    }
    try {
      try (Statement first = conn.createStatement()) {
        first.execute(select + source.sql());
      } catch (SQLException first) {
        if (source.format() != DataSource.Format.CSV) {
          throw first;
        }
        // the type sniffer saw only the first rows; read again with the whole file in view
        String sql = source.sql();
        try (Statement again = conn.createStatement()) {
          again.execute(select + sql.substring(0, sql.length() - 1) + ", sample_size = -1)");
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException(
          role
              + " "
              + source.describe()
              + ": cannot read it as "
              + source.format()
              + ": "
              + clean(e.getMessage())
              + ". Check the file is valid "
              + source.format()
              + ".",
          e);
    }
    try (Statement s = conn.createStatement()) {
      long rows;
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + ident(name))) {
        rs.next();
        rows = rs.getLong(1);
      }
      List<ColumnInfo> cols = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("DESCRIBE " + ident(name))) {
        while (rs.next()) {
          cols.add(new ColumnInfo(rs.getString(1), rs.getString(2)));
        }
      }
      if (rows == 0) {
        throw new InvalidInputException(
            role
                + " "
                + source.describe()
                + " has no rows"
                + (cols.isEmpty() ? "" : " (only a header with " + cols.size() + " columns)")
                + ": there is nothing to compare.");
      }
      return new Table(name, role, source, rows, cols);
    } catch (SQLException e) {
      throw new InvalidInputException(
          role
              + " "
              + source.describe()
              + ": cannot read it as "
              + source.format()
              + ": "
              + clean(e.getMessage())
              + ". Check the file is valid "
              + source.format()
              + ".",
          e);
    }
  }

  /** DuckDB's message without its error class prefix and trailing context lines. */
  public static String clean(String m) {
    if (m == null) {
      return "unknown error";
    }
    String s = m.strip();
    int nl = s.indexOf("\n\n");
    if (nl > 0) {
      s = s.substring(0, nl);
    }
    s = s.replaceFirst("^[A-Za-z ]+ Error: ", "");
    if (s.length() > 400) {
      s = s.substring(0, 400) + "...";
    }
    return s.replace('\n', ' ');
  }

  /** A quoted SQL identifier. */
  public static String ident(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() {
    try {
      conn.close();
    } catch (SQLException e) {
      // nothing useful to do
    }
  }
}
