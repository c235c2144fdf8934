package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables a bundle declares under {@code variables} (a plain value, or a mapping with {@code
 * default}, {@code type}, {@code lookup}, {@code description}), with the values its chosen target
 * sets; a target that sets an undeclared variable, or a mapping for a plain one, is reported.
 */
final class BundleVariables {
  /**
   * A declared variable: where it stands and what its declaration says; a complex one's default is
   * a mapping or a list ({@code node}).
   */
  record Var(
      Loc loc, Optional<Value> dflt, boolean complex, boolean lookup, Optional<YNode> node) {}

  /** A value written in the file, which may refer to other variables. */
  record Value(String text, Loc loc) {}

  private final Map<String, Var> declared;
  private final Map<String, Optional<Value>> targetValues;
  private final Map<String, YNode> targetNodes;

  private BundleVariables(
      Map<String, Var> declared,
      Map<String, Optional<Value>> targetValues,
      Map<String, YNode> targetNodes) {
    this.declared = declared;
    this.targetValues = targetValues;
    this.targetNodes = targetNodes;
  }

  /** Reads the declarations of bundle {@code root} and checks {@code target}'s values on them. */
  static BundleVariables declare(YMap root, BundleTarget target, Problems p) {
    Map<String, Var> vars = new LinkedHashMap<>();
    Optional<YMap> decl = root.has("variables") ? p.map(root, "variables") : Optional.empty();
    decl.ifPresent(
        m -> m.values().forEach(e -> declareOne(e, p).ifPresent(v -> vars.put(e.key(), v))));
    Map<String, Optional<Value>> targetValues = new HashMap<>(target.values());
    for (Map.Entry<String, YNode> t : target.nodes().entrySet()) {
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
        targetValues.put(t.getKey(), Optional.of(new Value("", t.getValue().loc())));
      }
    }
    for (String name : targetValues.keySet()) {
      if (!vars.containsKey(name)) {
        p.add(
            targetValues.get(name).map(Value::loc).orElse(root.loc()),
            "target "
                + target.name().orElse("?")
                + " sets variable '"
                + name
                + "', which the bundle does not declare under variables."
                + Strings.didYouMean(name, vars.keySet()));
      }
    }
    return new BundleVariables(vars, targetValues, target.nodes());
  }

  private static Optional<Var> declareOne(YMap.Entry e, Problems p) {
    YNode v = e.value();
    if (v instanceof YMap vm) {
      p.unknownKeys(
          vm, Set.of("description", "default", "type", "lookup"), "variable '" + e.key() + "'");
      Optional<YNode> d = vm.get("default");
      boolean complex =
          vm.get("type")
                  .filter(t -> t instanceof YScalar s && s.text().equals("complex"))
                  .isPresent()
              || d.filter(x -> x instanceof YMap || x instanceof YList).isPresent();
      Optional<Value> dv =
          d.filter(x -> x instanceof YScalar s && !s.isNull())
              .map(x -> new Value(((YScalar) x).text(), x.loc()));
      return Optional.of(
          new Var(
              e.keyLoc(),
              dv,
              complex,
              vm.has("lookup"),
              d.filter(x -> x instanceof YMap || x instanceof YList)));
    }
    if (v instanceof YScalar s) {
      return Optional.of(
          new Var(
              e.keyLoc(),
              s.isNull() ? Optional.empty() : Optional.of(new Value(s.text(), s.loc())),
              false,
              false,
              Optional.empty()));
    }
    p.add(
        v.loc(),
        "variable '"
            + e.key()
            + "' must be a mapping with a 'default' (or a"
            + " plain value), not "
            + v.kind()
            + ".");
    return Optional.empty();
  }

  /** The declared variable {@code name}. */
  Optional<Var> get(String name) {
    return Optional.ofNullable(declared.get(name));
  }

  /** The names of the declared variables, in declaration order. */
  Set<String> names() {
    return declared.keySet();
  }

  boolean isEmpty() {
    return declared.isEmpty();
  }

  /**
   * The value the file gives {@code name} (declared): the target's, else its default; empty when it
   * has none written.
   */
  Optional<Value> written(String name) {
    return targetValues.containsKey(name) ? targetValues.get(name) : declared.get(name).dflt();
  }

  /** Whether only a Databricks workspace can give {@code name} (declared) its value: a lookup. */
  boolean lookup(String name) {
    return declared.get(name).lookup()
        || targetValues.containsKey(name) && targetValues.get(name).isEmpty();
  }

  /** The value of complex variable {@code name} as the target or its default writes it out. */
  Optional<YNode> complexValue(String name) {
    Var v = declared.get(name);
    if (v == null || !v.complex()) {
      return Optional.empty();
    }
    return targetNodes.containsKey(name) ? Optional.of(targetNodes.get(name)) : v.node();
  }
}
