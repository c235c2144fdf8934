package io.andon.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.andon.engine.PayloadRunner;
import io.andon.engine.TaskContext;
import io.andon.engine.TaskOutcome;
import io.andon.job.Payload;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a notebook, Python file or wheel entry point in a Python process (see {@link
 * PythonProcess}): in the interpreter itself, or in the task's environment when it has
 * dependencies. Task values set with {@code dbutils.jobs.taskValues} become the task's values; the
 * {@code dbutils.notebook.exit} value becomes its value {@code notebook_output}.
 */
public abstract class PythonTaskRunner implements PayloadRunner {
  /** The task value holding the {@code dbutils.notebook.exit} value. */
  public static final String NOTEBOOK_OUTPUT = "notebook_output";

  private final String key;
  private final Map<String, String> env;

  PythonTaskRunner(String key, Map<String, String> env) {
    this.key = key;
    this.env = Map.copyOf(env);
  }

  @Override
  public String key() {
    return key;
  }

  /** Runs notebook_task. */
  public static final class Notebook extends PythonTaskRunner {
    public Notebook() {
      super(PythonPayload.Notebook.KEY, System.getenv());
    }
  }

  /** Runs spark_python_task. */
  public static final class SparkPython extends PythonTaskRunner {
    public SparkPython() {
      super(PythonPayload.SparkPython.KEY, System.getenv());
    }
  }

  /** Runs python_wheel_task. */
  public static final class Wheel extends PythonTaskRunner {
    public Wheel() {
      super(PythonPayload.Wheel.KEY, System.getenv());
    }
  }

  @Override
  public TaskOutcome run(Payload payload, TaskContext ctx) throws Exception {
    try {
      return launch((PythonPayload) payload, ctx);
    } catch (PythonTaskException e) {
      return TaskOutcome.failure(e.getMessage());
    }
  }

  private TaskOutcome launch(PythonPayload payload, TaskContext ctx)
      throws IOException, InterruptedException {
    Interpreter base = Interpreter.find(env);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("task_key", ctx.taskKey());
    c.put("job_name", ctx.jobName());
    c.put("run_id", ctx.runId());
    c.put("in_job", true);
    c.put("upstream_values", ctx.taskValues());
    Path home = ctx.home().toAbsolutePath();
    c.put("dbfs_root", home.resolve("dbfs").toString());
    c.put("volumes_root", home.resolve("volumes").toString());
    c.put("secrets_file", Secrets.file(env).toString());
    Path root = Artifacts.bundleRoot(ctx.baseDir()).orElse(ctx.baseDir());
    c.put("root", root.toString());
    Prepared prep =
        payload instanceof PythonPayload.Notebook n
            ? notebook(n, ctx, c)
            : payload instanceof PythonPayload.SparkPython s
                ? file(s, ctx, c)
                : wheel((PythonPayload.Wheel) payload, ctx, c, base);
    Dependencies deps = prep.deps();
    String what = prep.what();
    Path python =
        deps.isEmpty() ? base.path() : Venvs.ensure(home, base, pipArguments(deps, ctx), ctx.log());
    PythonProcess.Result r = PythonProcess.run(ctx, python, c, prep.cwd(), env);
    for (Map.Entry<String, JsonNode> v : r.values().entrySet()) {
      try {
        ctx.putValue(v.getKey(), v.getValue());
      } catch (IllegalArgumentException e) {
        return TaskOutcome.failure(e.getMessage());
      }
    }
    if (r.error().isPresent()) {
      return TaskOutcome.failure(r.error().get());
    }
    if (r.exit().isPresent()) {
      ctx.putValue(NOTEBOOK_OUTPUT, TextNode.valueOf(r.exit().get()));
      String shown =
          r.exit().get().length() > 200 ? r.exit().get().substring(0, 200) + "..." : r.exit().get();
      return TaskOutcome.success(what + " exited with " + shown);
    }
    return TaskOutcome.success("ran " + what);
  }

  /** What a payload runs with: its dependencies, working folder, and a name for messages. */
  private record Prepared(Dependencies deps, Path cwd, String what) {}

