package io.andon.gate;

import io.andon.error.InvalidInputException;
import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML file of gates, validated at load with every problem reported at once as file:line:column:
 *
 * <pre>
 * gates:
 *   - name: production
 *     checks:
 *       - metric: accuracy
 *         comparator: "&gt;="      # quoted: YAML reads a bare &gt; as a folded text block
 *         threshold: 0.95
 *       - metric: psi
 *         comparator: between
 *         threshold: [0, 0.2]
 *       - name: no_regression
 *         metric: accuracy
 *         max_drop: 0.02
 *         baseline: baseline.json
 * </pre>
 *
 * A file may also hold one gate at its top level ({@code name}, {@code checks}).
 *
 * @param file the gates file; relative paths inside it (baselines, {@code file.json:$.path}
 *     metrics) start from its folder
 */
public record GatesFile(Path file, List<QualityGate> gates) {
  static final List<String> GATE_KEYS = List.of("name", "description", "checks");
  static final List<String> CHECK_KEYS =
      List.of(
          "name",
          "metric",
          "comparator",
          "threshold",
          "severity",
          "allow_missing",
          "max_drop",
          "max_rise",
          "baseline",
          "baseline_job",
          "baseline_metric",
          "description");
  private static final Pattern UNQUOTED =
      Pattern.compile("((?:^|[\\s{,])comparator\\s*:\\s*)([>!][^\\s#,}]*)");

  public GatesFile {
    Objects.requireNonNull(file, "file");
    gates = List.copyOf(gates);
  }

  /** The folder relative paths in the file start from. */
  public Path baseDir() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  /**
   * Reads and validates a gates file.
   *
   * @throws InvalidInputException listing every problem with its file:line:column
   */
  public static GatesFile load(Path file) {
    Objects.requireNonNull(file, "file");
    Problems problems = new Problems();
    // a bare comparator is reported, then read as if quoted, so every other problem shows too
    YNode root =
        YamlReader.parse(
            file.toString(), unquotedComparators(file, YamlReader.readText(file), problems));
    List<QualityGate> gates = new ArrayList<>();
    Path base = file.toAbsolutePath().getParent();
    Optional<YMap> top = problems.map(root, file.getFileName() + " (a gates file)");
    if (top.isPresent()) {
      YMap m = top.get();
      List<YNode> gateNodes;
      if (m.has("gates")) {
        problems.unknownKeys(m, List.of("gates"), "a gates file (it holds 'gates:', a list)");
        gateNodes = problems.list(m, "gates");
        if (gateNodes.isEmpty() && m.get("gates").get() instanceof YList) {
          problems.add(m.keyLoc("gates"), "'gates' is empty; add a gate with a name and checks.");
        }
      } else if (m.has("name") || m.has("checks")) {
        gateNodes = List.of(m);
      } else {
        problems.add(
            m.loc(),
            "a gates file needs 'gates:', a list of gates each with a 'name'"
                + " and 'checks'."
                + Strings.didYouMean(m.keys().stream().findFirst().orElse(""), List.of("gates")));
        gateNodes = List.of();
      }
      Map<String, Loc> names = new HashMap<>();
      for (YNode g : gateNodes) {
        gate(g, base == null ? Path.of("") : base, problems)
            .ifPresent(
                q -> {
                  Loc first = names.putIfAbsent(q.name(), g.loc());
                  if (first != null) {
                    problems.add(
                        g.loc(),
                        "gate name '"
                            + q.name()
                            + "' is repeated (first at line "
                            + first.line()
                            + "); gate names must be unique in a file.");
                  } else {
                    gates.add(q);
                  }
                });
      }
    }
    problems.throwIfAny(file + " is not a valid gates file");
    return new GatesFile(file, gates);
  }

