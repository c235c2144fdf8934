package io.andon.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * andon's Python package ({@code andon.dbutils} and the task runner), shipped in the jar and
 * extracted once under {@code <home>/python/lib-<hash>}, a folder per version of its files. Tasks
 * run it as {@code python -m andon}, which writes the package's {@code .pyc} files there on first
 * use (even under {@code PYTHONDONTWRITEBYTECODE}), so later tasks do not compile it again.
 */
final class PythonLib {
  static final List<String> FILES =
      List.of("__init__.py", "__main__.py", "dbutils.py", "_runner.py");
  private static final Map<Path, Path> EXTRACTED = new ConcurrentHashMap<>();

  private PythonLib() {}

  /** The folder to put on PYTHONPATH, extracted if needed. */
  static Path dir(Path home) {
    return EXTRACTED.computeIfAbsent(home.toAbsolutePath().normalize(), PythonLib::extract);
  }

  /** The package's entry point in {@code dir}, present once the folder is complete. */
  private static Path main(Path dir) {
    return dir.resolve("andon").resolve("__main__.py");
  }

  private static Path extract(Path home) {
    try {
      Map<String, byte[]> files = new LinkedHashMap<>();
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (String f : FILES) {
        try (InputStream in = PythonLib.class.getResourceAsStream("andon/" + f)) {
          if (in == null) {
            throw new IllegalStateException(
                "andon's Python file " + f + " is missing from the" + " jar");
          }
          byte[] b = in.readAllBytes();
          files.put(f, b);
          md.update(f.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update(b);
        }
      }
      String hash = HexFormat.of().formatHex(md.digest()).substring(0, 16);
      Path dir = home.resolve("python").resolve("lib-" + hash);
      if (Files.isRegularFile(main(dir))) {
        return dir;
      }
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), "lib-tmp-");
      Files.createDirectories(tmp.resolve("andon"));
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Files.write(tmp.resolve("andon").resolve(e.getKey()), e.getValue());
      }
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException
          | AtomicMoveNotSupportedException
          | java.nio.file.DirectoryNotEmptyException e) {
        Venvs.deleteTree(tmp); // another process extracted the same files first
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
