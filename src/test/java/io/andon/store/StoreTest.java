package io.andon.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.andon.error.InvalidInputException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  @TempDir Path tmp;

  @Test
  void opensInWalModeAndAppliesMigrationsOnce() throws Exception {
    try (Store s = Store.open(tmp)) {
      String mode = StoreRows.first(s, "PRAGMA journal_mode");
      assertThat(mode).isEqualToIgnoringCase("wal");
    }
    try (Store s = Store.open(tmp)) {
      String n =
          StoreRows.first(
              s, "SELECT COUNT(*) FROM schema_version WHERE version = 'V001__runs.sql'");
      assertThat(n).isEqualTo("1");
    }
  }

  @Test
  void aStoreLockedByAnotherProcessGivesAClearError() throws Exception {
    Store.open(tmp).close();
    try (Connection other =
            DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve(Store.DB_FILE));
        Statement st = other.createStatement()) {
      st.execute("BEGIN EXCLUSIVE");
      try (Store s = Store.open(tmp)) {
        assertThatThrownBy(
                () ->
                    s.tx(
                        c -> {
                          try (Statement w = c.createStatement()) {
                            w.execute("UPDATE runs SET state = state");
                          }
                          return null;
                        }))
            .isInstanceOf(InvalidInputException.class)
            .hasMessageContaining("is locked by another process");
      } catch (InvalidInputException e) {
        assertThat(e).hasMessageContaining("is locked by another process");
      }
      st.execute("ROLLBACK");
    }
  }

  @Test
  void sqliteNativeLibraryComesFromTheUsersCacheOnceCopiedThere() throws Exception {
    try (Store s = Store.open(tmp)) {
      s.read(c -> c.createStatement().execute("SELECT 1"));
    }
    java.util.Optional<Path> dir = NativeLibraryCache.cacheDir();
    org.junit.jupiter.api.Assumptions.assumeTrue(dir.isPresent(), "no home folder");
    assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(dir.get().toString());
    Path lib = dir.get().resolve(System.getProperty("org.sqlite.lib.name"));
    assertThat(lib.getFileName().toString()).matches("sqlitejdbc-[0-9a-f]+-libsqlitejdbc\\.so");
    try (var in =
        org.sqlite.JDBC.class.getResourceAsStream(
            "/org/sqlite/native/"
                + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS()
                + "/libsqlitejdbc.so")) {
      assertThat(java.nio.file.Files.readAllBytes(lib)).isEqualTo(in.readAllBytes());
    }
    assertThat(java.nio.file.Files.readString(NativeLibraryCache.marker(dir.get())))
        .isEqualTo(org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS());
  }

  @Test
  void theDriversFolderForThisPlatformIsDetectedOnceAndRemembered() throws Exception {
    Path dir = tmp.resolve("cache");
    int[] detections = {0};
    java.util.function.Supplier<String> detect =
        () -> {
          detections[0]++;
          return "Linux-Musl/aarch64";
        };
    assertThat(NativeLibraryCache.folder(dir, detect)).isEqualTo("Linux-Musl/aarch64");
    assertThat(NativeLibraryCache.folder(dir, detect)).isEqualTo("Linux-Musl/aarch64");
    assertThat(detections[0]).isEqualTo(1);
    assertThat(java.nio.file.Files.readString(NativeLibraryCache.marker(dir)))
        .isEqualTo("Linux-Musl/aarch64");
    try (var files = java.nio.file.Files.list(dir)) {
      assertThat(files).hasSize(1); // no temporary file left behind
    }
  }

  @Test
  void aRememberedFolderThatIsNotAFolderNameIsDetectedAgain() throws Exception {
    Path dir = tmp.resolve("cache");
    java.nio.file.Files.createDirectories(dir);
    for (String bad : new String[] {"../../etc", "", "Linux/x86_64/", "/Linux"}) {
      java.nio.file.Files.writeString(NativeLibraryCache.marker(dir), bad);
      assertThat(NativeLibraryCache.folder(dir, () -> "Linux/x86_64")).isEqualTo("Linux/x86_64");
      assertThat(java.nio.file.Files.readString(NativeLibraryCache.marker(dir)))
          .isEqualTo("Linux/x86_64");
    }
  }

  @Test
  void aCacheThatCannotBeWrittenStillGivesTheFolder() throws Exception {
    Path file = tmp.resolve("not-a-folder");
    java.nio.file.Files.writeString(file, "x");
    assertThat(NativeLibraryCache.folder(file.resolve("native"), () -> "Linux/x86_64"))
        .isEqualTo("Linux/x86_64");
  }

  @Test
  void preloadingTheNativeLibraryLeavesNoHomeBehind() throws Exception {
    Store.preload();
    try (Store s = Store.open(tmp.resolve("home"))) {
      String version = StoreRows.first(s, "SELECT sqlite_version()");
      assertThat(version).startsWith("3.");
    }
    assertThat(java.nio.file.Files.list(tmp).map(p -> p.getFileName().toString()))
        .containsExactly("home");
  }
}