  /**
   * Finds bare {@code >=} or {@code !=} comparators, which YAML misreads, before parsing: each is a
   * problem, and the text returned has them quoted.
   */
  private static String unquotedComparators(Path file, String text, Problems problems) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      Matcher mt = UNQUOTED.matcher(lines[i]);
      if (mt.find()) {
        problems.add(
            new Loc(file.toString(), i + 1, mt.end(1) + 1),
            "comparator "
                + mt.group(2)
                + " must be quoted: YAML reads a bare '>' as the start of"
                + " a text block and '!' as a tag. Write comparator: \""
                + mt.group(2)
                + "\" (or a name such as GreaterOrEqual).");
        out.append(lines[i], 0, mt.start(2))
            .append('"')
            .append(mt.group(2))
            .append('"')
            .append(lines[i].substring(mt.end(2)));
      } else {
        out.append(lines[i]);
      }
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static Optional<QualityGate> gate(YNode node, Path base, Problems problems) {
    Optional<YMap> gm = problems.map(node, "a gate");
    if (gm.isEmpty()) {
      return Optional.empty();
    }
    YMap g = gm.get();
    problems.unknownKeys(g, GATE_KEYS, "a gate");
    Optional<String> name = problems.requiredString(g, "name", "a gate");
    if (!g.has("checks")) {
      problems.add(
          g.loc(),
          "gate"
              + name.map(n -> " '" + n + "'").orElse("")
              + " needs 'checks', a list of {metric, comparator, threshold}.");
    }
    List<YNode> checkNodes = problems.list(g, "checks");
    if (g.has("checks") && checkNodes.isEmpty() && g.get("checks").get() instanceof YList) {
      problems.add(
          g.keyLoc("checks"),
          "gate"
              + name.map(n -> " '" + n + "'").orElse("")
              + " has no checks; a gate with no checks would pass everything.");
    }
    List<Check> checks = new ArrayList<>();
    Map<String, Loc> seen = new HashMap<>();
    for (YNode cn : checkNodes) {
      check(cn, base, problems)
          .ifPresent(
              c -> {
                Loc first = seen.putIfAbsent(c.name(), cn.loc());
                if (first != null) {
                  problems.add(
                      cn.loc(),
                      "check name '"
                          + c.name()
                          + "' is repeated in the gate (first"
                          + " at line "
                          + first.line()
                          + "); give one of them its own 'name:'.");
                } else {
                  checks.add(c);
                }
              });
    }
    if (name.isEmpty() || name.get().isBlank()) {
      if (name.isPresent()) {
        problems.add(g.keyLoc("name"), "gate name must not be blank.");
      }
      return Optional.empty();
    }
    return Optional.of(new QualityGate(name.get(), checks));
  }

  private static final Pattern SHORT =
      Pattern.compile("\\s*(\\S+?)\\s*(>=|<=|==|!=|>|<)\\s*(\\S+)\\s*");

  /** A check written on one line: {@code accuracy >= 0.95}. */
  private static Optional<Check> shortCheck(YScalar s, Problems problems) {
    Matcher m = SHORT.matcher(s.text());
    if (!m.matches()) {
      problems.add(
          s.loc(),
          "cannot read the check '"
              + s.text()
              + "'; write it as METRIC OP"
              + " NUMBER (e.g. accuracy >= 0.95, OP one of >, >=, <, <=, ==, !=) or as a mapping"
              + " {metric, comparator, threshold}.");
      return Optional.empty();
    }
    Optional<Measurement> t = Measurement.parse(m.group(3), "");
    if (t.isEmpty() || !Double.isFinite(t.get().value())) {
      problems.add(s.loc(), "threshold must be a finite number, not '" + m.group(3) + "'.");
      return Optional.empty();
    }
    try {
      JsonPath.parse(Metrics.qualified(m.group(1)).map(x -> x[1]).orElse(m.group(1)));
    } catch (IllegalArgumentException e) {
      problems.add(s.loc(), "metric '" + m.group(1) + "': " + e.getMessage() + ".");
      return Optional.empty();
    }
    Comparator c = Comparator.parse(m.group(2)).orElseThrow();
    return Optional.of(
        new Check(
            m.group(1),
            m.group(1),
            c,
            new Threshold.Constant(t.get().value()),
            Severity.ERROR,
            false,
            Optional.of(s.loc())));
  }

