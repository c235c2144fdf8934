package io.andon.monitor.data;

import java.nio.Buffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * Copies the DOUBLE columns of one query's result into primitive arrays, leaving nulls out. DuckDB
 * hands its result over as Arrow record batches (its C data interface), and each batch's values are
 * copied in one move when the batch has no null. When Arrow cannot reach the JVM's buffer internals
 * (andon's jar opens them; a JVM started without {@code --add-opens=java.base/java.nio=ALL-UNNAMED}
 * does not), or the result is small enough that setting Arrow up would cost more than it saves, the
 * values come through JDBC instead.
 */
public final class BulkScan {
  /** Below this many values, JDBC's row by row fetch is quicker than starting Arrow. */
  static final long ARROW_MIN_VALUES = 4_000_000;

  private static final int BATCH = 1 << 16;

  /** How the values travel. */
  public enum Transport {
    ARROW,
    JDBC
  }

  private BulkScan() {}

  /** Whether Arrow can run in this JVM. */
  static boolean arrowAvailable() {
    return Buffer.class.getModule().isOpen("java.nio", BulkScan.class.getModule());
  }

  /** The transport for a result of {@code values} values. */
  public static Transport choose(long values) {
    return values >= ARROW_MIN_VALUES && arrowAvailable() ? Transport.ARROW : Transport.JDBC;
  }

  /**
   * Runs {@code sql}, whose columns are all DOUBLE, and appends column i's non-null values to
   * {@code out[i]} (each array large enough for every row).
   *
   * @return the count of non-null values of each column
   */
  static int[] read(Connection conn, String sql, double[][] out, Transport how)
      throws SQLException {
    boolean streaming = streamsResults(conn);
    streamResults(conn, true);
    try {
      return how == Transport.ARROW ? arrow(conn, sql, out) : jdbc(conn, sql, out);
    } finally {
      streamResults(conn, streaming);
    }
  }

  /**
   * Whether DuckDB hands results over as it computes them. Otherwise it holds the whole result
   * before the first batch: at 10M rows x 20 columns 1.6 GB and three times the CPU of streaming
   * (11.3 against 3.5 CPU seconds to read one side).
   */
  private static boolean streamsResults(Connection conn) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT value FROM duckdb_settings() WHERE name = 'jdbc_stream_results'")) {
      // unset (null) until a connection sets it: not streaming
      return rs.next() && "true".equalsIgnoreCase(rs.getString(1));
    }
  }

  private static void streamResults(Connection conn, boolean on) throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.execute("SET jdbc_stream_results = " + on);
    }
  }

  private static int[] arrow(Connection conn, String sql, double[][] out) throws SQLException {
    int[] w = new int[out.length];
    eachBatch(
        conn,
        sql,
        root -> {
          for (int c = 0; c < out.length; c++) {
            w[c] = copy((Float8Vector) root.getVector(c), out[c], w[c]);
          }
        });
    return w;
  }

  /** Hands each Arrow record batch of the result of {@code sql} to {@code f}. */
  private static void eachBatch(Connection conn, String sql, Consumer<VectorSchemaRoot> f)
      throws SQLException {
    try (BufferAllocator alloc = new RootAllocator();
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql);
        ArrowReader r =
            (ArrowReader) rs.unwrap(DuckDBResultSet.class).arrowExportStream(alloc, BATCH)) {
      while (r.loadNextBatch()) {
        f.accept(r.getVectorSchemaRoot());
      }
    } catch (java.io.IOException e) {
      throw new SQLException("reading DuckDB's Arrow stream: " + e.getMessage(), e);
    }
  }

  private static int copy(Float8Vector v, double[] dst, int at) {
    int n = v.getValueCount();
    if (v.getNullCount() == 0) {
      v.getDataBuffer()
          .nioBuffer(0, n * Float8Vector.TYPE_WIDTH)
          .order(ByteOrder.nativeOrder())
          .asDoubleBuffer()
          .get(dst, at, n);
      return at + n;
    }
    int w = at;
    for (int k = 0; k < n; k++) {
      if (!v.isNull(k)) {
        dst[w++] = v.get(k);
      }
    }
    return w;
  }

  /** Hears one column's values of one batch of rows. */
  @FunctionalInterface
  public interface BatchSink {
    /**
     * Column {@code column} of the next {@code rows} rows: {@code n} non-null values at the start
     * of {@code values} (a buffer reused for the next batch), the other rows null.
     */
    void accept(int column, double[] values, int n, int rows);
  }

  /**
   * Runs {@code sql}, whose {@code columns} columns are all DOUBLE, and hands its rows to {@code
   * sink} batch by batch, column by column, as DuckDB computes them: memory stays one batch
   * whatever the rows.
   *
   * @return the rows read
   */
  public static long stream(Connection conn, String sql, int columns, BatchSink sink, Transport how)
      throws SQLException {
    boolean streaming = streamsResults(conn);
    streamResults(conn, true);
    try {
      return how == Transport.ARROW
          ? streamArrow(conn, sql, columns, sink)
          : streamJdbc(conn, sql, columns, sink);
    } finally {
      streamResults(conn, streaming);
    }
  }

  private static long streamArrow(Connection conn, String sql, int columns, BatchSink sink)
      throws SQLException {
    long[] rows = {0};
    double[][] buf = {new double[BATCH]};
    eachBatch(
        conn,
        sql,
        root -> {
          int n = root.getRowCount();
          if (buf[0].length < n) {
            buf[0] = new double[n];
          }
          for (int c = 0; c < columns; c++) {
            sink.accept(c, buf[0], copy((Float8Vector) root.getVector(c), buf[0], 0), n);
          }
          rows[0] += n;
        });
    return rows[0];
  }

  private static long streamJdbc(Connection conn, String sql, int columns, BatchSink sink)
      throws SQLException {
    long rows = 0;
    double[][] buf = new double[columns][BATCH];
    int[] w = new int[columns];
    int inBatch = 0;
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        for (int c = 0; c < columns; c++) {
          double x = rs.getDouble(c + 1);
          if (!rs.wasNull()) {
            buf[c][w[c]++] = x;
          }
        }
        if (++inBatch == BATCH) {
          flush(buf, w, inBatch, sink);
          rows += inBatch;
          inBatch = 0;
        }
      }
    }
    if (inBatch > 0) {
      flush(buf, w, inBatch, sink);
      rows += inBatch;
    }
    return rows;
  }

  private static void flush(double[][] buf, int[] w, int rows, BatchSink sink) {
    for (int c = 0; c < buf.length; c++) {
      sink.accept(c, buf[c], w[c], rows);
      w[c] = 0;
    }
  }

  private static int[] jdbc(Connection conn, String sql, double[][] out) throws SQLException {
    int[] w = new int[out.length];
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        for (int c = 0; c < out.length; c++) {
          double x = rs.getDouble(c + 1);
          if (!rs.wasNull()) {
            out[c][w[c]++] = x;
          }
        }
      }
    }
    return w;
  }
}
