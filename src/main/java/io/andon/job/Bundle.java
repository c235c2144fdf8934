package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The substitutions of an Asset Bundle file, as the Databricks CLI makes them before it deploys:
 * {@code ${var.<name>}} from the bundle's {@code variables}, {@code ${bundle.name}} and {@code
 * ${bundle.target}}. A variable's value comes from {@code --var}, else the environment variable
 * {@code BUNDLE_VAR_<name>}, else the chosen target's {@code variables}, else its {@code default};
 * defaults and target values may refer to other variables and to the bundle. References that only a
 * Databricks workspace can resolve ({@code ${workspace.*}}, {@code ${resources.*}}, a variable's
 * {@code lookup}) are reported where they stand, never left in place. {@code ${NAME}} without a dot
 * is the shell's and stays as it is. A {@code run_job_task} whose {@code job_id} is {@code
 * ${resources.jobs.<key>.id}} runs that job of the same bundle.
 */
final class Bundle {
  /** A dotted reference, as the Databricks CLI writes them. */
  static final Pattern REF =
      Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+(?:\\[[0-9]+\\])*)+)\\}");

  /** The job's mapping with every substitution made, and the settings that made them. */
  record Resolved(YMap job, BundleSettings settings) {}

  private final YMap root;
  private final Problems p;
  private final Map<String, String> env;
  private final BundleSettings given;
  private final BundleTarget target;
  private final BundleVariables vars;

  /** The values of ${bundle.*}, ${workspace.*} and the rest. */
  private final BundleValues others;

  /** The variables' values as resolved so far; null for one that has none. */
  private final Map<String, String> values = new HashMap<>();

  private final BundleSubstitution substitution;

  private Bundle(
      YMap root,
      Path file,
      BundleSettings given,
      Map<String, String> env,
      BundleTarget target,
      BundleVariables vars,
      BundleValues others,
      Problems p) {
    this.root = root;
    this.given = given;
    this.env = env;
    this.target = target;
    this.vars = vars;
    this.others = others;
    this.p = p;
    this.substitution =
        new BundleSubstitution(
            file,
            p,
            new BundleSubstitution.Variables() {
              @Override
              public String expand(String text, Loc at, Deque<String> visiting) {
                return Bundle.this.expand(text, at, visiting);
              }

              @Override
              public Optional<YNode> complexValue(String name) {
                return vars.complexValue(name);
              }
            });
  }

  /**
   * The bundle {@code root} (read from {@code file}) with its target chosen and its variables
   * declared. A bundle read for a {@code run_job_task} ({@code child}) takes the variables it
   * declares from {@code given} and ignores the others, and keeps its own default target when it
   * has not the one given.
   */
  static Bundle open(
      YMap root,
      Path file,
      BundleSettings given,
      Map<String, String> env,
      WorkspaceSettings workspace,
      boolean child,
      Problems p) {
    BundleTarget target = BundleTarget.choose(root, given, child, p);
    BundleValues others =
        new BundleValues(root, file, target.name(), target.bad(), workspace, env, p);
    BundleKeys.check(root, target.map(), p);
    BundleVariables vars = BundleVariables.declare(root, target, p);
    Bundle b = new Bundle(root, file, given, env, target, vars, others, p);
    b.checkGiven(child);
    return b;
  }

  /** The bundle's {@code jobs} as the chosen target sees them: its overrides joined in. */
  YMap jobs(YMap jobs) {
    Optional<YMap> over =
        target
            .map()
            .flatMap(t -> t.get("resources"))
            .flatMap(r -> p.map(r, "a target's resources"))
            .flatMap(r -> r.has("jobs") ? p.map(r, "jobs") : Optional.empty());
    return over.isEmpty() ? jobs : (YMap) TargetOverrides.join(jobs, over.get());
  }

  /**
   * {@code job}, a job of this bundle, with every substitution made; the settings record the {@code
   * includes} read with it.
   */
  Resolved resolve(YMap job, Map<String, String> includes) {
    YMap out = (YMap) substitution.substitute(job);
    // the values the job used, in declaration order: what a repair needs to read it again
    Map<String, String> used = new LinkedHashMap<>();
    for (String name : vars.names()) {
      if (values.get(name) != null) {
        used.put(name, values.get(name));
      }
    }
    return new Resolved(out, new BundleSettings(target.name(), used, Optional.of(includes)));
  }

  private void checkGiven(boolean child) {
    if (child) {
      return;
    }
    for (String name : given.vars().keySet()) {
      if (vars.get(name).isEmpty()) {
        p.add(
            root.has("variables") ? root.keyLoc("variables") : root.loc(),
            "--var "
                + name
                + ": the bundle declares no variable '"
                + name
                + "'"
                + (vars.isEmpty() ? "." : "; it declares: " + String.join(", ", vars.names()) + ".")
                + Strings.didYouMean(name, vars.names()));
      }
    }
  }

  /** The value of variable {@code name}, null when it has none (reported where it is used). */
  private String value(String name, Deque<String> visiting) {
    if (values.containsKey(name)) {
      return values.get(name);
    }
    String given0 = given.vars().get(name);
    String fromEnv = env.get("BUNDLE_VAR_" + name);
    String out;
    if (given0 != null) {
      out = given0;
    } else if (fromEnv != null) {
      out = fromEnv;
    } else {
      Optional<BundleVariables.Value> written = vars.written(name);
      if (written.isEmpty()) {
        out = null;
      } else if (visiting.contains(name)) {
        BundleVariables.Value v = written.get();
        List<String> cycle = new ArrayList<>(visiting);
        java.util.Collections.reverse(cycle);
        cycle.add(name);
        p.add(
            v.loc(),
            "variables refer to each other in a cycle: " + String.join(" -> ", cycle) + ".");
        return null;
      } else {
        visiting.push(name);
        out = expand(written.get().text(), written.get().loc(), visiting);
        visiting.pop();
      }
    }
    values.put(name, out);
    return out;
  }

  /** {@code text} with its references replaced; a reference that has no value stays, reported. */
  private String expand(String text, Loc at, Deque<String> visiting) {
    Matcher m = REF.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = resolveRef(m.group(), m.group(1).split("\\."), at, visiting);
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String resolveRef(String ref, String[] path, Loc at, Deque<String> visiting) {
    switch (path[0]) {
      case "var" -> {
        String name = path[1].split("\\[", 2)[0];
        Optional<BundleVariables.Var> declared = vars.get(name);
        if (declared.isEmpty()) {
          p.add(
              at,
              ref
                  + ": the bundle declares no variable '"
                  + name
                  + "' under variables."
                  + Strings.didYouMean(name, vars.names()));
          return null;
        }
        BundleVariables.Var v = declared.get();
        if (v.complex() || path.length > 2 || !name.equals(path[1])) {
          Optional<YNode> c = substitution.complex(path, at);
          if (c.isPresent() && c.get() instanceof YScalar cs) {
            return cs.text();
          }
          p.add(
              at,
              ref
                  + (v.complex()
                      ? ": '"
                          + name
                          + "' is a complex variable (a mapping or a"
                          + " list); use it as a whole value (key: "
                          + ref
                          + "), or one of its fields inside"
                          + " text (${var."
                          + name
                          + ".FIELD})."
                      : ": '" + name + "' is a plain variable;" + " write ${var." + name + "}."));
          return null;
        }
        String value = value(name, visiting);
        if (value == null && !visiting.contains(name)) {
          p.add(
              at,
              ref
                  + ": variable '"
                  + name
                  + "' has no value"
                  + (vars.lookup(name) ? " here (its lookup needs a Databricks workspace)" : "")
                  + "; give it one with --var "
                  + name
                  + "=VALUE or BUNDLE_VAR_"
                  + name
                  + ", or a"
                  + " 'default' under variables.");
        }
        return value;
      }
      default -> {
        return others.resolve(ref, path, at);
      }
    }
  }
}
