package io.andon.job;

import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The top-level keys of a bundle and of its chosen target, as data: those andon reads, those it
 * accepts and does not act on (one notice per file and kind), and the rest, which the Databricks
 * CLI warns about and so does andon.
 */
final class BundleKeys {
  /** Top-level keys andon reads. */
  static final Set<String> READ =
      Set.of("bundle", "include", "variables", "targets", "resources", "artifacts");

  /** Top-level keys of an included file andon reads (include there is reported as misplaced). */
  static final Set<String> INCLUDED_READ = Set.of("include", "variables", "targets", "resources");

  /** Keys of the chosen target andon reads. */
  static final Set<String> TARGET_READ = Set.of("default", "variables", "resources");

  static final String LOCAL_WORKSPACE =
      "workspace settings, not used because andon gives"
          + " ${workspace.*} local values (see --workspace)";
  static final String ARTIFACTS =
      "artifacts of a target or an included file, which andon does"
          + " not build (it builds those of the bundle's main file, for the wheel tasks that use them)";

  /** Top-level and target keys accepted without being acted on: key to kind. */
  static final Map<String, String> IGNORED =
      Map.ofEntries(
          Map.entry("workspace", LOCAL_WORKSPACE),
          Map.entry("artifacts", ARTIFACTS),
          Map.entry("permissions", IgnoredKeys.ACCESS),
          Map.entry("run_as", IgnoredKeys.ACCESS),
          Map.entry("sync", IgnoredKeys.WORKSPACE),
          Map.entry("presets", IgnoredKeys.WORKSPACE),
          Map.entry("experimental", IgnoredKeys.WORKSPACE),
          Map.entry("python", IgnoredKeys.WORKSPACE),
          Map.entry("scripts", IgnoredKeys.WORKSPACE),
          Map.entry("mode", IgnoredKeys.WORKSPACE),
          Map.entry("git", IgnoredKeys.WORKSPACE),
          Map.entry("cluster_id", IgnoredKeys.COMPUTE),
          Map.entry("compute_id", IgnoredKeys.COMPUTE),
          Map.entry("bundle", IgnoredKeys.WORKSPACE),
          Map.entry("environments", IgnoredKeys.WORKSPACE));

  /** Keys of the bundle mapping andon reads ({@code git}: its values win over git's). */
  static final Set<String> BUNDLE_READ = Set.of("name", "git");

  private BundleKeys() {}

  /** Notices and warnings for the keys of {@code root} and of the chosen {@code target}. */
  static void check(YMap root, Optional<YMap> target, Problems p) {
    keys(root, READ, "", "the bundle", p);
    root.get("bundle")
        .filter(b -> b instanceof YMap)
        .map(b -> (YMap) b)
        .ifPresent(
            b ->
                b.values().stream()
                    .filter(e -> !BUNDLE_READ.contains(e.key()))
                    .forEach(
                        e -> p.ignored(e.keyLoc(), IgnoredKeys.WORKSPACE, "bundle." + e.key())));
    target.ifPresent(
        t -> {
          keys(t, TARGET_READ, "target.", "the target", p);
          t.get("resources")
              .filter(r -> r instanceof YMap)
              .ifPresent(r -> BundleFiles.otherResources((YMap) r, p));
        });
  }

  /**
   * Notices and warnings for the top-level keys of an included file, of which andon reads the
   * resources, variables and targets.
   */
  static void checkIncluded(YMap m, Problems p) {
    keys(m, INCLUDED_READ, "", "an included bundle file", p);
  }

  private static void keys(YMap m, Set<String> read, String prefix, String where, Problems p) {
    for (YMap.Entry e : m.values()) {
      if (read.contains(e.key())) {
        continue;
      }
      String kind = IGNORED.get(e.key());
      if (kind != null) {
        p.ignored(e.keyLoc(), kind, prefix + e.key());
      } else {
        p.warn(
            e.keyLoc(),
            "unknown key '"
                + e.key()
                + "' in "
                + where
                + "; andon ignores it, as"
                + " the Databricks CLI does."
                + io.andon.util.Strings.didYouMean(
                    e.key(), new java.util.TreeSet<>(IGNORED.keySet())));
      }
    }
  }
}
