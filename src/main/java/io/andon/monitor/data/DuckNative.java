package io.andon.monitor.data;

import io.andon.error.AndonException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;

/**
 * DuckDB's native library, placed once beside andon's jar instead of unpacked at every start.
 *
 * <p>DuckDB's JDBC driver looks for its library ({@code libduckdb_java.so_<os>_<arch>}, 57 MB on
 * Linux) at the root of the class path and, when it finds it there, inflates it into a new
 * temporary file and loads that: 0.3 CPU s and, on a busy machine, most of a second of every start.
 * When the class path holds no such file, the driver loads the file of that name beside its own
 * jar. andon.jar therefore carries the libraries under {@value #PACKED} instead, and before the
 * driver first loads this class copies the one for this machine beside the jar, checked against the
 * size and CRC-32 the jar records for it. A copy that differs (a jar rebuilt with another DuckDB)
 * is replaced; copies are written to a file of their own and renamed into place, so two andon
 * processes starting at once each load a whole library. On a development class path, where the
 * driver's jar is itself on the class path, the driver unpacks as it always did.
 */
public final class DuckNative {
  /** Where in andon.jar the libraries live. */
  static final String PACKED = "io/andon/monitor/data/native/";

  private static Placement prepared;

  private DuckNative() {}

  /** What {@link #place} found or did. */
  public sealed interface Placement {
    /** The driver's own copy is on the class path: it unpacks it as usual. */
    record DriverUnpacks() implements Placement {}

    /** The library is at {@code file}; {@code written} if this call wrote it. */
    record Placed(Path file, boolean written) implements Placement {
      public Placed {
        Objects.requireNonNull(file, "file");
      }
    }

    /** The library cannot be placed: {@code reason} says why and what to do. */
    record Unavailable(String reason) implements Placement {
      public Unavailable {
        Objects.requireNonNull(reason, "reason");
      }
    }
  }

  /**
   * Makes sure DuckDB's driver can load its library without unpacking it; call before the driver
   * class is first used. Throws when the library is neither beside the jar nor can be put there.
   */
  public static synchronized Placement prepare() {
    if (prepared == null) {
      prepared = placeForDriver();
    }
    if (prepared instanceof Placement.Unavailable u) {
      throw new AndonException(u.reason(), 3);
    }
    return prepared;
  }

  private static Placement placeForDriver() {
    ClassLoader loader = DuckNative.class.getClassLoader();
    Optional<String> name =
        libraryName(System.getProperty("os.name"), System.getProperty("os.arch"));
    if (name.isEmpty() || loader.getResource(name.get()) != null) {
      // an unknown platform (the driver says so) or the driver's own copy on the class path
      return new Placement.DriverUnpacks();
    }
    URL packed = loader.getResource(PACKED + name.get());
    if (packed == null) {
      return new Placement.DriverUnpacks();
    }
    try {
      Class<?> driver = Class.forName("org.duckdb.DuckDBDriver", false, loader);
      Path jar = Paths.get(driver.getProtectionDomain().getCodeSource().getLocation().toURI());
      return place(packed, jar.getParent().toRealPath().resolve(name.get()), jar);
    } catch (ReflectiveOperationException | URISyntaxException | IOException | RuntimeException e) {
      // a class path of another kind (a jar inside a jar, a network location)
      return new Placement.Unavailable(
          "cannot find the folder of DuckDB's driver ("
              + e
              + "), beside which its native library must sit: run andon from its own jar, as"
              + " ./andon and java -jar target/andon.jar do.");
    }
  }

  /**
   * The driver's name for this platform's library ({@code libduckdb_java.so_linux_amd64}), the same
   * mapping as the driver's own; empty for a platform it has no library for.
   */
  static Optional<String> libraryName(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT).trim();
    String arch =
        switch (osArch.toLowerCase(Locale.ROOT).trim()) {
          case "x86_64", "amd64" -> "amd64";
          case "aarch64", "arm64" -> "arm64";
          default -> "";
        };
    if (os.startsWith("mac")) {
      return Optional.of("libduckdb_java.so_osx_universal");
    }
    String family = os.startsWith("windows") ? "windows" : os.startsWith("linux") ? "linux" : "";
    if (family.isEmpty() || arch.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("libduckdb_java.so_" + family + "_" + arch);
  }

