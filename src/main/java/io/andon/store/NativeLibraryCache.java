package io.andon.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps SQLite's native library, which the driver otherwise copies out of the jar at every start
 * (about 0.13 s of each command), in the user's cache folder: {@code $XDG_CACHE_HOME/andon/native}
 * or {@code ~/.cache/andon/native}. The file is named after the jar entry's CRC, so another driver
 * version gets a file of its own; it is written to a temporary name and moved into place, so a
 * reader never sees half of it. When anything is missing (no home, a read-only cache, an unpacked
 * class path), the driver does what it always does.
 */
final class NativeLibraryCache {
  private static volatile boolean done;

  private NativeLibraryCache() {}

  static synchronized void use() {
    if (done) {
      return;
    }
    done = true;
    if (System.getProperty("org.sqlite.lib.path") != null) {
      return; // chosen by whoever started the JVM
    }
    try {
      Optional<Path> dir = cacheDir();
      if (dir.isEmpty()) {
        return;
      }
      String lib = System.mapLibraryName("sqlitejdbc");
      URL url =
          org.sqlite.JDBC.class.getResource(
              "/org/sqlite/native/" + folder(dir.get(), DETECT) + "/" + lib);
      if (url == null) {
        // a remembered folder this driver does not have: ask the driver again
        Files.deleteIfExists(marker(dir.get()));
        url =
            org.sqlite.JDBC.class.getResource(
                "/org/sqlite/native/" + folder(dir.get(), DETECT) + "/" + lib);
      }
      if (url == null) {
        return;
      }
      URLConnection uc = url.openConnection();
      if (!(uc instanceof JarURLConnection jar)
          || jar.getJarEntry() == null
          || jar.getJarEntry().getCrc() < 0
          || jar.getJarEntry().getSize() < 0) {
        return;
      }
      long size = jar.getJarEntry().getSize();
      Path file =
          dir.get()
              .resolve("sqlitejdbc-" + Long.toHexString(jar.getJarEntry().getCrc()) + "-" + lib);
      if (!Files.isRegularFile(file) || Files.size(file) != size) {
        Files.createDirectories(dir.get());
        Path tmp = Files.createTempFile(dir.get(), "sqlitejdbc", ".part");
        try (InputStream in = url.openStream()) {
          Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(
              tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
        if (Files.size(file) != size) {
          return;
        }
      }
      System.setProperty("org.sqlite.lib.path", dir.get().toString());
      System.setProperty("org.sqlite.lib.name", file.getFileName().toString());
    } catch (IOException | RuntimeException | LinkageError e) {
      // the driver extracts the library itself
    }
  }

  private static final Supplier<String> DETECT =
      org.sqlite.util.OSInfo::getNativeLibFolderPathForCurrentOS;

  /**
   * The driver's folder for this platform ({@code Linux/x86_64}, say), remembered in the cache
   * folder: the driver finds it by running {@code uname -o} (to tell Termux on Android from other
   * Linux systems), a process of its own at every start. A remembered folder that the driver turns
   * out not to have, or a library there that does not load, costs a start the driver's own way.
   */
  static String folder(Path dir, Supplier<String> detect) {
    Path marker = marker(dir);
    try {
      String known = Files.readString(marker, StandardCharsets.UTF_8).trim();
      if (known.matches("[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+)*")) {
        return known;
      }
    } catch (IOException | RuntimeException e) {
      // not remembered yet, or unreadable: detect it
    }
    String found = detect.get();
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, "folder", ".part");
      try {
        Files.writeString(tmp, found, StandardCharsets.UTF_8);
        Files.move(
            tmp, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // a read-only cache: detect again next time
    }
    return found;
  }

  /** Where {@link #folder} keeps its answer: one file per operating system and architecture. */
  static Path marker(Path dir) {
    String key =
        (System.getProperty("os.name", "") + "-" + System.getProperty("os.arch", ""))
            .replaceAll("[^A-Za-z0-9_.-]", "_");
    return dir.resolve("folder-" + key);
  }

  /** {@code $XDG_CACHE_HOME/andon/native}, else {@code ~/.cache/andon/native}. */
  static Optional<Path> cacheDir() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Optional.of(Path.of(xdg, "andon", "native"));
    }
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank() || home.equals("?")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(home, ".cache", "andon", "native"));
  }
}
