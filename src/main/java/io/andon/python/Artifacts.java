package io.andon.python;

import io.andon.engine.TaskContext;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Builds the wheel artifacts of the bundle a job belongs to ({@code artifacts.<name>: {type: whl,
 * path, build}}), once per run, as {@code databricks bundle deploy} does before the job runs. The
 * build command runs with {@code sh -c} in the artifact's folder, the task interpreter's folder
 * first on PATH (so {@code python3} in it is that interpreter). Without {@code build}, andon runs
 * {@link #DEFAULT_BUILD}.
 */
final class Artifacts {
  static final String DEFAULT_BUILD =
      "python3 -m pip wheel --no-deps --no-build-isolation --no-index -w dist .";
  static final List<String> BUNDLE_FILES =
      List.of("databricks.yml", "databricks.yaml", "bundle.yml", "bundle.yaml");
  private static final Map<String, CompletableFuture<String>> BUILDS = new ConcurrentHashMap<>();

  private Artifacts() {}

  /** The folder of the bundle holding {@code dir}: the nearest with a databricks.yml. */
  static Optional<Path> bundleRoot(Path dir) {
    for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
      for (String f : BUNDLE_FILES) {
        if (Files.isRegularFile(d.resolve(f))) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  /** Builds the bundle's wheel artifacts unless this run built them already. */
  static void buildOnce(TaskContext ctx, Interpreter python) {
    Optional<Path> root = bundleRoot(ctx.baseDir());
    if (root.isEmpty()) {
      return;
    }
    String key = ctx.home().toAbsolutePath() + "#" + ctx.runId() + "#" + root.get();
    CompletableFuture<String> mine = new CompletableFuture<>();
    CompletableFuture<String> f = BUILDS.putIfAbsent(key, mine);
    if (f == null) {
      try {
        mine.complete(build(root.get(), python, ctx));
      } catch (RuntimeException e) {
        mine.completeExceptionally(e);
      }
      f = mine;
    }
    try {
      String done = f.get();
      if (f != mine && !done.isEmpty()) {
        ctx.log().println("andon: " + done + " (built for this run by another task)");
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new PythonTaskException(e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PythonTaskException("interrupted while the bundle's artifacts were built");
    }
  }

  private static String build(Path root, Interpreter python, TaskContext ctx) {
    Path file =
        BUNDLE_FILES.stream()
            .map(root::resolve)
            .filter(Files::isRegularFile)
            .findFirst()
            .orElseThrow();
    YNode doc = YamlReader.read(file);
    if (!(doc instanceof YMap m) || !(m.get("artifacts").orElse(null) instanceof YMap arts)) {
      return "";
    }
    StringBuilder built = new StringBuilder();
    for (YMap.Entry a : arts.values()) {
      if (!(a.value() instanceof YMap spec)) {
        continue;
      }
      String type = text(spec, "type").orElse("whl");
      if (!type.equals("whl")) {
        continue;
      }
      Path dir = root.resolve(text(spec, "path").orElse(".")).normalize();
      String cmd = text(spec, "build").orElse(DEFAULT_BUILD);
      ctx.log().println("andon: building artifact '" + a.key() + "' in " + dir + ": " + cmd);
      int rc = shell(cmd, dir, python, ctx);
      if (rc != 0) {
        throw new PythonTaskException(
            "artifact '"
                + a.key()
                + "' of "
                + file
                + " did not build:"
                + " `"
                + cmd
                + "` exited with status "
                + rc
                + " in "
                + dir
                + " (its output is in this"
                + " task's log).");
      }
      built.append(built.length() == 0 ? "built artifact " : ", ").append(a.key());
    }
    return built.toString();
  }

  private static Optional<String> text(YMap m, String key) {
    return m.get(key)
        .filter(n -> n instanceof YScalar s && !s.isNull())
        .map(n -> ((YScalar) n).text());
  }

  private static int shell(String cmd, Path dir, Interpreter python, TaskContext ctx) {
    try {
      ProcessBuilder pb =
          new ProcessBuilder("/bin/sh", "-c", cmd)
              .directory(dir.toFile())
              .redirectErrorStream(true);
      pb.environment()
          .merge(
              "PATH",
              python.path().getParent().toString(),
              (old, mine) -> mine + File.pathSeparator + old);
      Process p = pb.start();
      p.getOutputStream().close();
      try (InputStream in = p.getInputStream()) {
        in.transferTo(ctx.log());
      }
      return p.waitFor();
    } catch (IOException e) {
      throw new PythonTaskException("cannot run `" + cmd + "` in " + dir + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PythonTaskException("interrupted while `" + cmd + "` ran");
    }
  }
}