  /**
   * Places the jar entry at {@code packed} at {@code target} unless a file with the entry's size
   * and CRC-32 is there already. The copy takes the jar's modification time once checked or
   * written, and a copy with the jar's very time is taken as it is: opening the jar's entry and
   * reading 57 MB for their CRC would cost every start 50 ms.
   */
  static Placement place(URL packed, Path target, Path jar) {
    Optional<FileTime> jarTime = modified(jar);
    if (jarTime.isPresent() && modified(target).equals(jarTime)) {
      return new Placement.Placed(target, false);
    }
    JarURLConnection conn;
    try {
      conn = (JarURLConnection) packed.openConnection();
      // a jar of its own, closed below: a cached one would outlive a rebuilt jar
      conn.setUseCaches(false);
    } catch (IOException | ClassCastException e) {
      return unreadable(packed, e.toString());
    }
    try (JarFile jf = conn.getJarFile()) {
      JarEntry entry = jf.getJarEntry(conn.getEntryName());
      if (entry == null) {
        return unreadable(packed, "no such entry");
      }
      if (matches(target, entry.getSize(), entry.getCrc())) {
        jarTime.ifPresent(t -> stamp(target, t));
        return new Placement.Placed(target, false);
      }
      return write(jf, entry, target, jarTime);
    } catch (IOException e) {
      return unreadable(packed, e.toString());
    }
  }

  private static Placement unreadable(URL packed, String why) {
    return new Placement.Unavailable(
        "cannot read DuckDB's native library "
            + packed
            + " ("
            + why
            + "): andon's jar is damaged or incomplete; build it again with ./mvnw package.");
  }

  /** Writes the entry to a file of its own beside {@code target}, then renames it into place. */
  private static Placement write(
      JarFile jf, JarEntry entry, Path target, Optional<FileTime> jarTime) {
    Path dir = target.toAbsolutePath().getParent();
    Path part = null;
    try {
      part = Files.createTempFile(dir, target.getFileName() + ".", ".part");
      readableByAll(part);
      CRC32 written = new CRC32();
      try (InputStream in = jf.getInputStream(entry);
          FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          written.update(buf, 0, n);
          out.write(ByteBuffer.wrap(buf, 0, n));
        }
      }
      if (written.getValue() != entry.getCrc() || Files.size(part) != entry.getSize()) {
        throw new IOException("the copy does not match the jar's entry");
      }
      if (jarTime.isPresent()) {
        Files.setLastModifiedTime(part, jarTime.get());
      }
      moveIntoPlace(part, target);
      return new Placement.Placed(target, true);
    } catch (IOException | UncheckedIOException e) {
      deleteQuietly(part);
      return new Placement.Unavailable(
          "DuckDB's native library "
              + target.getFileName()
              + " must sit beside andon's jar in "
              + dir
              + ", and andon cannot write it there ("
              + e.getMessage()
              + "). Run andon once as a user who may write to "
              + dir
              + ", or unpack "
              + PACKED
              + target.getFileName()
              + " from andon's jar into "
              + target
              + ".");
    }
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void readableByAll(Path p) throws IOException {
    // a temporary file is its owner's alone; the library serves every user of the jar
    if (Files.getFileStore(p).supportsFileAttributeView("posix")) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  private static Optional<FileTime> modified(Path file) {
    try {
      return Optional.of(Files.getLastModifiedTime(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static void stamp(Path file, FileTime time) {
    try {
      Files.setLastModifiedTime(file, time);
    } catch (IOException e) {
      // the next start checks the file's CRC again
    }
  }

  /** Whether {@code file} holds exactly {@code size} bytes with the CRC-32 {@code crc}. */
  static boolean matches(Path file, long size, long crc) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() != size) {
        return false;
      }
      CRC32 sum = new CRC32();
      ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
      while (ch.read(buf) > 0) {
        buf.flip();
        sum.update(buf);
        buf.clear();
      }
      return sum.getValue() == crc;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path p) {
    if (p != null) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // a stray .part file does no harm: the next start writes its own
      }
    }
  }
}
