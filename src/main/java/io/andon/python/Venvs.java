package io.andon.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A virtual environment per distinct dependency set, under {@code <home>/python/envs/<hash>}: made
 * with {@code python -m venv --system-site-packages} (the interpreter's own packages stay visible,
 * as a Databricks runtime's are) and pip, once, then reused. The hash covers the interpreter, the
 * requirement strings and the contents of local wheels, so a rebuilt wheel with other code gets an
 * environment of its own. Only local files: pip runs with {@code --no-index} and works offline.
 */
final class Venvs {
  private static final String READY = ".andon-ready";
  private static final Pattern MISSING =
      Pattern.compile("No matching distribution found for (\\S+)");

  private Venvs() {}

  /**
   * The Python of the environment holding {@code requirements} (pip arguments: wheel paths,
   * requirement strings, {@code -r file}), made now if it does not exist yet.
   */
  @SuppressWarnings("try") // the file lock is held by its try block, for other processes
  static Path ensure(Path home, Interpreter base, List<String> requirements, PrintStream log) {
    String hash = hash(base, requirements);
    Path dir = home.toAbsolutePath().resolve("python").resolve("envs").resolve(hash);
    Path python = dir.resolve("bin").resolve("python");
    if (Files.isRegularFile(dir.resolve(READY))) {
      return python;
    }
    synchronized (hash.intern()) {
      try {
        Files.createDirectories(dir.getParent());
        try (FileChannel ch =
                FileChannel.open(
                    dir.getParent().resolve(hash + ".lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = ch.lock()) {
          if (!Files.isRegularFile(dir.resolve(READY))) {
            create(base, dir, requirements, log);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return python;
  }

  private static void create(Interpreter base, Path dir, List<String> requirements, PrintStream log)
      throws IOException {
    deleteTree(dir);
    log.println("andon: making the task's Python environment " + dir);
    run(
        log,
        "python -m venv",
        List.of(
            base.path().toString(),
            "-m",
            "venv",
            "--without-pip",
            "--system-site-packages",
            dir.toString()));
    List<String> pip =
        new ArrayList<>(
            List.of(
                dir.resolve("bin").resolve("python").toString(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--no-input"));
    boolean local = requirements.stream().allMatch(r -> r.endsWith(".whl"));
    if (local) {
      pip.add("--no-index");
    }
    pip.addAll(requirements);
    String out = run(log, "pip install", pip);
    Files.writeString(
        dir.resolve(READY),
        String.join("\n", requirements) + "\n" + out.length(),
        StandardCharsets.UTF_8);
  }

  private static String run(PrintStream log, String what, List<String> cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    StringBuilder all = new StringBuilder();
    try (InputStream in = p.getInputStream()) {
      new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .forEach(
              l -> {
                log.println(l);
                all.append(l).append('\n');
              });
      int rc = p.waitFor();
      if (rc != 0) {
        Matcher m = MISSING.matcher(all);
        if (m.find()) {
          throw new PythonTaskException(
              "pip cannot install package '"
                  + m.group(1)
                  + "': no"
                  + " package index it can reach has it (andon installs local wheel files offline;"
                  + " give '"
                  + m.group(1)
                  + "' as a wheel in the task's libraries, or make an index"
                  + " reachable).");
        }
        if (all.indexOf("No module named pip") >= 0) {
          throw new PythonTaskException(
              "the task needs packages installed, but "
                  + cmd.get(0)
                  + " has no pip; install pip for that Python (Debian: apt-get install python3-pip"
                  + " python3-venv).");
        }
        throw new PythonTaskException(
            what + " failed with status " + rc + " (its output is in" + " the task's log).");
      }
      return all.toString();
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PythonTaskException(what + " was interrupted");
    }
  }

  static String hash(Interpreter base, List<String> requirements) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update((base.path() + "\n" + base.version() + "\n").getBytes(StandardCharsets.UTF_8));
      for (String r : requirements.stream().sorted().toList()) {
        md.update((r + "\n").getBytes(StandardCharsets.UTF_8));
        if (r.endsWith(".whl") && Files.isRegularFile(Path.of(r))) {
          md.update(wheelContent(Path.of(r)));
        }
      }
      return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The wheel's RECORD (hashes of its files, not their times), else its bytes. */
  private static byte[] wheelContent(Path wheel) {
    try (ZipFile z = new ZipFile(wheel.toFile())) {
      Optional<? extends ZipEntry> record =
          z.stream().filter(e -> e.getName().endsWith(".dist-info/RECORD")).findFirst();
      if (record.isPresent()) {
        try (InputStream in = z.getInputStream(record.get())) {
          return in.readAllBytes();
        }
      }
      return Files.readAllBytes(wheel);
    } catch (IOException e) {
      throw new PythonTaskException("wheel " + wheel + " cannot be read: " + e.getMessage());
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
