package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
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
import java.util.Set;
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

  /**
   * A declared variable: where it stands and what its declaration says; a complex one's default is
   * a mapping or a list ({@code node}).
   */
  private record Var(
      Loc loc, Optional<Value> dflt, boolean complex, boolean lookup, Optional<YNode> node) {}

  /** A value written in the file, which may refer to other variables. */
  private record Value(String text, Loc loc) {}

  private final YMap root;
  private final Path file;
  private final Problems p;
  private final Map<String, String> env;
  private final BundleSettings given;
  private final Map<String, Var> vars = new LinkedHashMap<>();
  private final Map<String, Value> targetValues = new HashMap<>();

  /** The chosen target's values that are mappings or lists, for complex variables. */
  private final Map<String, YNode> targetNodes = new HashMap<>();

  /** The values of ${bundle.*}, ${workspace.*} and the rest, once the target is chosen. */
  private BundleValues others;

  private final Map<String, String> values = new HashMap<>();
  private Optional<String> target = Optional.empty();

  /** The chosen target's own mapping (its variables, its resources), empty for none. */
  private Optional<YMap> targetMap = Optional.empty();

  /** A --target the bundle lacks, reported once rather than at each ${bundle.target}. */
  private boolean badTarget;

  private final BundleSubstitution substitution;

  private Bundle(YMap root, Path file, BundleSettings given, Map<String, String> env, Problems p) {
    this.root = root;
    this.file = file;
    this.given = given;
    this.env = env;
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
                Var v = vars.get(name);
                if (v == null || !v.complex()) {
                  return Optional.empty();
                }
                return targetNodes.containsKey(name)
                    ? Optional.of(targetNodes.get(name))
                    : v.node();
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
    Bundle b = new Bundle(root, file, given, env, p);
    b.chooseTarget(child);
    b.others = new BundleValues(root, file, b.target, b.badTarget, workspace, env, p);
    BundleKeys.check(root, b.targetMap, p);
    b.declare();
    b.checkGiven(child);
    return b;
  }

  /** The bundle's {@code jobs} as the chosen target sees them: its overrides joined in. */
  YMap jobs(YMap jobs) {
    Optional<YMap> over =
        targetMap
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
    for (String name : vars.keySet()) {
      if (values.get(name) != null) {
        used.put(name, values.get(name));
      }
    }
    return new Resolved(out, new BundleSettings(target, used, Optional.of(includes)));
  }

  private void chooseTarget(boolean child) {
    Optional<YMap> targets = root.has("targets") ? p.map(root, "targets") : Optional.empty();
    Optional<String> wanted = given.target();
    if (wanted.isPresent() && targets.map(t -> t.has(wanted.get())).orElse(false)) {
      target = wanted;
    } else if (wanted.isPresent() && !child) {
      badTarget = true;
      List<String> names = targets.map(t -> List.copyOf(t.keys())).orElse(List.of());
      p.add(
          targets.map(YMap::loc).orElse(root.loc()),
          "--target "
              + wanted.get()
              + ": "
              + (names.isEmpty()
                  ? "the bundle declares no targets."
                  : "the bundle has no such target; it has: "
                      + String.join(", ", names)
                      + "."
                      + Strings.didYouMean(wanted.get(), names)));
      return;
    } else if (targets.isPresent()) {
      List<String> defaults = new ArrayList<>();
      for (YMap.Entry e : targets.get().values()) {
        if (e.value() instanceof YMap t && p.bool(t, "default").orElse(false)) {
          defaults.add(e.key());
        }
      }
      if (defaults.size() > 1) {
        p.add(
            targets.get().loc(),
            "targets "
                + String.join(", ", defaults)
                + " are all marked"
                + " default: true; mark one, or pick one with --target.");
      } else if (defaults.size() == 1) {
        target = Optional.of(defaults.get(0));
      }
    }
    targetMap =
        target.flatMap(t -> targets.get().get(t)).filter(n -> n instanceof YMap).map(n -> (YMap) n);
    targetMap
        .flatMap(t -> t.get("variables"))
        .ifPresent(
            n ->
                p.map(n, "a target's variables")
                    .ifPresent(m -> m.values().forEach(e -> targetValue(e))));
  }

  private void targetValue(YMap.Entry e) {
    YNode v = e.value();
    if (v instanceof YList || v instanceof YMap m0 && !m0.has("default") && !m0.has("lookup")) {
      targetNodes.put(e.key(), v); // a complex variable's value, written out
      return;
    }
    if (v instanceof YMap m) {
      p.unknownKeys(
          m, Set.of("default", "lookup", "description"), "the target's variable '" + e.key() + "'");
      if (m.has("lookup") && !m.has("default")) {
        targetValues.put(e.key(), null);
        return;
      }
      v = m.get("default").orElse(null);
    }
    if (v instanceof YScalar s && !s.isNull()) {
      targetValues.put(e.key(), new Value(s.text(), s.loc()));
    } else if (v != null) {
      targetNodes.put(e.key(), v);
    }
  }

  private void declare() {
    Optional<YMap> decl = root.has("variables") ? p.map(root, "variables") : Optional.empty();
    decl.ifPresent(
        m ->
            m.values()
                .forEach(
                    e -> {
                      YNode v = e.value();
                      if (v instanceof YMap vm) {
                        p.unknownKeys(
                            vm,
                            Set.of("description", "default", "type", "lookup"),
                            "variable '" + e.key() + "'");
                        Optional<YNode> d = vm.get("default");
                        boolean complex =
                            vm.get("type")
                                    .filter(
                                        t -> t instanceof YScalar s && s.text().equals("complex"))
                                    .isPresent()
                                || d.filter(x -> x instanceof YMap || x instanceof YList)
                                    .isPresent();
                        Optional<Value> dv =
                            d.filter(x -> x instanceof YScalar s && !s.isNull())
                                .map(x -> new Value(((YScalar) x).text(), x.loc()));
                        vars.put(
                            e.key(),
                            new Var(
                                e.keyLoc(),
                                dv,
                                complex,
                                vm.has("lookup"),
                                d.filter(x -> x instanceof YMap || x instanceof YList)));
                      } else if (v instanceof YScalar s) {
                        vars.put(
                            e.key(),
                            new Var(
                                e.keyLoc(),
                                s.isNull()
                                    ? Optional.empty()
                                    : Optional.of(new Value(s.text(), s.loc())),
                                false,
                                false,
                                Optional.empty()));
                      } else {
                        p.add(
                            v.loc(),
                            "variable '"
                                + e.key()
                                + "' must be a mapping with a 'default' (or a"
                                + " plain value), not "
                                + v.kind()
                                + ".");
                      }
                    }));
    for (Map.Entry<String, YNode> t : targetNodes.entrySet()) {
      Var v = vars.get(t.getKey());
      if (v != null && !v.complex()) {
        p.add(
            t.getValue().loc(),
            "the target's variable '"
                + t.getKey()
                + "' must be a plain"
                + " value, not "
                + t.getValue().kind()
                + " (declare the variable 'type: complex' to"
                + " give it one).");
      } else if (v == null) {
        targetValues.put(t.getKey(), new Value("", t.getValue().loc()));
      }
    }
    for (String name : targetValues.keySet()) {
      if (!vars.containsKey(name)) {
        Value v = targetValues.get(name);
        p.add(
            v == null ? root.loc() : v.loc(),
            "target "
                + target.orElse("?")
                + " sets variable '"
                + name
                + "', which the bundle does not declare under variables."
                + Strings.didYouMean(name, vars.keySet()));
      }
    }
  }

  private void checkGiven(boolean child) {
    if (child) {
      return;
    }
    for (String name : given.vars().keySet()) {
      if (!vars.containsKey(name)) {
        p.add(
            root.has("variables") ? root.keyLoc("variables") : root.loc(),
            "--var "
                + name
                + ": the bundle declares no variable '"
                + name
                + "'"
                + (vars.isEmpty()
                    ? "."
                    : "; it declares: " + String.join(", ", vars.keySet()) + ".")
                + Strings.didYouMean(name, vars.keySet()));
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
      Value v =
          targetValues.containsKey(name)
              ? targetValues.get(name)
              : vars.get(name).dflt().orElse(null);
      if (v == null) {
        out = null;
      } else if (visiting.contains(name)) {
        List<String> cycle = new ArrayList<>(visiting);
        java.util.Collections.reverse(cycle);
        cycle.add(name);
        p.add(
            v.loc(),
            "variables refer to each other in a cycle: " + String.join(" -> ", cycle) + ".");
        return null;
      } else {
        visiting.push(name);
        out = expand(v.text(), v.loc(), visiting);
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
        Var v = vars.get(name);
        if (v == null) {
          p.add(
              at,
              ref
                  + ": the bundle declares no variable '"
                  + name
                  + "' under variables."
                  + Strings.didYouMean(name, vars.keySet()));
          return null;
        }
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
                  + (v.lookup() || targetValues.containsKey(name) && targetValues.get(name) == null
                      ? " here (its lookup needs a Databricks workspace)"
                      : "")
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
