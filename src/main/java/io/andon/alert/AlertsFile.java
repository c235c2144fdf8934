package io.andon.alert;

import io.andon.util.Strings;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import io.andon.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * An alerts file: {@code destinations:} (a mapping or the path of a shared destinations file) and
 * {@code alerts:}, a list of {@link AlertRule}s. Validated as a whole, every problem with
 * file:line:column.
 */
public record AlertsFile(Path file, Destinations destinations, List<AlertRule> alerts) {
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final List<String> ALERT_KEYS =
      List.of(
          "name",
          "description",
          "query",
          "metric",
          "condition",
          "empty_result_state",
          "retrigger_seconds",
          "notify_on_ok",
          "notify",
          "timeout_seconds");

  public AlertsFile {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(destinations, "destinations");
    alerts = List.copyOf(alerts);
  }

  public Optional<AlertRule> alert(String name) {
    return alerts.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** Reads and validates {@code file}; throws an InvalidInputException listing every problem. */
  public static AlertsFile read(Path file, Env env) {
    Problems problems = new Problems();
    AlertsFile f = parse(file, YamlReader.read(file), env, problems);
    problems.throwIfAny(file + " has invalid alerts");
    return f;
  }

  /** Parses an already-read tree, adding problems. */
  public static AlertsFile parse(Path file, YNode root, Env env, Problems problems) {
    Path dir = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of(""));
    Optional<YMap> m = problems.map(root, "an alerts file");
    if (m.isEmpty()) {
      return new AlertsFile(file, Destinations.none(), List.of());
    }
    problems.unknownKeys(m.get(), List.of("destinations", "alerts"), "an alerts file");
    Destinations destinations =
        m.get()
            .get("destinations")
            .filter(n -> !(n instanceof YScalar s && s.isNull()))
            .map(n -> DestinationsYaml.parse(n, dir, env, problems))
            .orElse(Destinations.none());
    List<AlertRule> alerts = new ArrayList<>();
    Map<String, YNode> seen = new LinkedHashMap<>();
    if (!m.get().has("alerts")) {
      problems.add(m.get().loc(), "an alerts file needs 'alerts:', a list of alerts.");
    }
    for (YNode n : problems.list(m.get(), "alerts")) {
      if (n instanceof YMap am && am.get("name").orElse(null) instanceof YScalar s && !s.isNull()) {
        YNode first = seen.putIfAbsent(s.text().strip(), n);
        if (first != null) {
          problems.add(
              n.loc(),
              "alert name '"
                  + s.text().strip()
                  + "' is used twice (first at"
                  + " line "
                  + first.loc().line()
                  + "); names must be unique, andon keeps each"
                  + " alert's state by name.");
          continue;
        }
      }
      AlertRule a = alert(n, destinations, problems);
      if (a != null) {
        alerts.add(a);
      }
    }
    return new AlertsFile(file, destinations, alerts);
  }

