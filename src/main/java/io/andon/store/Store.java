package io.andon.store;

import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * andon's embedded database: one SQLite file under the andon home, in WAL mode, reached through
 * plain JDBC so that the same SQL could run on PostgreSQL. Schema changes are numbered SQL files
 * under {@code db/migration/} ({@code V001__runs.sql}, ...), applied once, in order, at open
 * ({@link Migrations}). A failed SQLite call becomes a user error that says what to do ({@link
 * StoreErrors}); a slow read-only query runs on a connection of its own ({@link ReadOnlyQuery}).
 *
 * <p>One connection per store, used under the store's lock: SQLite serialises writers anyway and
 * the JDBC driver's connections are not thread-safe.
 */
public final class Store implements AutoCloseable {
  /** File name of the database inside the andon home. */
  public static final String DB_FILE = "andon.db";

  /** How long a command waits for a store locked by another process (andon.store.busyTimeoutMs). */
  static final long BUSY_TIMEOUT_MS = Long.getLong("andon.store.busyTimeoutMs", 10_000);

  private final Path home;
  private final Connection conn;

  private Store(Path home, Connection conn) {
    this.home = home;
    this.conn = conn;
  }

  /**
   * Loads SQLite's native library on a background thread, for a command that will open the store
   * after other start-up work: the first open then skips it. Touches nothing in any andon home; a
   * failure here is left for the real open to report.
   */
  public static void preload() {
    io.andon.util.Background.start(
        "andon-store-preload",
        () -> {
          try {
            NativeLibraryCache.use();
            org.sqlite.core.NativeDB.load();
          } catch (Exception | LinkageError e) {
            // the open will say what is wrong
          }
          return null;
        });
  }

  /** Opens (creating when needed) the store under {@code home}. */
  public static Store open(Path home) {
    Objects.requireNonNull(home, "home");
    try {
      Files.createDirectories(home);
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(
          "cannot create the andon home "
              + home
              + ": permission denied. Pass --home DIR (or set ANDON_HOME) to a writable folder.",
          e);
    } catch (IOException e) {
      throw new InvalidInputException(
          "cannot create the andon home "
              + home
              + " ("
              + e
              + "). Pass --home DIR (or set ANDON_HOME) to a writable folder.",
          e);
    }
    if (!Files.isWritable(home)) {
      throw new InvalidInputException(
          "the andon home "
              + home
              + " is read-only. Pass --home DIR"
              + " (or set ANDON_HOME) to a writable folder.");
    }
    Path db = home.resolve(DB_FILE);
    try {
      java.util.Properties props = new java.util.Properties();
      // writers take the lock when a transaction begins, so check-then-insert is atomic
      props.setProperty("transaction_mode", "IMMEDIATE");
      // the driver would otherwise run a query after every insert; ids come from
      // last_insert_rowid() where they are needed
      props.setProperty("jdbc.get_generated_keys", "false");
      NativeLibraryCache.use();
      // straight to the driver: DriverManager would first load every driver on the class path
      Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + db.toAbsolutePath(), props);
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = NORMAL");
        s.execute("PRAGMA foreign_keys = ON");
      }
      Store store = new Store(home, c);
      Migrations.apply(store);
      return store;
    } catch (SQLException e) {
      throw StoreErrors.of(db, e);
    }
  }

  /**
   * Opens the store under {@code home} for a command that only reads it: empty when there is no
   * history there yet (nothing is created), read-only when the home cannot be written (no migration
   * runs then, and runs left open by a crashed andon stay as they are).
   */
  public static java.util.Optional<Store> openForReading(Path home) {
    Objects.requireNonNull(home, "home");
    if (Files.exists(home) && !Files.isDirectory(home)) {
      throw new InvalidInputException(
          "the andon home "
              + home
              + " is a file, not a folder."
              + " Pass --home DIR (or set ANDON_HOME) to a folder.");
    }
    Path db = home.resolve(DB_FILE);
    if (!Files.isRegularFile(db)) {
      return java.util.Optional.empty();
    }
    if (Files.isWritable(home) && Files.isWritable(db)) {
      return java.util.Optional.of(open(home));
    }
    NativeLibraryCache.use();
    java.util.Properties props = new java.util.Properties();
    props.setProperty(
        "open_mode",
        Integer.toString(
            org.sqlite.SQLiteOpenMode.READONLY.flag | org.sqlite.SQLiteOpenMode.OPEN_URI.flag));
    String path = db.toAbsolutePath().toUri().getRawPath();
    try {
      Connection c;
      try {
        c = readOnly("file:" + path + "?mode=ro", props);
      } catch (SQLException e) {
        // a WAL database in a folder that cannot be written: read it as an unchanging file
        c = readOnly("file:" + path + "?mode=ro&immutable=1", props);
      }
      return java.util.Optional.of(new Store(home, c));
    } catch (SQLException e) {
      throw StoreErrors.of(db, e);
    }
  }

  private static Connection readOnly(String uri, java.util.Properties props) throws SQLException {
    Connection c = org.sqlite.JDBC.createConnection("jdbc:sqlite:" + uri, props);
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
      rs.next();
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /** Whether the store can be written (false when opened read-only by {@link #openForReading}). */
  public boolean writable() {
    try {
      return !conn.isReadOnly();
    } catch (SQLException e) {
      return false;
    }
  }

  public Path home() {
    return home;
  }

  /** Work done with the connection, in one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T apply(Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction, committed when it returns, rolled back when it throws.
   */
  public synchronized <T> T tx(Work<T> work) {
    try {
      conn.setAutoCommit(false);
      try {
        T result = work.apply(conn);
        conn.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        quietly(conn::rollback, e); // SQLite may have rolled back already (a full disk)
        throw e;
      } finally {
        quietly(() -> conn.setAutoCommit(true), null);
      }
    } catch (SQLException e) {
      throw StoreErrors.of(home.resolve(DB_FILE), e);
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  /**
   * Runs clean-up that must not hide the error being handled, {@code cause} (null when there is
   * none): its own failure is added to that one, or dropped when the transaction is gone anyway.
   */
  private static void quietly(SqlAction action, Exception cause) {
    try {
      action.run();
    } catch (SQLException e) {
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }

  private final java.util.Map<String, PreparedStatement> statements = new java.util.HashMap<>();

  /**
   * A prepared statement kept for the life of the store, for SQL that runs thousands of times a
   * run. Use it inside {@link #tx} or {@link #read}, and do not close it.
   */
  public synchronized PreparedStatement prepared(Connection c, String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      ps = c.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /** Reads with the connection outside an explicit transaction. */
  public synchronized <T> T read(Work<T> work) {
    try {
      return work.apply(conn);
    } catch (SQLException e) {
      throw StoreErrors.of(home.resolve(DB_FILE), e);
    }
  }

  /**
   * Runs read-only {@code work} on a connection of its own, outside the store's lock, so that a
   * slow query holds up nothing else. SQLite checks every few thousand steps of the statement
   * whether {@code timeout} has passed or {@code stop} is true, and interrupts it then.
   *
   * @throws QueryStoppedException when the query was interrupted, whatever {@code work} made of the
   *     interruption
   */
  public <T> T readOnly(
      java.time.Duration timeout, java.util.function.BooleanSupplier stop, Work<T> work) {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(stop, "stop");
    return ReadOnlyQuery.run(home.resolve(DB_FILE), timeout, stop, work);
  }

  @Override
  public synchronized void close() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // closing anyway
      }
    }
    statements.clear();
    try {
      conn.close();
    } catch (SQLException e) {
      // closing a store that failed is not worth a second error
    }
  }
}
