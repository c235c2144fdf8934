package io.andon.gate;

import io.andon.error.InvalidInputException;
import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YList;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
      CheckReader.check(cn, base, problems)
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