  private static AlertRule alert(YNode node, Destinations destinations, Problems problems) {
    Optional<YMap> om = problems.map(node, "an alert");
    if (om.isEmpty()) {
      return null;
    }
    YMap m = om.get();
    Optional<String> name = problems.requiredString(m, "name", "an alert");
    String where = "alert '" + name.orElse("?") + "'";
    problems.unknownKeys(m, ALERT_KEYS, where);
    name.ifPresent(
        n -> {
          if (!Destinations.ID.matcher(n).matches()) {
            problems.add(
                DestinationsYaml.valueLoc(m, "name"),
                "alert name '" + n + "' may only hold" + " letters, digits, '_', '.' and '-'.");
          }
        });
    boolean hasQuery = m.has("query");
    boolean hasMetric = m.has("metric");
    AlertRule.Source source = null;
    if (hasQuery == hasMetric) {
      problems.add(
          m.loc(),
          where
              + " needs exactly one of 'query' (a SELECT over the andon"
              + " store) and 'metric' ({table, column, where, latest_by}).");
    } else if (hasQuery) {
      Optional<String> sql = problems.string(m, "query").map(String::strip);
      if (sql.isPresent()) {
        String first = sql.get().split("\\s+", 2)[0].toUpperCase();
        if (!first.equals("SELECT") && !first.equals("WITH")) {
          problems.add(
              DestinationsYaml.valueLoc(m, "query"),
              "the query of "
                  + where
                  + " must be a"
                  + " SELECT (or WITH ... SELECT); alerts only read the store.");
        } else {
          source = new AlertRule.Query(sql.get());
        }
      }
    } else {
      source = metric(m, where, problems);
    }
    AlertRule.Condition condition = condition(m, where, source, problems);
    AlertRule.State empty = AlertRule.State.OK;
    Optional<String> e = problems.string(m, "empty_result_state");
    if (e.isPresent()) {
      List<String> allowed = List.of("OK", "TRIGGERED", "ERROR");
      if (allowed.contains(e.get().strip().toUpperCase())) {
        empty = AlertRule.State.valueOf(e.get().strip().toUpperCase());
      } else {
        problems.add(
            DestinationsYaml.valueLoc(m, "empty_result_state"),
            "'empty_result_state' must" + " be OK, TRIGGERED or ERROR, not '" + e.get() + "'.");
      }
    }
    OptionalLong retrigger = problems.integer(m, "retrigger_seconds");
    if (retrigger.isPresent() && retrigger.getAsLong() < 0) {
      problems.add(
          DestinationsYaml.valueLoc(m, "retrigger_seconds"),
          "'retrigger_seconds' must"
              + " be 0 (notify once while triggered) or a positive number of seconds.");
    }
    OptionalLong timeout = problems.integer(m, "timeout_seconds");
    if (timeout.isPresent() && (timeout.getAsLong() < 1 || timeout.getAsLong() > 3600)) {
      problems.add(
          DestinationsYaml.valueLoc(m, "timeout_seconds"),
          "'timeout_seconds' must be" + " between 1 and 3600.");
    }
    boolean notifyOnOk = problems.bool(m, "notify_on_ok").orElse(false);
    List<Destination> targets = new ArrayList<>();
    for (YNode item : problems.list(m, "notify")) {
      if (!(item instanceof YMap im)) {
        problems.add(
            item.loc(),
            "each entry of 'notify' is a mapping {id: DESTINATION_ID}."
                + (item instanceof YScalar s ? " Write {id: " + s.text() + "}." : ""));
        continue;
      }
      problems.unknownKeys(im, List.of("id"), "an entry of 'notify'");
      problems
          .requiredString(im, "id", "an entry of 'notify'")
          .ifPresent(
              id -> {
                Optional<Destination> d = destinations.get(id.strip());
                if (d.isEmpty() && destinations.isInvalid(id.strip())) {
                  return; // its declaration's problems are reported already
                }
                if (d.isEmpty()) {
                  problems.add(
                      DestinationsYaml.valueLoc(im, "id"),
                      "unknown destination id '"
                          + id
                          + "'; "
                          + (destinations.declared().isEmpty()
                              ? "declare it under 'destinations:'."
                              : "declared ids: "
                                  + String.join(", ", destinations.declared())
                                  + "."
                                  + Strings.didYouMean(id, destinations.declared())));
                } else {
                  targets.add(d.get());
                }
              });
    }
    if (name.isEmpty() || source == null || condition == null) {
      return null;
    }
    return new AlertRule(
        name.get(),
        problems.string(m, "description"),
        source,
        condition,
        empty,
        Math.max(0, retrigger.orElse(0)),
        notifyOnOk,
        targets,
        (int) Math.min(3600, Math.max(1, timeout.orElse(30))));
  }

  private static AlertRule.Metric metric(YMap parent, String where, Problems problems) {
    Optional<YMap> om = problems.map(parent, "metric");
    if (om.isEmpty()) {
      return null;
    }
    YMap m = om.get();
    problems.unknownKeys(
        m, List.of("table", "column", "where", "latest_by"), "the metric of " + where);
    Optional<String> table = identifier(m, "table", "the metric of " + where, true, problems);
    Optional<String> column = identifier(m, "column", "the metric of " + where, true, problems);
    Optional<String> latest = identifier(m, "latest_by", "the metric of " + where, false, problems);
    Map<String, String> filter = new LinkedHashMap<>();
    problems
        .map(m, "where")
        .ifPresent(
            w -> {
              for (YMap.Entry e : w.values()) {
                if (!IDENTIFIER.matcher(e.key()).matches()) {
                  problems.add(
                      e.keyLoc(),
                      "'" + e.key() + "' is not a column name (letters, digits and" + " '_').");
                  continue;
                }
                problems
                    .scalarText(e.value(), "the value of '" + e.key() + "'")
                    .ifPresent(v -> filter.put(e.key(), v));
              }
            });
    if (table.isEmpty() || column.isEmpty()) {
      return null;
    }
    return new AlertRule.Metric(table.get(), column.get(), filter, latest);
  }

