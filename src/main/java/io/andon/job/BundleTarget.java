package io.andon.job;

import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The target a bundle is read for: the one given with {@code --target}, else the one marked {@code
 * default: true}; and the values its {@code variables} set.
 *
 * @param name the chosen target, empty for none
 * @param map the target's own mapping (its variables, its resources), empty for none
 * @param bad a {@code --target} the bundle lacks, reported once rather than at each {@code
 *     ${bundle.target}}
 * @param values the plain values the target sets, empty for a lookup without a default
 * @param nodes the values the target sets that are mappings or lists, for complex variables
 */
record BundleTarget(
    Optional<String> name,
    Optional<YMap> map,
    boolean bad,
    Map<String, Optional<BundleVariables.Value>> values,
    Map<String, YNode> nodes) {
  BundleTarget {
    values = Collections.unmodifiableMap(new HashMap<>(values));
    nodes = Collections.unmodifiableMap(new HashMap<>(nodes));
  }

  /**
   * Chooses the target of bundle {@code root}. A bundle read for a {@code run_job_task} ({@code
   * child}) keeps its own default target when it has not the one given.
   */
  static BundleTarget choose(YMap root, BundleSettings given, boolean child, Problems p) {
    Optional<YMap> targets = root.has("targets") ? p.map(root, "targets") : Optional.empty();
    Optional<String> wanted = given.target();
    Optional<String> target = Optional.empty();
    if (wanted.isPresent() && targets.map(t -> t.has(wanted.get())).orElse(false)) {
      target = wanted;
    } else if (wanted.isPresent() && !child) {
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
      return new BundleTarget(Optional.empty(), Optional.empty(), true, Map.of(), Map.of());
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
    Optional<YMap> map =
        target.flatMap(t -> targets.get().get(t)).filter(n -> n instanceof YMap).map(n -> (YMap) n);
    Map<String, Optional<BundleVariables.Value>> values = new HashMap<>();
    Map<String, YNode> nodes = new HashMap<>();
    map.flatMap(t -> t.get("variables"))
        .ifPresent(
            n ->
                p.map(n, "a target's variables")
                    .ifPresent(m -> m.values().forEach(e -> value(e, values, nodes, p))));
    return new BundleTarget(target, map, false, values, nodes);
  }

  private static void value(
      YMap.Entry e,
      Map<String, Optional<BundleVariables.Value>> values,
      Map<String, YNode> nodes,
      Problems p) {
    YNode v = e.value();
    if (v instanceof YList || v instanceof YMap m0 && !m0.has("default") && !m0.has("lookup")) {
      nodes.put(e.key(), v); // a complex variable's value, written out
      return;
    }
    if (v instanceof YMap m) {
      p.unknownKeys(
          m, Set.of("default", "lookup", "description"), "the target's variable '" + e.key() + "'");
      if (m.has("lookup") && !m.has("default")) {
        values.put(e.key(), Optional.empty());
        return;
      }
      v = m.get("default").orElse(null);
    }
    if (v instanceof YScalar s && !s.isNull()) {
      values.put(e.key(), Optional.of(new BundleVariables.Value(s.text(), s.loc())));
    } else if (v != null) {
      nodes.put(e.key(), v);
    }
  }
}
