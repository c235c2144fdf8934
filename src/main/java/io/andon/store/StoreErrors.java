package io.andon.store;

import io.andon.error.AndonException;
import io.andon.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * What a failed SQLite call on the run store means to a user: a full disk (naming the file system
 * to free), a store locked by another process, a read-only store, a file that is not an andon
 * database; each with what to do.
 */
final class StoreErrors {
  private StoreErrors() {}

  /** The user error for {@code e}, raised on the database file {@code db}. */
  static AndonException of(Path db, SQLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.contains("SQLITE_FULL") || m.contains("disk is full")) {
      return new NoSpaceException(
          "no space left on "
              + fileSystem(db)
              + ": the run store "
              + db
              + " could not be written (what was committed before is kept). Free some space there,"
              + " or use another --home.",
          e);
    }
    if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
      return new InvalidInputException(
          "the run store "
              + db
              + " is locked by another process"
              + " and stayed locked for "
              + Store.BUSY_TIMEOUT_MS / 1000.0
              + " s. Wait for the other"
              + " andon command to finish, or use another --home.",
          e);
    }
    if (m.contains("SQLITE_READONLY") || m.contains("readonly")) {
      return new InvalidInputException(
          "the run store "
              + db
              + " is read-only. Pass --home DIR"
              + " (or set ANDON_HOME) to a writable folder.",
          e);
    }
    if (m.contains("SQLITE_NOTADB") || m.contains("not a database")) {
      return new InvalidInputException(
          db + " is not an andon database (" + m + "). Move it" + " away or use another --home.",
          e);
    }
    return new AndonException("run store " + db + ": " + m, 2, e);
  }

  /** The mount point of the file system holding {@code p}, else its folder. */
  private static Path fileSystem(Path p) {
    Path dir = p.toAbsolutePath().getParent();
    try {
      FileStore store = Files.getFileStore(dir);
      for (Path at = dir; at != null; at = at.getParent()) {
        if (!Files.getFileStore(at).equals(store)) {
          break;
        }
        dir = at;
      }
    } catch (IOException e) {
      // the folder is as near as we can tell
    }
    return dir;
  }
}