  private static Optional<Check> check(YNode node, Path base, Problems problems) {
    if (node instanceof YScalar s && s.type() == YScalar.Type.STRING) {
      return shortCheck(s, problems);
    }
    Optional<YMap> cm = problems.map(node, "a check");
    if (cm.isEmpty()) {
      return Optional.empty();
    }
    YMap c = cm.get();
    int before = problems.list().size();
    problems.unknownKeys(c, CHECK_KEYS, "a check");
    Optional<String> metric = problems.requiredString(c, "metric", "a check");
    metric
        .filter(String::isBlank)
        .ifPresent(x -> problems.add(c.keyLoc("metric"), "metric must not be blank."));
    metric.ifPresent(x -> metricSyntax(x, c, problems));
    Optional<String> name = problems.string(c, "name");
    Severity severity =
        problems.string(c, "severity").map(s -> severity(s, c, problems)).orElse(Severity.ERROR);
    boolean allowMissing = problems.bool(c, "allow_missing").orElse(false);
    boolean hasDrop = c.has("max_drop");
    boolean hasRise = c.has("max_rise");
    Comparator comparator = null;
    Threshold threshold = null;
    if (hasDrop || hasRise) {
      if (hasDrop && hasRise) {
        problems.add(
            c.keyLoc("max_rise"),
            "a check takes max_drop (higher is better) or"
                + " max_rise (lower is better), not both; split it into two checks.");
      }
      for (String k : List.of("comparator", "threshold")) {
        if (c.has(k)) {
          problems.add(
              c.keyLoc(k),
              "'"
                  + k
                  + "' does not go with "
                  + (hasDrop ? "max_drop" : "max_rise")
                  + ": a regression check compares with its baseline; put the"
                  + " constant threshold in a check of its own.");
        }
      }
      String key = hasDrop ? "max_drop" : "max_rise";
      OptionalDouble tol = problems.number(c, key);
      Baseline baseline = baseline(c, base, problems);
      String baselineMetric = problems.string(c, "baseline_metric").orElse(metric.orElse("?"));
      if (tol.isPresent()) {
        if (!Double.isFinite(tol.getAsDouble()) || tol.getAsDouble() < 0) {
          problems.add(
              c.get(key).get().loc(),
              key + " must be a finite number >= 0, not " + tol.getAsDouble() + ".");
        } else {
          comparator = hasDrop ? Comparator.GREATER_OR_EQUAL : Comparator.LESS_OR_EQUAL;
          threshold = new Threshold.Regression(tol.getAsDouble(), baseline, baselineMetric);
        }
      } else if (c.get(key).map(n -> n instanceof YScalar s && s.isNull()).orElse(false)) {
        problems.add(c.keyLoc(key), key + " needs a number, e.g. " + key + ": 0.02.");
      }
    } else {
      for (String k : List.of("baseline", "baseline_job", "baseline_metric")) {
        if (c.has(k)) {
          problems.add(c.keyLoc(k), "'" + k + "' only goes with max_drop or max_rise.");
        }
      }
      Optional<String> ctext = problems.requiredString(c, "comparator", "a check");
      if (ctext.isPresent()) {
        Optional<Comparator> parsed = Comparator.parse(ctext.get());
        if (parsed.isEmpty()) {
          problems.add(c.get("comparator").get().loc(), Comparator.unknownMessage(ctext.get()));
        }
        comparator = parsed.orElse(null);
      }
      if (!c.has("threshold")) {
        problems.add(
            c.loc(),
            "a check needs 'threshold'"
                + (comparator == Comparator.BETWEEN ? ", a list [low, high]." : ", a number."));
      } else if (comparator != null) {
        threshold = threshold(c, comparator, problems);
      }
    }
    if (problems.list().size() > before
        || metric.isEmpty()
        || comparator == null
        || threshold == null) {
      return Optional.empty();
    }
    String checkName = name.filter(n -> !n.isBlank()).orElse(metric.get());
    return Optional.of(
        new Check(
            checkName,
            metric.get(),
            comparator,
            threshold,
            severity,
            allowMissing,
            Optional.of(c.loc())));
  }

  private static void metricSyntax(String metric, YMap c, Problems problems) {
    Optional<String[]> q = Metrics.qualified(metric);
    try {
      JsonPath.parse(q.map(x -> x[1]).orElse(metric));
    } catch (IllegalArgumentException e) {
      problems.add(c.get("metric").get().loc(), "metric '" + metric + "': " + e.getMessage() + ".");
    }
  }

