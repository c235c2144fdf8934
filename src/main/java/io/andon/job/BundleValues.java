package io.andon.job;

import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a bundle's references other than its variables: {@code ${bundle.name}}, {@code
 * ${bundle.target}}, {@code ${bundle.git.*}} (read with git, once), {@code ${workspace.*}} (local
 * values, see {@link LocalWorkspace}) and {@code ${resources.*}}; what only a workspace or a
 * deployment has is reported where it stands, or, for resources other than jobs, left as written
 * with a notice.
 */
final class BundleValues {
  private final YMap root;
  private final Path file;
  private final Optional<String> target;

  /** A --target the bundle lacks, reported once rather than at each ${bundle.target}. */
  private final boolean badTarget;

  private final WorkspaceSettings workspace;
  private final Map<String, String> env;
  private final Problems p;

  /** The git facts of the bundle's folder, read on first use. */
  private Optional<Optional<BundleGit>> git = Optional.empty();

  BundleValues(
      YMap root,
      Path file,
      Optional<String> target,
      boolean badTarget,
      WorkspaceSettings workspace,
      Map<String, String> env,
      Problems p) {
    this.root = root;
    this.file = file;
    this.target = target;
    this.badTarget = badTarget;
    this.workspace = workspace;
    this.env = env;
    this.p = p;
  }

  /**
   * The value of {@code ref} (split into {@code path}), written at {@code at}; null when it has
   * none here, which is reported.
   */
  String resolve(String ref, String[] path, Loc at) {
    switch (path[0]) {
      case "bundle" -> {
        String field = String.join(".", java.util.Arrays.asList(path).subList(1, path.length));
        if (field.equals("name")) {
          Optional<String> name =
              root.get("bundle")
                  .filter(b -> b instanceof YMap)
                  .flatMap(b -> ((YMap) b).get("name"))
                  .filter(n -> n instanceof YScalar)
                  .map(n -> ((YScalar) n).text());
          if (name.isEmpty()) {
            p.add(at, ref + ": the file has no bundle.name.");
          }
          return name.orElse(null);
        }
        if (path[1].equals("git") && path.length == 3 && BundleGit.FIELDS.contains(path[2])) {
          // a value the bundle writes itself (bundle.git.origin_url) wins, as in the CLI
          return written("git", path[2])
              .orElseGet(() -> git(at).map(g -> g.fields().get(path[2])).orElse(""));
        }
        if ((field.equals("target") || field.equals("environment"))
            && target.isEmpty()
            && !root.get("targets")
                .map(t -> t instanceof YMap m && !m.keys().isEmpty())
                .orElse(false)) {
          return DEFAULT_TARGET; // a bundle without targets has one, as the Databricks CLI has it
        }
        if (field.equals("target") || field.equals("environment")) {
          if (target.isEmpty() && !badTarget) {
            p.add(
                at,
                ref
                    + ": no target is chosen; pick one with --target NAME or mark one"
                    + " 'default: true' under targets.");
          }
          return target.orElse(null);
        }
        p.add(
            at,
            ref
                + " is not known when andon runs a bundle; it knows ${bundle.name},"
                + " ${bundle.target} and ${bundle.git."
                + String.join("}, ${bundle.git.", BundleGit.FIELDS)
                + "}.");
        return null;
      }
      case "workspace" -> {
        String field = String.join(".", java.util.Arrays.asList(path).subList(1, path.length));
        Optional<String> v = localWorkspace().value(field);
        if (v.isEmpty()) {
          p.add(
              at,
              ref
                  + " names a value only a Databricks workspace has; give it with"
                  + " --workspace "
                  + field
                  + "=VALUE. andon gives ${workspace."
                  + String.join("}, ${workspace.", LocalWorkspace.FIELDS)
                  + "} local values.");
        }
        return v.orElse(null);
      }
      case "resources" -> {
        if (path.length > 2 && !path[1].equals("jobs")) {
          p.ignored(at, RESOURCE_REFS, path[1] + "." + path[2]);
          return ref; // left as written: only a deployment gives it a value
        }
        p.add(
            at,
            ref
                + " names a value of a deployed job, which andon does not have when it"
                + " runs the job here; a run_job_task runs another job of the bundle with job_id: "
                + "${resources.jobs.<key>.id}.");
        return null;
      }
      default -> {
        p.add(
            at,
            ref
                + " names a value of a Databricks workspace or deployment, which andon"
                + " does not have when it runs the job here; write the value out, or pass it through"
                + " a variable (${var.<name>} and --var NAME=VALUE).");
        return null;
      }
    }
  }

  /** What the notice about references to resources other than jobs says before naming them. */
  static final String RESOURCE_REFS =
      "references to resources other than jobs, left as written"
          + " because only a deployment gives them values";

  /** The target of a bundle that declares none, as the Databricks CLI names it. */
  static final String DEFAULT_TARGET = "default";

  /** The plain value the bundle's {@code bundle.<section>.<field>} holds, if any. */
  private Optional<String> written(String section, String field) {
    return root.get("bundle")
        .filter(b -> b instanceof YMap)
        .flatMap(b -> ((YMap) b).get(section))
        .filter(g -> g instanceof YMap)
        .flatMap(g -> ((YMap) g).get(field))
        .filter(v -> v instanceof YScalar sc && !sc.isNull())
        .map(v -> ((YScalar) v).text());
  }

  /** The git facts, read once; a notice when the bundle is in no repository. */
  private Optional<BundleGit> git(Loc at) {
    if (git.isEmpty()) {
      Path dir = file.toAbsolutePath().normalize().getParent();
      git = Optional.of(BundleGit.read(dir));
      if (git.get().isEmpty()) {
        p.notice(
            at,
            "${bundle.git.*} are empty: "
                + dir
                + " is not in a git repository (or git"
                + " is not installed).");
      }
    }
    return git.get();
  }

  private LocalWorkspace localWorkspace() {
    String name =
        root.get("bundle")
            .filter(b -> b instanceof YMap)
            .flatMap(b -> ((YMap) b).get("name"))
            .filter(n -> n instanceof YScalar)
            .map(n -> ((YScalar) n).text())
            .orElse("bundle");
    return new LocalWorkspace(
        workspace,
        env,
        name,
        target.orElse(DEFAULT_TARGET),
        file.toAbsolutePath().normalize().getParent());
  }
}
