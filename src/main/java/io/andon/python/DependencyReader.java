package io.andon.python;

import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what a Python task needs installed: the task's {@code libraries} ({@code whl}, {@code
 * pypi}, {@code requirements}) and the packages of the job {@code environments} entry its {@code
 * environment_key} names.
 */
final class DependencyReader {
  private DependencyReader() {}

  static Dependencies read(YMap task, YMap job, Problems p) {
    List<String> wheels = new ArrayList<>();
    List<String> reqs = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (YNode n : p.list(task, "libraries")) {
      p.map(n, "a library").ifPresent(lib -> library(lib, wheels, reqs, files, p));
    }
    Optional<String> envKey = p.string(task, "environment_key");
    envKey.ifPresent(
        k ->
            environment(task, job, k, p)
                .forEach(
                    dep -> {
                      if (isPath(dep)) {
                        wheels.add(dep);
                      } else {
                        reqs.add(dep);
                      }
                    }));
    return new Dependencies(wheels, reqs, files);
  }

  private static void library(
      YMap lib, List<String> wheels, List<String> reqs, List<String> files, Problems p) {
    if (lib.has("whl")) {
      p.string(lib, "whl")
          .ifPresent(
              w -> {
                if (w.startsWith("/Workspace/")
                    || w.startsWith("dbfs:/")
                    || w.startsWith("/Volumes/")) {
                  p.add(
                      lib.get("whl").get().loc(),
                      "library whl "
                          + w
                          + " is a workspace path; andon"
                          + " installs wheels from the bundle's files: give a path relative to this file"
                          + " (for example ../dist/*.whl).");
                } else {
                  wheels.add(w);
                }
              });
    } else if (lib.has("pypi")) {
      p.map(lib, "pypi")
          .ifPresent(
              pypi -> {
                p.unknownKeys(pypi, Set.of("package", "repo"), "a pypi library");
                Optional<String> pkg = p.requiredString(pypi, "package", "a pypi library");
                Optional<String> repo = p.string(pypi, "repo");
                pkg.ifPresent(x -> reqs.add(x));
                repo.ifPresent(r -> reqs.add("--extra-index-url=" + r));
              });
    } else if (lib.has("requirements")) {
      p.string(lib, "requirements").ifPresent(files::add);
    } else {
      p.add(
          lib.loc(),
          "library "
              + String.join(", ", lib.keys())
              + " cannot be installed into a"
              + " Python environment; andon installs libraries of kind whl, pypi and requirements.");
    }
  }

  private static List<String> environment(YMap task, YMap job, String key, Problems p) {
    List<String> names = new ArrayList<>();
    if (job.get("environments").orElse(null) instanceof YList envs) {
      for (YNode n : envs.items()) {
        if (n instanceof YMap env && p.string(env, "environment_key").orElse("").equals(key)) {
          List<String> deps = new ArrayList<>();
          p.map(env, "spec")
              .ifPresent(
                  spec ->
                      p.list(spec, "dependencies")
                          .forEach(d -> p.scalarText(d, "a dependency").ifPresent(deps::add)));
          return deps;
        }
        if (n instanceof YMap env) {
          p.string(env, "environment_key").ifPresent(names::add);
        }
      }
    }
    p.add(
        task.get("environment_key").get().loc(),
        "environment_key '"
            + key
            + "' names no entry"
            + " of the job's environments"
            + (names.isEmpty()
                ? " (it has none)."
                : "; it has: " + String.join(", ", names) + "."));
    return List.of();
  }

  private static boolean isPath(String dep) {
    return dep.startsWith("./")
        || dep.startsWith("../")
        || dep.startsWith("/")
        || dep.endsWith(".whl");
  }
}
