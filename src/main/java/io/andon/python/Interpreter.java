package io.andon.python;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The Python that runs tasks: {@code ANDON_PYTHON}, else {@code python3} on {@code PATH}; its
 * version is checked once per path and process.
 *
 * @param path the interpreter
 * @param version its version, e.g. {@code 3.11.7}
 */
public record Interpreter(Path path, String version) {
  /** The oldest Python andon runs tasks with. */
  public static final int MIN_MINOR = 8;

  /** Per path given, the interpreter behind it (a shim such as pyenv's resolved) and version. */
  private static final Map<Path, Interpreter> PROBED = new ConcurrentHashMap<>();

  public Interpreter {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(version, "version");
  }

  /** The interpreter {@code env} names, checked; a {@link PythonTaskException} says why not. */
  public static Interpreter find(Map<String, String> env) {
    String given = env.getOrDefault("ANDON_PYTHON", "");
    Path path;
    if (!given.isBlank()) {
      path = Path.of(given);
      if (!path.isAbsolute()) {
        path = onPath(env, given).orElse(path);
      }
      if (!Files.isExecutable(path)) {
        throw new PythonTaskException(
            "ANDON_PYTHON="
                + given
                + " is not an executable file;"
                + " point it at a Python 3."
                + MIN_MINOR
                + " or newer, or unset it to use python3 on"
                + " PATH.");
      }
    } else {
      path =
          onPath(env, "python3")
              .orElseThrow(
                  () ->
                      new PythonTaskException(
                          "no Python found:"
                              + " python3 is not on PATH and ANDON_PYTHON is not set. Install Python 3."
                              + MIN_MINOR
                              + " or newer, or set ANDON_PYTHON to one."));
    }
    Interpreter found = PROBED.computeIfAbsent(path, Interpreter::probe);
    String[] parts = found.version().split("\\.");
    if (!parts[0].equals("3") || Integer.parseInt(parts[1]) < MIN_MINOR) {
      throw new PythonTaskException(
          "Python "
              + found.version()
              + " at "
              + path
              + " is too old:"
              + " andon runs Python tasks with Python 3."
              + MIN_MINOR
              + " or newer. Install one, or"
              + " set ANDON_PYTHON to it.");
    }
    return found;
  }

  private static java.util.Optional<Path> onPath(Map<String, String> env, String name) {
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
        return java.util.Optional.of(Path.of(dir, name));
      }
    }
    return java.util.Optional.empty();
  }

  /** Runs {@code python} once: its version and {@code sys.executable}. */
  private static Interpreter probe(Path python) {
    try {
      Process p =
          new ProcessBuilder(
                  python.toString(),
                  "-c",
                  "import sys; print('%d.%d.%d' % sys.version_info[:3]); print(sys.executable)")
              .redirectErrorStream(true)
              .start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      String[] lines = out.split("\n");
      if (!p.waitFor(30, TimeUnit.SECONDS)
          || p.exitValue() != 0
          || !lines[0].strip().matches("\\d+\\.\\d+\\.\\d+")) {
        p.destroyForcibly();
        throw new PythonTaskException(
            python
                + " does not run as Python 3 (it printed: "
                + (out.isEmpty() ? "nothing" : lines[0])
                + "); andon needs Python 3."
                + MIN_MINOR
                + " or newer, as python3 on PATH or in ANDON_PYTHON.");
      }
      String exe = lines.length > 1 ? lines[1].strip() : "";
      Path real = !exe.isEmpty() && Files.isExecutable(Path.of(exe)) ? Path.of(exe) : python;
      return new Interpreter(real, lines[0].strip());
    } catch (IOException e) {
      throw new PythonTaskException(python + " cannot be started: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PythonTaskException("interrupted while checking " + python);
    }
  }
}