  private static Severity severity(String s, YMap c, Problems problems) {
    try {
      return Severity.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(
          c.get("severity").get().loc(),
          "severity must be error or warning, not '" + s + "'." + severityHint(s));
      return Severity.ERROR;
    }
  }

  private static String severityHint(String s) {
    String t = s.strip().toLowerCase(Locale.ROOT);
    for (String candidate : List.of("error", "warning")) {
      if (!t.isEmpty() && candidate.startsWith(t)) {
        return " Did you mean '" + candidate + "'?";
      }
    }
    return Strings.didYouMean(s, List.of("error", "warning"));
  }

  private static Baseline baseline(YMap c, Path base, Problems problems) {
    Optional<String> file = problems.string(c, "baseline");
    Optional<String> job = problems.string(c, "baseline_job");
    if (file.isPresent() && job.isPresent()) {
      problems.add(
          c.keyLoc("baseline_job"),
          "give 'baseline' (a JSON file) or 'baseline_job'"
              + " (the last successful run of a job), not both.");
    }
    if (file.isPresent()) {
      return new Baseline.File(base.resolve(file.get()).normalize());
    }
    if (job.isPresent() && !job.get().isBlank()) {
      return new Baseline.Job(job.get());
    }
    return new Baseline.Given();
  }

  private static Threshold threshold(YMap c, Comparator comparator, Problems problems) {
    YNode t = c.get("threshold").get();
    if (comparator == Comparator.BETWEEN) {
      if (!(t instanceof YList l) || l.items().size() != 2) {
        problems.add(
            t.loc(),
            "comparator between needs threshold: [low, high], a list of two"
                + " numbers (the range is closed: low and high pass).");
        return null;
      }
      Double low = finite(l.items().get(0), problems);
      Double high = finite(l.items().get(1), problems);
      if (low == null || high == null) {
        return null;
      }
      if (low > high) {
        problems.add(
            t.loc(),
            "range ["
                + Numbers.format(low)
                + ", "
                + Numbers.format(high)
                + "] is empty: low is above high; swap them.");
        return null;
      }
      return new Threshold.Range(low, high);
    }
    if (t instanceof YList) {
      problems.add(
          t.loc(),
          "threshold is a list, but comparator "
              + comparator.symbol()
              + " takes one number; for a range write comparator: between.");
      return null;
    }
    Double v = finite(t, problems);
    return v == null ? null : new Threshold.Constant(v);
  }

  private static Double finite(YNode n, Problems problems) {
    if (n instanceof YScalar s && s.type() != YScalar.Type.BOOL && !s.isNull()) {
      Optional<Measurement> m = Measurement.parse(s.text(), "");
      if (m.isPresent()) {
        double v = m.get().value();
        if (Double.isFinite(v)) {
          return v;
        }
        problems.add(n.loc(), "threshold must be a finite number, not " + s.text() + ".");
        return null;
      }
      if (s.text().strip().matches("[+-]?\\.(inf|Inf|INF|nan|NaN|NAN)")) {
        problems.add(n.loc(), "threshold must be a finite number, not " + s.text() + ".");
        return null;
      }
    }
    problems.add(
        n.loc(),
        "threshold must be a number, not "
            + (n instanceof YScalar s ? "'" + s.text() + "'" : n.kind())
            + ".");
    return null;
  }

  public List<String> names() {
    return gates.stream().map(QualityGate::name).toList();
  }

  /**
   * The gate called {@code name}, or the only gate when no name is given.
   *
   * @throws InvalidInputException naming the gates the file holds
   */
  public QualityGate gate(Optional<String> name) {
    if (name.isEmpty()) {
      if (gates.size() == 1) {
        return gates.get(0);
      }
      throw new InvalidInputException(
          file
              + " holds "
              + gates.size()
              + " gates ("
              + String.join(", ", names())
              + "); choose one with --gate NAME.");
    }
    return gates.stream()
        .filter(g -> g.name().equals(name.get()))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "no gate named '"
                        + name.get()
                        + "' in "
                        + file
                        + "; it holds "
                        + String.join(", ", names())
                        + "."
                        + Strings.didYouMean(name.get(), names())));
  }
}