  private static Optional<String> identifier(
      YMap m, String key, String where, boolean required, Problems problems) {
    Optional<String> v =
        required ? problems.requiredString(m, key, where) : problems.string(m, key);
    if (v.isPresent() && !IDENTIFIER.matcher(v.get().strip()).matches()) {
      problems.add(
          DestinationsYaml.valueLoc(m, key),
          "'"
              + key
              + "' of "
              + where
              + " must be a"
              + " table or column name (letters, digits and '_'), not '"
              + v.get()
              + "'.");
      return Optional.empty();
    }
    return v.map(String::strip);
  }

  private static AlertRule.Condition condition(
      YMap parent, String where, AlertRule.Source source, Problems problems) {
    if (!parent.has("condition")) {
      problems.add(
          parent.loc(), where + " needs 'condition': {column, aggregation, op," + " threshold}.");
      return null;
    }
    Optional<YMap> om = problems.map(parent, "condition");
    if (om.isEmpty()) {
      return null;
    }
    YMap m = om.get();
    String w = "the condition of " + where;
    problems.unknownKeys(m, List.of("column", "aggregation", "op", "threshold"), w);
    Optional<String> column = problems.string(m, "column").map(String::strip);
    if (column.isEmpty() && source instanceof AlertRule.Metric metric) {
      column = Optional.of(metric.column());
    } else if (column.isEmpty() && !m.has("column")) {
      problems.add(m.loc(), w + " needs 'column': the result column to test.");
    }
    Optional<AlertRule.Aggregation> aggregation = Optional.empty();
    Optional<String> agg = problems.string(m, "aggregation");
    if (agg.isPresent()) {
      aggregation =
          enumValue(
              AlertRule.Aggregation.class,
              agg.get(),
              "aggregation",
              DestinationsYaml.valueLoc(m, "aggregation"),
              problems);
      if (aggregation.isEmpty()) {
        return null;
      }
    }
    Optional<String> opText = problems.requiredString(m, "op", w);
    if (opText.isEmpty()) {
      return null;
    }
    Optional<AlertRule.Op> op =
        enumValue(
            AlertRule.Op.class, opText.get(), "op", DestinationsYaml.valueLoc(m, "op"), problems);
    if (op.isEmpty()) {
      return null;
    }
    Optional<String> threshold = problems.string(m, "threshold").map(String::strip);
    if (op.get().needsThreshold() && threshold.isEmpty()) {
      problems.add(m.loc(), w + " needs 'threshold' for " + op.get() + ".");
      return null;
    }
    if (!op.get().needsThreshold() && threshold.isPresent()) {
      problems.add(
          DestinationsYaml.valueLoc(m, "threshold"),
          op.get() + " takes no threshold;" + " remove it.");
    }
    if (threshold.isPresent()
        && op.get().needsThreshold()
        && op.get() != AlertRule.Op.EQUAL
        && op.get() != AlertRule.Op.NOT_EQUAL
        && number(threshold.get()).isEmpty()) {
      problems.add(
          DestinationsYaml.valueLoc(m, "threshold"),
          "the threshold of " + op.get() + " must be a number, not '" + threshold.get() + "'.");
      return null;
    }
    if (column.isEmpty()) {
      return null;
    }
    return new AlertRule.Condition(
        column.get(),
        aggregation,
        op.get(),
        op.get().needsThreshold() ? threshold : Optional.empty());
  }

  static Optional<Double> number(String text) {
    try {
      double d = Double.parseDouble(text.strip());
      return Double.isNaN(d) ? Optional.empty() : Optional.of(d);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> enumValue(
      Class<E> type, String text, String key, io.andon.yaml.Loc at, Problems problems) {
    String t = text.strip().toUpperCase();
    List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    if (names.contains(t)) {
      return Optional.of(Enum.valueOf(type, t));
    }
    String hint =
        Map.of(
                "MEAN",
                "AVG",
                "AVERAGE",
                "AVG",
                "STD",
                "STDDEV",
                "STDEV",
                "STDDEV",
                "GT",
                "GREATER_THAN",
                "LT",
                "LESS_THAN",
                "EQ",
                "EQUAL",
                "NE",
                "NOT_EQUAL")
            .getOrDefault(t, null);
    problems.add(
        at,
        "unknown "
            + key
            + " '"
            + text
            + "'; use one of "
            + String.join(", ", names)
            + "."
            + (hint != null && names.contains(hint)
                ? " Did you mean '" + hint + "'?"
                : Strings.didYouMean(t, names)));
    return Optional.empty();
  }
}
