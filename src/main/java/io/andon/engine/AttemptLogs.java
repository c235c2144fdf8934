package io.andon.engine;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Where the attempts of a run write their logs and values files, and reading them back. */
final class AttemptLogs {
  /** Longest task key used as it is in file names: Databricks' own limit for task_key. */
  static final int KEY_IN_FILE_NAME = 100;

  /** The folder of a run's values files, in its log folder. */
  static final String VALUES_DIR = "values";

  private AttemptLogs() {}

  /** The log folder of run {@code runId}: {@code <home>/logs/run-<id>}. */
  static Path runLogDir(Path home, long runId) {
    return home.resolve("logs").resolve("run-" + runId);
  }

  /**
   * Creates the log folder {@code dir} of a run, with its values folder: true when it did not exist
   * before, so that no attempt file in it can be stale.
   */
  static boolean createRunLogDir(Path home, Path dir) {
    boolean created = !Files.exists(dir);
    try {
      Files.createDirectories(dir.resolve(VALUES_DIR));
    } catch (IOException e) {
      throw new io.andon.error.InvalidInputException(
          "cannot create the log folder under "
              + home
              + " ("
              + e.getMessage()
              + "); check that the andon home is writable.",
          e);
    }
    return created;
  }

  /**
   * The log of attempt {@code attempt} of a task (or of its for_each {@code iteration}, -1 for
   * none) in the run's log folder {@code dir}: {@code
   * <home>/logs/run-<id>/<task_key>[.iteration-<i>].attempt-<n>.log}, with the task key as {@link
   * #fileStem} gives it.
   */
  static Path logPath(Path dir, String taskKey, int iteration, int attempt) {
    String name =
        fileStem(taskKey)
            + (iteration < 0 ? "" : ".iteration-" + iteration)
            + ".attempt-"
            + attempt
            + ".log";
    return dir.resolve(name);
  }

  /** The values file of the attempt that logs to {@code log}, in the values folder beside it. */
  static Path valuesPath(Path log) {
    // values files have a folder of their own: few tasks write one, and looking for a file that
    // is not there costs less among a few names than among a run's thousands of logs
    return log.resolveSibling(VALUES_DIR)
        .resolve(log.getFileName().toString().replace(".log", ".values"));
  }

  /**
   * A task key as the start of its file names: the key itself up to {@link #KEY_IN_FILE_NAME}
   * characters, and a longer one as its first 80 characters, '~' and 16 hex digits of its SHA-256.
   * Task keys are ASCII and hold no '~', so the names stay distinct, and with the longest suffix
   * andon adds they stay far below the 255 bytes file systems allow for a name.
   */
  static String fileStem(String taskKey) {
    if (taskKey.length() <= KEY_IN_FILE_NAME) {
      return taskKey;
    }
    byte[] hash;
    try {
      hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(taskKey.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
    return taskKey.substring(0, 80) + "~" + java.util.HexFormat.of().formatHex(hash, 0, 8);
  }

  /** The last line of {@code log}, as ": line" (at most 200 characters), or "". */
  static String lastLine(Path log) {
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long len = f.length();
      int n = (int) Math.min(len, 4096);
      byte[] b = new byte[n];
      f.seek(len - n);
      f.readFully(b);
      String tail = new String(b, StandardCharsets.UTF_8).strip();
      int nl = tail.lastIndexOf('\n');
      String line = nl < 0 ? tail : tail.substring(nl + 1);
      if (line.length() > 200) {
        line = line.substring(0, 200) + "...";
      }
      return line.isEmpty() ? "" : ": " + line;
    } catch (IOException e) {
      return "";
    }
  }

  /** Writes {@code text} as the whole of {@code log}. */
  static void write(Path log, String text) throws IOException {
    Files.writeString(log, text, StandardCharsets.UTF_8);
  }

  /** Appends {@code text} to {@code log}, best effort: the attempt has ended. */
  static void append(Path log, String text) {
    try {
      Files.writeString(
          log, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is best effort once the attempt has ended
    }
  }
}
