package io.andon.python;

import io.andon.job.Payload;
import io.andon.job.PayloadType;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Parses the Python payloads of Databricks jobs: notebook, spark_python and python_wheel. */
public final class PythonTaskTypes {
  private PythonTaskTypes() {}

  /** A Python payload type: its key, and parsing without a task or job at hand. */
  private abstract static class Base implements PayloadType {
    private final String key;

    Base(String key) {
      this.key = key;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public Optional<Payload> parse(YMap body, Problems problems, Path baseDir) {
      YMap none = new YMap(body.loc(), Map.of());
      return parse(body, none, none, problems, baseDir);
    }
  }

  private static Map<String, String> strings(YMap parent, String key, Problems p) {
    Map<String, String> out = new LinkedHashMap<>();
    p.map(parent, key)
        .ifPresent(
            m ->
                m.values()
                    .forEach(
                        e ->
                            p.scalarText(e.value(), key + " '" + e.key() + "'")
                                .ifPresent(v -> out.put(e.key(), v))));
    return out;
  }

  private static List<String> list(YMap parent, String key, Problems p) {
    List<String> out = new ArrayList<>();
    p.list(parent, key).forEach(n -> p.scalarText(n, "a parameter").ifPresent(out::add));
    return out;
  }

  private static void source(YMap body, Problems p) {
    p.string(body, "source")
        .ifPresent(
            s -> {
              if (!s.equals("WORKSPACE") && !s.equals("GIT")) {
                p.add(
                    body.get("source").get().loc(),
                    "source must be WORKSPACE or GIT, not '" + s + "'.");
              }
            });
  }

  /** Parses {@code notebook_task}; SQL, Scala and R notebooks are reported here. */
  public static final class Notebook extends Base {
    public Notebook() {
      super(PythonPayload.Notebook.KEY);
    }

    @Override
    public Optional<Payload> parse(YMap body, YMap task, YMap job, Problems p, Path baseDir) {
      p.unknownKeys(
          body,
          Set.of("notebook_path", "base_parameters", "source", "warehouse_id"),
          "notebook_task");
      source(body, p);
      if (body.has("warehouse_id")) {
        p.add(
            body.keyLoc("warehouse_id"),
            "notebook_task with a warehouse_id runs SQL on a"
                + " Databricks SQL warehouse, which andon cannot do here; remove warehouse_id to run a"
                + " Python notebook locally.");
      }
      Optional<String> path = p.requiredString(body, "notebook_path", "notebook_task");
      Map<String, String> base = strings(body, "base_parameters", p);
      Dependencies deps = DependencyReader.read(task, job, p);
      path.ifPresent(
          x -> NotebookFiles.checkLanguage(baseDir, x, body.get("notebook_path").get().loc(), p));
      return path.map(x -> new PythonPayload.Notebook(x, base, deps));
    }
  }

  /** Parses {@code spark_python_task}. */
  public static final class SparkPython extends Base {
    public SparkPython() {
      super(PythonPayload.SparkPython.KEY);
    }

    @Override
    public Optional<Payload> parse(YMap body, YMap task, YMap job, Problems p, Path baseDir) {
      p.unknownKeys(body, Set.of("python_file", "parameters", "source"), "spark_python_task");
      source(body, p);
      Optional<String> file = p.requiredString(body, "python_file", "spark_python_task");
      file.filter(f -> f.startsWith("dbfs:/") || f.startsWith("/Workspace/"))
          .ifPresent(f -> workspacePath(body.get("python_file").get().loc(), "python_file", f, p));
      List<String> params = list(body, "parameters", p);
      Dependencies deps = DependencyReader.read(task, job, p);
      return file.map(f -> new PythonPayload.SparkPython(f, params, deps));
    }
  }

  static void workspacePath(Loc at, String key, String path, Problems p) {
    p.add(
        at,
        key
            + " "
            + path
            + " is a workspace path; andon runs the bundle's own files here:"
            + " give a path relative to this file.");
  }

  /** Parses {@code python_wheel_task}. */
  public static final class Wheel extends Base {
    public Wheel() {
      super(PythonPayload.Wheel.KEY);
    }

    @Override
    public Optional<Payload> parse(YMap body, YMap task, YMap job, Problems p, Path baseDir) {
      p.unknownKeys(
          body,
          Set.of("package_name", "entry_point", "parameters", "named_parameters"),
          "python_wheel_task");
      Optional<String> pkg = p.requiredString(body, "package_name", "python_wheel_task");
      Optional<String> entry = p.requiredString(body, "entry_point", "python_wheel_task");
      List<String> params = list(body, "parameters", p);
      Map<String, String> named = strings(body, "named_parameters", p);
      if (!params.isEmpty() && !named.isEmpty()) {
        p.add(
            body.keyLoc("named_parameters"),
            "python_wheel_task takes parameters or" + " named_parameters, not both.");
      }
      Dependencies deps = DependencyReader.read(task, job, p);
      if (pkg.isEmpty() || entry.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new PythonPayload.Wheel(pkg.get(), entry.get(), params, named, deps));
    }
  }
}
