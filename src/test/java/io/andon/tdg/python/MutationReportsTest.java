package io.andon.tdg.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.andon.error.InvalidInputException;
import io.andon.tdg.Tdg;
import io.andon.tdg.TdgConfig;
import io.andon.tdg.TdgReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation results of mutmut (2 and 3) and, for the Rust demo crate, cargo-mutants, found where the
 * tools write them.
 */
class MutationReportsTest {
  static final Path TDG = Path.of("src/test/resources/tdg");

  private static TdgReport grade(Path root) {
    return Tdg.run(
        new Tdg.Request(
            root,
            TdgConfig.load(root, Optional.empty()),
            List.of(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Optional.empty()));
  }

  private static Map<String, Object> coverage(TdgReport r) {
    return r.component("coverage").orElseThrow().metrics();
  }

  @Test
  void cargoMutantsOutcomesCountCaughtAndTimedOutMutantsAsDetectedAndLeaveUnviableOut(
      @TempDir Path tmp) throws IOException {
    Path root = PythonProjectGradingTest.copy(TDG.resolve("rust-demo"), tmp);
    PythonProjectGradingTest.copy(TDG.resolve("mutation/cargo-mutants"), tmp);
    TdgReport r = grade(root);
    // 2 caught + 1 timeout of 4 viable mutants; the baseline and the unviable one do not count
    assertThat(coverage(r))
        .containsEntry("mutants_detected", 3L)
        .containsEntry("mutants_total", 4L)
        .containsEntry("mutation", 75.0);
    assertThat((List<?>) coverage(r).get("reports"))
        .anySatisfy(
            s -> assertThat(s.toString()).endsWith("mutants.out/outcomes.json (cargo-mutants)"));
    assertThat(r.notMeasured()).doesNotContain("coverage.mutation");
    assertThat(r.component("coverage").orElseThrow().score().getAsDouble())
        .isCloseTo(100 * (0.5 * 12 / 13 + 0.2 * 0.75) / 0.7, within(0.05));
  }

  @Test
  void mutmut3MetaFilesAreReadWithMutmutsOwnExitCodeTable(@TempDir Path tmp) throws IOException {
    Path root = PythonProjectGradingTest.copy(TDG.resolve("python-ml"), tmp);
    PythonProjectGradingTest.copy(TDG.resolve("mutation/mutmut3"), tmp);
    TdgReport r = grade(root);
    // killed 1, 1, 1, timeout 36: detected; survived 0 and no tests 33: not; skipped 34,
    // not checked (null) and suspicious 35 carry no verdict
    assertThat(coverage(r))
        .containsEntry("mutants_detected", 4L)
        .containsEntry("mutants_total", 6L);
    assertThat(r.notMeasured()).doesNotContain("coverage.mutation");
  }

  @Test
  void aMutmut2CacheIsReadFromItsSqliteTables(@TempDir Path tmp) throws IOException, SQLException {
    Path root = PythonProjectGradingTest.copy(TDG.resolve("python-ml"), tmp);
    // the tables mutmut 2 (Pony ORM) creates in .mutmut-cache, with one row per mutant
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + root.resolve(".mutmut-cache"));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "CREATE TABLE \"MiscData\" (\"key\" TEXT NOT NULL PRIMARY KEY," + " \"value\" TEXT)");
      s.executeUpdate(
          "CREATE TABLE \"SourceFile\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " \"filename\" TEXT NOT NULL, \"hash\" TEXT)");
      s.executeUpdate(
          "CREATE TABLE \"Line\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " \"sourcefile\" INTEGER NOT NULL REFERENCES \"SourceFile\" (\"id\") ON DELETE"
              + " CASCADE, \"line\" TEXT, \"line_number\" INTEGER NOT NULL)");
      s.executeUpdate(
          "CREATE TABLE \"Mutant\" (\"id\" INTEGER PRIMARY KEY AUTOINCREMENT,"
              + " \"line\" INTEGER NOT NULL REFERENCES \"Line\" (\"id\") ON DELETE CASCADE,"
              + " \"index\" INTEGER NOT NULL, \"tested_against_hash\" TEXT, \"status\" TEXT NOT"
              + " NULL)");
      s.executeUpdate("INSERT INTO \"SourceFile\" VALUES (1, 'fraudml/train.py', 'ab12')");
      s.executeUpdate(
          "INSERT INTO \"Line\" VALUES (1, 1, '        return sum(w * x for w, x"
              + " in zip(self.weights, xs))', 12), (2, 1, '    for _ in range(epochs):', 21)");
      s.executeUpdate(
          "INSERT INTO \"Mutant\" VALUES (1, 1, 0, 'ab12', 'ok_killed'),"
              + " (2, 1, 1, 'ab12', 'bad_survived'), (3, 2, 0, 'ab12', 'bad_timeout'),"
              + " (4, 2, 1, NULL, 'untested'), (5, 2, 2, 'ab12', 'ok_suspicious'),"
              + " (6, 2, 3, NULL, 'skipped')");
    }
    TdgReport r = grade(root);
    assertThat(coverage(r))
        .containsEntry("mutants_detected", 2L)
        .containsEntry("mutants_total", 3L);
    assertThat((List<?>) coverage(r).get("reports"))
        .anySatisfy(s -> assertThat(s.toString()).endsWith(".mutmut-cache (mutmut)"));
  }

  @Test
  void withoutMutationResultsMutationIsNotMeasured() {
    TdgReport r = grade(TDG.resolve("rust-demo"));
    assertThat(r.notMeasured()).contains("coverage.mutation");
    assertThat(coverage(r).get("mutation")).isNull();
  }

  @Test
  void aDamagedMutmutCacheIsAnErrorSayingWhatToDo(@TempDir Path tmp) throws IOException {
    Path root = PythonProjectGradingTest.copy(TDG.resolve("python-ml"), tmp);
    Files.write(root.resolve(".mutmut-cache"), "SQLite format 3\0 but nothing else".getBytes());
    assertThatThrownBy(() -> grade(root))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(".mutmut-cache: not a mutmut 2 cache")
        .hasMessageContaining("Run mutmut again");
  }
}
