package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
 * {@code ${var.<name>}} from the bundle's {@code variables}, {@code ${bundle.name}} and
 * {@code ${bundle.target}}. A variable's value comes from {@code --var}, else the environment
 * variable {@code BUNDLE_VAR_<name>}, else the chosen target's {@code variables}, else its
 * {@code default}; defaults and target values may refer to other variables and to the bundle.
 * References that only a Databricks workspace can resolve ({@code ${workspace.*}},
 * {@code ${resources.*}}, a variable's {@code lookup}) are reported where they stand, never left
 * in place. {@code ${NAME}} without a dot is the shell's and stays as it is. A
 * {@code run_job_task} whose {@code job_id} is {@code ${resources.jobs.<key>.id}} runs that job
 * of the same bundle.
 */
final class Bundle {
  /** A dotted reference, as the Databricks CLI writes them. */
  static final Pattern REF = Pattern.compile(
      "\\$\\{([A-Za-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+(?:\\[[0-9]+\\])*)+)\\}");
  private static final Pattern INT = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Set<String> BOOLS =
      Set.of("true", "True", "TRUE", "false", "False", "FALSE");
  /** How a bundle's job names another job of the same bundle, for a run_job_task. */
  private static final Pattern JOB_ID =
      Pattern.compile("\\$\\{resources\\.jobs\\.([A-Za-z0-9_-]+)\\.id\\}");

  /** The job's mapping with every substitution made, and the settings that made them. */
  record Resolved(YMap job, BundleSettings settings) {}

  /**
   * A declared variable: where it stands and what its declaration says; a complex one's default
   * is a mapping or a list ({@code node}).
   */
  private record Var(Loc loc, Optional<Value> dflt, boolean complex, boolean lookup,
      Optional<YNode> node) {}

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

  private Bundle(YMap root, Path file, BundleSettings given, Map<String, String> env,
      Problems p) {
    this.root = root;
    this.file = file;
    this.given = given;
    this.env = env;
    this.p = p;
  }

  /**
   * The bundle {@code root} (read from {@code file}) with its target chosen and its variables
   * declared. A bundle read for a {@code run_job_task} ({@code child}) takes the variables it
   * declares from {@code given} and ignores the others, and keeps its own default target when it
   * has not the one given.
   */
  static Bundle open(YMap root, Path file, BundleSettings given, Map<String, String> env,
      WorkspaceSettings workspace, boolean child, Problems p) {
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
    Optional<YMap> over = targetMap.flatMap(t -> t.get("resources"))
        .flatMap(r -> p.map(r, "a target's resources"))
        .flatMap(r -> r.has("jobs") ? p.map(r, "jobs") : Optional.empty());
    return over.isEmpty() ? jobs : (YMap) TargetOverrides.join(jobs, over.get());
  }

  /**
   * {@code job}, a job of this bundle, with every substitution made; the settings record the
   * {@code includes} read with it.
   */
  Resolved resolve(YMap job, Map<String, String> includes) {
    YMap out = (YMap) substitute(job);
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
      p.add(targets.map(YMap::loc).orElse(root.loc()), "--target " + wanted.get() + ": "
          + (names.isEmpty() ? "the bundle declares no targets."
              : "the bundle has no such target; it has: " + String.join(", ", names) + "."
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
        p.add(targets.get().loc(), "targets " + String.join(", ", defaults) + " are all marked"
            + " default: true; mark one, or pick one with --target.");
      } else if (defaults.size() == 1) {
        target = Optional.of(defaults.get(0));
      }
    }
    targetMap = target.flatMap(t -> targets.get().get(t)).filter(n -> n instanceof YMap)
        .map(n -> (YMap) n);
    targetMap.flatMap(t -> t.get("variables")).ifPresent(n -> p.map(n, "a target's variables")
        .ifPresent(m -> m.values().forEach(e -> targetValue(e))));
  }

  private void targetValue(YMap.Entry e) {
    YNode v = e.value();
    if (v instanceof YList || v instanceof YMap m0 && !m0.has("default") && !m0.has("lookup")) {
      targetNodes.put(e.key(), v); // a complex variable's value, written out
      return;
    }
    if (v instanceof YMap m) {
      p.unknownKeys(m, Set.of("default", "lookup", "description"), "the target's variable '"
          + e.key() + "'");
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
    decl.ifPresent(m -> m.values().forEach(e -> {
      YNode v = e.value();
      if (v instanceof YMap vm) {
        p.unknownKeys(vm, Set.of("description", "default", "type", "lookup"), "variable '"
            + e.key() + "'");
        Optional<YNode> d = vm.get("default");
        boolean complex = vm.get("type").filter(t -> t instanceof YScalar s
            && s.text().equals("complex")).isPresent()
            || d.filter(x -> x instanceof YMap || x instanceof YList).isPresent();
        Optional<Value> dv = d.filter(x -> x instanceof YScalar s && !s.isNull())
            .map(x -> new Value(((YScalar) x).text(), x.loc()));
        vars.put(e.key(), new Var(e.keyLoc(), dv, complex, vm.has("lookup"),
            d.filter(x -> x instanceof YMap || x instanceof YList)));
      } else if (v instanceof YScalar s) {
        vars.put(e.key(), new Var(e.keyLoc(), s.isNull() ? Optional.empty()
            : Optional.of(new Value(s.text(), s.loc())), false, false, Optional.empty()));
      } else {
        p.add(v.loc(), "variable '" + e.key() + "' must be a mapping with a 'default' (or a"
            + " plain value), not " + v.kind() + ".");
      }
    }));
    for (Map.Entry<String, YNode> t : targetNodes.entrySet()) {
      Var v = vars.get(t.getKey());
      if (v != null && !v.complex()) {
        p.add(t.getValue().loc(), "the target's variable '" + t.getKey() + "' must be a plain"
            + " value, not " + t.getValue().kind() + " (declare the variable 'type: complex' to"
            + " give it one).");
      } else if (v == null) {
        targetValues.put(t.getKey(), new Value("", t.getValue().loc()));
      }
    }
    for (String name : targetValues.keySet()) {
      if (!vars.containsKey(name)) {
        Value v = targetValues.get(name);
        p.add(v == null ? root.loc() : v.loc(), "target " + target.orElse("?") + " sets variable '"
            + name + "', which the bundle does not declare under variables."
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
        p.add(root.has("variables") ? root.keyLoc("variables") : root.loc(), "--var " + name
            + ": the bundle declares no variable '" + name + "'"
            + (vars.isEmpty() ? "." : "; it declares: " + String.join(", ", vars.keySet()) + ".")
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
      Value v = targetValues.containsKey(name) ? targetValues.get(name)
          : vars.get(name).dflt().orElse(null);
      if (v == null) {
        out = null;
      } else if (visiting.contains(name)) {
        List<String> cycle = new ArrayList<>(visiting);
        java.util.Collections.reverse(cycle);
        cycle.add(name);
        p.add(v.loc(), "variables refer to each other in a cycle: "
            + String.join(" -> ", cycle) + ".");
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

  private YNode substitute(YNode n) {
    if (n instanceof YScalar s) {
      if (s.type() != YScalar.Type.STRING || !s.text().contains("${")) {
        return s;
      }
      Matcher ref = REF.matcher(s.text());
      if (ref.matches()) {
        Optional<YNode> c = complex(ref.group(1).split("\\."), s.loc());
        if (c.isPresent()) {
          return c.get();
        }
      }
      String out = expand(s.text(), s.loc(), new ArrayDeque<>());
      if (out.equals(s.text())) {
        return s;
      }
      boolean whole = ref.matches();
      return new YScalar(s.loc(), out, whole ? typeOf(out) : YScalar.Type.STRING);
    }
    if (n instanceof YMap m) {
      LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
      boolean changed = false;
      for (YMap.Entry e : m.values()) {
        YNode v = e.key().equals(RunJobTask.KEY) && e.value() instanceof YMap r
            ? substitute(sameBundle(r)) : substitute(e.value());
        changed |= v != e.value();
        entries.put(e.key(), v == e.value() ? e : new YMap.Entry(e.key(), e.keyLoc(), v));
      }
      return changed ? new YMap(m.loc(), entries) : m;
    }
    if (n instanceof YList l) {
      List<YNode> items = new ArrayList<>(l.items().size());
      boolean changed = false;
      for (YNode x : l.items()) {
        YNode v = substitute(x);
        changed |= v != x;
        items.add(v);
      }
      return changed ? new YList(l.loc(), items) : l;
    }
    return n;
  }

  /**
   * A run_job_task whose {@code job_id} is {@code ${resources.jobs.<key>.id}}, a job of this
   * bundle, runs that job from this bundle: {@code job_file} (the main file) and
   * {@code job_key} instead.
   */
  private YMap sameBundle(YMap r) {
    Optional<YNode> id = r.get("job_id");
    if (id.isEmpty() || !(id.get() instanceof YScalar s)) {
      return r;
    }
    Matcher m = JOB_ID.matcher(s.text());
    if (!m.matches()) {
      return r;
    }
    // a key the bundle lacks is reported by the load of that job, with a did-you-mean
    LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>();
    for (YMap.Entry e : r.values()) {
      if (e.key().equals("job_id")) {
        entries.put("job_file", new YMap.Entry("job_file", e.keyLoc(), new YScalar(s.loc(),
            file.toAbsolutePath().normalize().toString(), YScalar.Type.STRING)));
        entries.put("job_key", new YMap.Entry("job_key", e.keyLoc(),
            new YScalar(s.loc(), m.group(1), YScalar.Type.STRING)));
      } else {
        entries.put(e.key(), e);
      }
    }
    return new YMap(r.loc(), entries);
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
          p.add(at, ref + ": the bundle declares no variable '" + name + "' under variables."
              + Strings.didYouMean(name, vars.keySet()));
          return null;
        }
        if (v.complex() || path.length > 2 || !name.equals(path[1])) {
          Optional<YNode> c = complex(path, at);
          if (c.isPresent() && c.get() instanceof YScalar cs) {
            return cs.text();
          }
          p.add(at, ref + (v.complex() ? ": '" + name + "' is a complex variable (a mapping or a"
              + " list); use it as a whole value (key: " + ref + "), or one of its fields inside"
              + " text (${var." + name + ".FIELD})." : ": '" + name + "' is a plain variable;"
              + " write ${var." + name + "}."));
          return null;
        }
        String value = value(name, visiting);
        if (value == null && !visiting.contains(name)) {
          p.add(at, ref + ": variable '" + name + "' has no value"
              + (v.lookup() || targetValues.containsKey(name) && targetValues.get(name) == null
                  ? " here (its lookup needs a Databricks workspace)" : "")
              + "; give it one with --var " + name + "=VALUE or BUNDLE_VAR_" + name + ", or a"
              + " 'default' under variables.");
        }
        return value;
      }
      default -> {
        return others.resolve(ref, path, at);
      }
    }
  }

  /**
   * The value of a complex variable, or of a field or item inside one ({@code var.c.field},
   * {@code var.c[0]}), its own references substituted; empty when {@code path} names no complex
   * variable.
   */
  private Optional<YNode> complex(String[] path, Loc at) {
    String[] head = path[1].split("\\[", 2);
    Var v = path[0].equals("var") ? vars.get(head[0]) : null;
    if (v == null || !v.complex()) {
      return Optional.empty();
    }
    YNode n = targetNodes.containsKey(head[0]) ? targetNodes.get(head[0]) : v.node().orElse(null);
    if (n == null || complexDepth > MAX_COMPLEX_DEPTH) {
      return Optional.empty();
    }
    List<String> steps = new ArrayList<>();
    if (head.length > 1) {
      steps.add("[" + head[1]);
    }
    steps.addAll(java.util.Arrays.asList(path).subList(2, path.length));
    n = ComplexPath.at(n, steps).orElse(null);
    if (n == null) {
      p.add(at, "${" + String.join(".", path) + "}: complex variable '" + head[0] + "' has no"
          + " such field or item.");
      return Optional.empty();
    }
    complexDepth++;
    try {
      return Optional.of(substitute(n));
    } finally {
      complexDepth--;
    }
  }

  /** How deep complex variables may refer to each other. */
  private static final int MAX_COMPLEX_DEPTH = 32;
  private int complexDepth;

  private static YScalar.Type typeOf(String text) {
    if (INT.matcher(text).matches()) {
      return YScalar.Type.INT;
    }
    if (FLOAT.matcher(text).matches()) {
      return YScalar.Type.FLOAT;
    }
    return BOOLS.contains(text) ? YScalar.Type.BOOL : YScalar.Type.STRING;
  }
}
