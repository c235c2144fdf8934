package io.andon.monitor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckNativeTest {
  private static final String ENTRY = DuckNative.PACKED + "libduckdb_java.so_linux_amd64";

  @TempDir Path tmp;

  @Test
  void namesTheLibraryOfEachPlatformAsTheDriverDoes() {
    assertThat(DuckNative.libraryName("Linux", "amd64")).contains("libduckdb_java.so_linux_amd64");
    assertThat(DuckNative.libraryName("Linux", "x86_64")).contains("libduckdb_java.so_linux_amd64");
    assertThat(DuckNative.libraryName("Linux", "aarch64"))
        .contains("libduckdb_java.so_linux_arm64");
    assertThat(DuckNative.libraryName("Mac OS X", "aarch64"))
        .contains("libduckdb_java.so_osx_universal");
    assertThat(DuckNative.libraryName("Windows 11", "amd64"))
        .contains("libduckdb_java.so_windows_amd64");
    assertThat(DuckNative.libraryName("Linux", "riscv64")).isEmpty();
    assertThat(DuckNative.libraryName("FreeBSD", "amd64")).isEmpty();
  }

  @Test
  void writesTheLibraryBesideTheJarOnceAndKeepsItOnLaterStarts() throws Exception {
    byte[] lib = randomBytes(3_000_000, 1);
    Path jar = jarWith(tmp.resolve("andon.jar"), ENTRY, lib);
    Path target = tmp.resolve("libduckdb_java.so_linux_amd64");

    DuckNative.Placement first = DuckNative.place(url(jar, ENTRY), target, jar);
    FileTime written = Files.getLastModifiedTime(target);
    DuckNative.Placement second = DuckNative.place(url(jar, ENTRY), target, jar);

    assertThat(first).isEqualTo(new DuckNative.Placement.Placed(target, true));
    assertThat(second).isEqualTo(new DuckNative.Placement.Placed(target, false));
    assertThat(Files.readAllBytes(target)).isEqualTo(lib);
    assertThat(Files.getLastModifiedTime(target))
        .isEqualTo(written)
        .isEqualTo(Files.getLastModifiedTime(jar));
    assertThat(Files.getPosixFilePermissions(target).toString()).contains("OTHERS_READ");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void replacesACopyOfAnotherSizeOrWhoseBytesDifferOnceTheJarIsNewer() throws Exception {
    byte[] lib = randomBytes(1_000_000, 2);
    Path jar = jarWith(tmp.resolve("andon.jar"), ENTRY, lib);
    Path target = tmp.resolve("libduckdb_java.so_linux_amd64");
    Files.write(target, randomBytes(999_999, 3));
    olderThan(target, jar);

    assertThat(DuckNative.place(url(jar, ENTRY), target, jar))
        .isEqualTo(new DuckNative.Placement.Placed(target, true));
    assertThat(Files.readAllBytes(target)).isEqualTo(lib);

    // the same size, other bytes, older than the jar: a library of another DuckDB build
    Files.write(target, randomBytes(1_000_000, 4));
    olderThan(target, jar);
    assertThat(DuckNative.place(url(jar, ENTRY), target, jar))
        .isEqualTo(new DuckNative.Placement.Placed(target, true));
    assertThat(Files.readAllBytes(target)).isEqualTo(lib);
  }

  @Test
  void checksACopyOlderThanTheJarByItsCrcAndKeepsItWhenItMatches() throws Exception {
    byte[] lib = randomBytes(1_000_000, 5);
    Path jar = jarWith(tmp.resolve("andon.jar"), ENTRY, lib);
    Path target = tmp.resolve("libduckdb_java.so_linux_amd64");
    Files.write(target, lib);
    olderThan(target, jar);

    assertThat(DuckNative.place(url(jar, ENTRY), target, jar))
        .isEqualTo(new DuckNative.Placement.Placed(target, false));
    // checked once: from now on it bears the jar's time, so later starts skip the check
    assertThat(Files.getLastModifiedTime(target)).isEqualTo(Files.getLastModifiedTime(jar));
  }

  @Test
  void checksACopyAgainWhenTheJarIsReplacedEvenByAnOlderOne() throws Exception {
    byte[] lib = randomBytes(1_000_000, 8);
    Path jar = jarWith(tmp.resolve("andon.jar"), ENTRY, lib);
    Path target = tmp.resolve("libduckdb_java.so_linux_amd64");
    DuckNative.place(url(jar, ENTRY), target, jar);

    byte[] older = randomBytes(1_000_000, 9);
    jarWith(jar, ENTRY, older);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000_000_000L));

    assertThat(DuckNative.place(url(jar, ENTRY), target, jar))
        .isEqualTo(new DuckNative.Placement.Placed(target, true));
    assertThat(Files.readAllBytes(target)).isEqualTo(older);
  }

  @Test
  void saysWhereAndWhatToDoWhenTheFolderBesideTheJarCannotBeWritten() throws Exception {
    Path jar = jarWith(tmp.resolve("andon.jar"), ENTRY, randomBytes(1000, 6));
    Path notAFolder = Files.writeString(tmp.resolve("plain-file"), "x");
    Path target = notAFolder.resolve("libduckdb_java.so_linux_amd64");

    DuckNative.Placement p = DuckNative.place(url(jar, ENTRY), target, jar);

    assertThat(p).isInstanceOf(DuckNative.Placement.Unavailable.class);
    assertThat(((DuckNative.Placement.Unavailable) p).reason())
        .contains("must sit beside andon's jar in " + notAFolder)
        .contains("Run andon once as a user who may write to")
        .contains("unpack " + ENTRY);
  }

  @Test
  void saysSoWhenTheJarHasNoSuchEntry() throws Exception {
    Path jar = jarWith(tmp.resolve("andon.jar"), ENTRY, randomBytes(1000, 7));
    Path target = tmp.resolve("libduckdb_java.so_linux_amd64");

    DuckNative.Placement p = DuckNative.place(url(jar, ENTRY + "-gone"), target, jar);

    assertThat(p).isInstanceOf(DuckNative.Placement.Unavailable.class);
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void onTheDevelopmentClassPathLeavesUnpackingToTheDriver() {
    // the driver's own jar, with its library at its root, is on the test class path
    assertThat(DuckNative.prepare()).isEqualTo(new DuckNative.Placement.DriverUnpacks());
  }

  /**
   * Real processes on a class path laid out as andon.jar's: the driver's classes in a jar without
   * its library, the library under andon's path in another. Three start at once on an empty folder;
   * each must load a whole library and answer a query, and none may unpack into the temporary
   * folder.
   */
  @Test
  void processesStartingAtOnceEachLoadTheLibraryPlacedOnceBesideTheDriverWithoutUnpacking()
      throws Exception {
    Path driverJar =
        Path.of(
            org.duckdb.DuckDBDriver.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    Optional<String> name =
        DuckNative.libraryName(System.getProperty("os.name"), System.getProperty("os.arch"));
    assumeThat(name).isPresent();
    Path app = Files.createDirectories(tmp.resolve("app"));
    Path classesOnly = app.resolve("duckdb-classes.jar");
    Path packed = tmp.resolve("packed.jar");
    try (JarFile driver = new JarFile(driverJar.toFile())) {
      JarEntry lib = driver.getJarEntry(name.get());
      assumeThat(lib).isNotNull();
      copyWithout(driver, classesOnly, "libduckdb_java.so_");
      try (InputStream in = driver.getInputStream(lib)) {
        jarWith(packed, DuckNative.PACKED + name.get(), in.readAllBytes());
      }
    }
    Path tmpdir = Files.createDirectories(tmp.resolve("java-tmp"));
    String classPath =
        Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(e -> !e.contains("duckdb_jdbc"))
            .collect(Collectors.joining(java.io.File.pathSeparator));
    classPath =
        classesOnly + java.io.File.pathSeparator + packed + java.io.File.pathSeparator + classPath;

    List<CompletableFuture<String>> runs = new ArrayList<>();
    List<Process> procs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Process p = probe(classPath, tmpdir);
      procs.add(p);
      runs.add(output(p));
    }
    for (Process p : procs) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    }
    Path placed = app.toRealPath().resolve(name.get());
    for (int i = 0; i < 3; i++) {
      assertThat(runs.get(i).get(10, TimeUnit.SECONDS))
          .contains("Placed[file=" + placed)
          .contains("answer=42");
      assertThat(procs.get(i).exitValue()).isZero();
    }
    String later = output(probe(classPath, tmpdir)).get(120, TimeUnit.SECONDS);
    assertThat(later).contains("Placed[file=" + placed + ", written=false]").contains("answer=42");
    try (var files = Files.list(tmpdir)) {
      assertThat(files.map(Path::toString)).noneMatch(f -> f.contains("duckdb"));
    }
    try (var files = Files.list(app)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("duckdb-classes.jar", name.get());
    }
  }

  private static Process probe(String classPath, Path tmpdir) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-javaagent:") && a.contains("jacoco"))
        .forEach(cmd::add);
    cmd.addAll(
        List.of("-Djava.io.tmpdir=" + tmpdir, "-cp", classPath, DuckNativeProbe.class.getName()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    return p;
  }

  private static CompletableFuture<String> output(Process p) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "(output not read: " + e.getMessage() + ")";
          }
        });
  }

  private static void copyWithout(JarFile from, Path to, String prefix) throws IOException {
    try (OutputStream os = Files.newOutputStream(to);
        JarOutputStream out = new JarOutputStream(os)) {
      Enumeration<JarEntry> entries = from.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.getName().startsWith(prefix)) {
          continue;
        }
        out.putNextEntry(new JarEntry(e.getName()));
        try (InputStream in = from.getInputStream(e)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  /** A jar holding {@code bytes}, stored uncompressed as andon's build would carry them. */
  private static Path jarWith(Path jar, String entry, byte[] bytes) throws IOException {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    try (OutputStream os = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(os)) {
      JarEntry e = new JarEntry(entry);
      e.setMethod(ZipEntry.STORED);
      e.setSize(bytes.length);
      e.setCompressedSize(bytes.length);
      e.setCrc(crc.getValue());
      out.putNextEntry(e);
      out.write(bytes);
      out.closeEntry();
    }
    return jar;
  }

  private static URL url(Path jar, String entry) throws IOException {
    return new URL("jar:" + jar.toUri() + "!/" + entry);
  }

  private static void olderThan(Path file, Path jar) throws IOException {
    long jarTime = Files.getLastModifiedTime(jar).toMillis();
    Files.setLastModifiedTime(file, FileTime.fromMillis(jarTime - 60_000));
  }

  private static byte[] randomBytes(int n, long seed) {
    byte[] b = new byte[n];
    new Random(seed).nextBytes(b);
    return b;
  }
}
