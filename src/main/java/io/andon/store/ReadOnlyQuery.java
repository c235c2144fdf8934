package io.andon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.sqlite.JDBC;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;

/**
 * A read-only query on a connection of its own, outside the store's lock, stopped by SQLite's
 * progress handler when its time limit passes or its caller cancels: {@link Store#readOnly}.
 */
final class ReadOnlyQuery {
  /** Statement steps between two checks of a read-only query's time limit and cancel. */
  private static final int PROGRESS_STEPS = 10_000;

  private ReadOnlyQuery() {}

  static <T> T run(Path db, Duration timeout, BooleanSupplier stop, Store.Work<T> work) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String[] why = {null};
    try {
      SQLiteConfig config = new SQLiteConfig();
      config.setReadOnly(true);
      try (Connection c =
          JDBC.createConnection("jdbc:sqlite:" + db.toAbsolutePath(), config.toProperties())) {
        try (Statement s = c.createStatement()) {
          s.execute("PRAGMA busy_timeout = " + Math.min(Store.BUSY_TIMEOUT_MS, timeout.toMillis()));
          s.execute("PRAGMA query_only = 1");
        }
        ProgressHandler.setHandler(
            c,
            PROGRESS_STEPS,
            new ProgressHandler() {
              @Override
              protected int progress() {
                if (stop.getAsBoolean()) {
                  why[0] = "canceled";
                } else if (System.nanoTime() - deadline > 0) {
                  why[0] = "stopped after " + timeout.toSeconds() + " s (its time limit)";
                }
                return why[0] == null ? 0 : 1;
              }
            });
        T result;
        try {
          result = work.apply(c);
        } catch (SQLException e) {
          if (why[0] != null) {
            throw new QueryStoppedException("the query was " + why[0], e);
          }
          throw e;
        }
        if (why[0] != null) {
          throw new QueryStoppedException("the query was " + why[0], null);
        }
        return result;
      }
    } catch (SQLException e) {
      throw StoreErrors.of(db, e);
    }
  }
}
