package io.andon.tdg;

import io.andon.tdg.source.JavaCounting;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Settings of a grade, from {@code andon-tdg.yaml} at the project root (every key optional):
 *
 * <pre>
 * weights: {complexity: 25, coverage: 35, documentation: 15, security: 25}
 * thresholds: {cyclomatic: 30, cognitive: 25, nesting: 4}
 * exclude: ["**&#47;legacy/**"]      # globs on paths relative to the root, for every component
 * default_excludes: true            # also exclude tests, build output and generated code
 * coverage: [target/site/jacoco/jacoco.xml]
 * advisories: osv/
 * min_grade: B
 * require_measured: false           # fail when any component is NOT_MEASURED
 * max_score_drop: 5
 * java_complexity: pmd              # or mccabe: how Java methods are counted
 * </pre>
 */
public record TdgConfig(
    Map<String, Double> weights,
    double cyclomatic,
    double cognitive,
    double nesting,
    List<String> exclude,
    boolean defaultExcludes,
    List<Path> coverage,
    Optional<Path> advisories,
    Optional<Grade> minGrade,
    boolean requireMeasured,
    double maxScoreDrop,
    JavaCounting javaCounting) {

  /** The file andon reads at the project root. */
  public static final String FILE = "andon-tdg.yaml";

  /** Components in report order. */
  public static final List<String> COMPONENTS =
      List.of("complexity", "coverage", "documentation", "security");

  /**
   * Excluded unless default_excludes is false: tests, build output, generated sources, Python
   * virtual environments.
   */
  public static final List<String> DEFAULT_EXCLUDES =
      List.of(
          "**/src/test/**",
          "**/src/it/**",
          "**/target/**",
          "**/build/**",
          "**/generated/**",
          "**/generated-sources/**",
          "**/generated-test-sources/**",
          "**/.*/**",
          "**/tests/**",
          "**/test_*.py",
          "**/*_test.py",
          "**/conftest.py",
          "**/venv/**",
          "**/site-packages/**",
          "**/__pycache__/**");

  public TdgConfig {
    weights = Map.copyOf(weights);
    exclude = List.copyOf(exclude);
    coverage = List.copyOf(coverage);
    Objects.requireNonNull(advisories, "advisories");
    Objects.requireNonNull(minGrade, "minGrade");
    Objects.requireNonNull(javaCounting, "javaCounting");
  }

  /** The brief's defaults. */
  public static TdgConfig defaults() {
    return new TdgConfig(
        defaultWeights(),
        30,
        25,
        4,
        List.of(),
        true,
        List.of(),
        Optional.empty(),
        Optional.empty(),
        false,
        5.0,
        JavaCounting.PMD);
  }

  private static Map<String, Double> defaultWeights() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("complexity", 25.0);
    w.put("coverage", 35.0);
    w.put("documentation", 15.0);
    w.put("security", 25.0);
    return w;
  }

  /** These settings with another allowed score drop. */
  public TdgConfig withMaxScoreDrop(double points) {
    return new TdgConfig(
        weights,
        cyclomatic,
        cognitive,
        nesting,
        exclude,
        defaultExcludes,
        coverage,
        advisories,
        minGrade,
        requireMeasured,
        points,
        javaCounting);
  }

  /** Every exclude glob in force. */
  public List<String> allExcludes() {
    List<String> all = new ArrayList<>(defaultExcludes ? DEFAULT_EXCLUDES : List.of());
    all.addAll(exclude);
    return all;
  }

  /** Reads {@code file} (paths in it are relative to {@code root}); defaults when it is absent. */
  public static TdgConfig load(Path root, Optional<Path> file) {
    Path f = file.orElse(root.resolve(FILE));
    if (file.isEmpty() && !Files.isRegularFile(f)) {
      return defaults();
    }
    YNode node = YamlReader.read(f);
    Problems problems = new Problems();
    TdgConfig d = defaults();
    Optional<YMap> top = problems.map(node, f.toString());
    if (top.isEmpty()) {
      problems.throwIfAny(f + " is not a valid andon-tdg.yaml");
      return d;
    }
    YMap m = top.get();
    problems.unknownKeys(
        m,
        List.of(
            "weights",
            "thresholds",
            "exclude",
            "default_excludes",
            "coverage",
            "advisories",
            "min_grade",
            "require_measured",
            "max_score_drop",
            "java_complexity"),
        "andon-tdg.yaml");
    Map<String, Double> weights = new LinkedHashMap<>(d.weights());
    problems
        .map(m, "weights")
        .ifPresent(
            w -> {
              problems.unknownKeys(w, COMPONENTS, "weights");
              for (String c : COMPONENTS) {
                OptionalDouble v = problems.number(w, c);
                if (v.isPresent()) {
                  if (v.getAsDouble() < 0) {
                    problems.add(w.keyLoc(c), "weight '" + c + "' must be 0 or more.");
                  }
                  weights.put(c, v.getAsDouble());
                }
              }
              if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                problems.add(
                    w.loc(), "the weights add up to 0; give at least one a positive weight.");
              }
            });
    double[] th = {d.cyclomatic(), d.cognitive(), d.nesting()};
    problems
        .map(m, "thresholds")
        .ifPresent(
            t -> {
              List<String> keys = List.of("cyclomatic", "cognitive", "nesting");
              problems.unknownKeys(t, keys, "thresholds");
              for (int i = 0; i < keys.size(); i++) {
                OptionalDouble v = problems.number(t, keys.get(i));
                if (v.isPresent()) {
                  if (v.getAsDouble() < 1) {
                    problems.add(
                        t.keyLoc(keys.get(i)),
                        "threshold '" + keys.get(i) + "' must be 1 or more.");
                  } else {
                    th[i] = v.getAsDouble();
                  }
                }
              }
            });
    List<String> exclude = new ArrayList<>();
    for (YNode n : problems.list(m, "exclude")) {
      problems.scalarText(n, "an exclude").ifPresent(exclude::add);
    }
    List<Path> coverage = new ArrayList<>();
    for (YNode n : problems.list(m, "coverage")) {
      problems.scalarText(n, "a coverage path").ifPresent(s -> coverage.add(root.resolve(s)));
    }
    Optional<Path> advisories = problems.string(m, "advisories").map(root::resolve);
    Optional<Grade> minGrade = Optional.empty();
    Optional<String> mg = problems.string(m, "min_grade");
    if (mg.isPresent()) {
      try {
        minGrade = Optional.of(Grade.parse(mg.get(), "min_grade"));
      } catch (io.andon.error.InvalidInputException e) {
        problems.add(m.keyLoc("min_grade"), e.getMessage());
      }
    }
    OptionalDouble drop = problems.number(m, "max_score_drop");
    if (drop.isPresent() && drop.getAsDouble() < 0) {
      problems.add(m.keyLoc("max_score_drop"), "max_score_drop must be 0 or more.");
    }
    JavaCounting java = d.javaCounting();
    Optional<String> counting = problems.string(m, "java_complexity");
    if (counting.isPresent()) {
      Optional<JavaCounting> parsed = JavaCounting.parse(counting.get());
      if (parsed.isPresent()) {
        java = parsed.get();
      } else {
        problems.add(
            m.keyLoc("java_complexity"),
            "java_complexity '"
                + counting.get()
                + "' is not known; write pmd (the default: PMD 7's counting) or mccabe.");
      }
    }
    boolean defaultExcludes = problems.bool(m, "default_excludes").orElse(true);
    boolean requireMeasured = problems.bool(m, "require_measured").orElse(false);
    problems.throwIfAny(f + " is not a valid andon-tdg.yaml");
    return new TdgConfig(
        weights,
        th[0],
        th[1],
        th[2],
        exclude,
        defaultExcludes,
        coverage,
        advisories,
        minGrade,
        requireMeasured,
        drop.orElse(d.maxScoreDrop()),
        java);
  }
}