  private static Prepared notebook(PythonPayload.Notebook n, TaskContext ctx, Map<String, Object> c)
      throws IOException {
    String path = ctx.resolve(n.notebookPath());
    Path file =
        NotebookFiles.find(ctx.baseDir(), path)
            .orElseThrow(
                () ->
                    new PythonTaskException(
                        "notebook "
                            + shown(ctx, ctx.baseDir().resolve(path))
                            + " does not exist (also tried it with .py and .ipynb); notebook_path is"
                            + " relative to the file that declares the job."));
    String lang = NotebookFiles.language(file);
    if (!lang.equals("python")) {
      throw new PythonTaskException(
          "notebook "
              + shown(ctx, file)
              + " is a "
              + lang
              + " notebook;"
              + " andon runs Python notebooks only.");
    }
    List<String> pip = NotebookFiles.pipRequirements(file);
    c.put("pip_installed", pip);
    Map<String, String> widgets = new LinkedHashMap<>();
    n.baseParameters().forEach((k, v) -> widgets.put(k, ctx.resolve(v)));
    widgets.putAll(ctx.jobParameters()); // job parameters win, as in Databricks
    c.put("kind", "notebook");
    c.put("path", file.toString());
    c.put("widgets", widgets);
    return new Prepared(
        n.dependencies().plusRequirements(pip), file.getParent(), "notebook " + shown(ctx, file));
  }

  private static Prepared file(
      PythonPayload.SparkPython s, TaskContext ctx, Map<String, Object> c) {
    Path file = ctx.baseDir().resolve(ctx.resolve(s.pythonFile())).normalize();
    if (!Files.isRegularFile(file)) {
      throw new PythonTaskException(
          "python_file "
              + shown(ctx, file)
              + " does not exist; it is"
              + " relative to the file that declares the job.");
    }
    c.put("kind", "file");
    c.put("path", file.toString());
    c.put("args", s.parameters().stream().map(ctx::resolve).toList());
    return new Prepared(s.dependencies(), ctx.baseDir(), "python file " + shown(ctx, file));
  }

  private static Prepared wheel(
      PythonPayload.Wheel w, TaskContext ctx, Map<String, Object> c, Interpreter base) {
    if (!w.dependencies().wheels().isEmpty()) {
      Artifacts.buildOnce(ctx, base);
    }
    List<String> args = new ArrayList<>();
    w.parameters().forEach(x -> args.add(ctx.resolve(x)));
    w.namedParameters().forEach((k, v) -> args.add("--" + k + "=" + ctx.resolve(v)));
    c.put("kind", "wheel");
    c.put("package", w.packageName());
    c.put("entry", w.entryPoint());
    c.put("args", args);
    return new Prepared(
        w.dependencies(),
        ctx.baseDir(),
        "entry point " + w.entryPoint() + " of " + w.packageName());
  }

  /** {@code file} as messages show it: relative to the bundle's folder when inside it. */
  static String shown(TaskContext ctx, Path file) {
    Path root = Artifacts.bundleRoot(ctx.baseDir()).orElse(ctx.baseDir());
    Path f = file.toAbsolutePath().normalize();
    return f.startsWith(root) ? root.relativize(f).toString() : f.toString();
  }

  /** pip's arguments for {@code deps}: wheel globs as the newest matching files. */
  private static List<String> pipArguments(Dependencies deps, TaskContext ctx) throws IOException {
    List<String> out = new ArrayList<>();
    for (String w : deps.wheels()) {
      out.addAll(wheels(ctx.baseDir(), ctx.resolve(w)));
    }
    deps.requirements().forEach(r -> out.add(ctx.resolve(r)));
    for (String f : deps.requirementFiles()) {
      out.add("-r");
      out.add(ctx.baseDir().resolve(ctx.resolve(f)).normalize().toString());
    }
    return out;
  }

  /** The files a whl path or glob (in its last part) names: the newest of each distribution. */
  static List<String> wheels(Path base, String glob) throws IOException {
    Path p = base.resolve(glob).normalize();
    Path dir = p.getParent();
    PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p.getFileName());
    Map<String, Path> newest = new LinkedHashMap<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f :
            s.filter(f -> m.matches(f.getFileName()))
                .sorted(Comparator.comparing((Path f) -> f.toFile().lastModified()))
                .toList()) {
          newest.put(f.getFileName().toString().split("-")[0], f);
        }
      }
    }
    if (newest.isEmpty()) {
      throw new PythonTaskException(
          "library whl "
              + glob
              + " matches no file in "
              + dir
              + ";"
              + " build the wheel first, or declare it under the bundle's artifacts so that andon"
              + " builds it.");
    }
    return newest.values().stream().map(Path::toString).toList();
  }
}
