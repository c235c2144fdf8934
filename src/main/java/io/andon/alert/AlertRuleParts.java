package io.andon.alert;

import io.andon.util.Strings;
import io.andon.yaml.Loc;
import io.andon.yaml.Problems;
import io.andon.yaml.YMap;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the parts of an alert that say what it measures: its {@code metric:} source (table, column,
 * where, latest_by; names checked as SQL identifiers) and its {@code condition:} (column,
 * aggregation, op, threshold), every problem located.
 */
final class AlertRuleParts {
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private AlertRuleParts() {}

  /** The {@code metric:} source of an alert: a column of a table, filtered, latest by a column. */
  static Optional<AlertRule.Source> metric(YMap parent, String where, Problems problems) {
    Optional<YMap> om = problems.map(parent, "metric");
    if (om.isEmpty()) {
      return Optional.empty();
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
      return Optional.empty();
    }
    return Optional.of(new AlertRule.Metric(table.get(), column.get(), filter, latest));
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

  /**
   * The {@code condition:} of an alert; its column defaults to the metric's ({@code source}, empty
   * when it has none or it is a query).
   */
  static Optional<AlertRule.Condition> condition(
      YMap parent, String where, Optional<AlertRule.Source> source, Problems problems) {
    if (!parent.has("condition")) {
      problems.add(
          parent.loc(), where + " needs 'condition': {column, aggregation, op," + " threshold}.");
      return Optional.empty();
    }
    Optional<YMap> om = problems.map(parent, "condition");
    if (om.isEmpty()) {
      return Optional.empty();
    }
    YMap m = om.get();
    String w = "the condition of " + where;
    problems.unknownKeys(m, List.of("column", "aggregation", "op", "threshold"), w);
    Optional<String> column = problems.string(m, "column").map(String::strip);
    if (column.isEmpty() && source.orElse(null) instanceof AlertRule.Metric metric) {
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
        return Optional.empty();
      }
    }
    Optional<String> opText = problems.requiredString(m, "op", w);
    if (opText.isEmpty()) {
      return Optional.empty();
    }
    Optional<AlertRule.Op> op =
        enumValue(
            AlertRule.Op.class, opText.get(), "op", DestinationsYaml.valueLoc(m, "op"), problems);
    if (op.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> threshold = problems.string(m, "threshold").map(String::strip);
    if (op.get().needsThreshold() && threshold.isEmpty()) {
      problems.add(m.loc(), w + " needs 'threshold' for " + op.get() + ".");
      return Optional.empty();
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
      return Optional.empty();
    }
    if (column.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AlertRule.Condition(
            column.get(),
            aggregation,
            op.get(),
            op.get().needsThreshold() ? threshold : Optional.empty()));
  }

  /** {@code text} as a number, empty when it is none (or NaN). */
  static Optional<Double> number(String text) {
    try {
      double d = Double.parseDouble(text.strip());
      return Double.isNaN(d) ? Optional.empty() : Optional.of(d);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static <E extends Enum<E>> Optional<E> enumValue(
      Class<E> type, String text, String key, Loc at, Problems problems) {
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
