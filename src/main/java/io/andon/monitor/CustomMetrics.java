package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.monitor.MonitorSpec.CustomMetric;
import io.andon.monitor.data.Duck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes a monitor's custom metrics with DuckDB: AGGREGATE ones over the rows of a window and
 * slice ({@code {{input_column}}} becomes the column, or {@code *} at table level; {@code
 * {{prediction_col}}} and {@code {{label_col}}} the monitor's columns), DERIVED ones over the
 * column's metrics, DRIFT ones over the metrics of both windows compared ({@code {{current_df}}.m}
 * and {@code {{base_df}}.m}). A metric without input columns applies to every column but not to the
 * table.
 */
public final class CustomMetrics {
  private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

  private final List<CustomMetric> metrics;
  private final Duck duck;
  private final Map<String, Optional<String>> columns = new LinkedHashMap<>();

  public CustomMetrics(MonitorSpec spec, Duck duck) {
    this.metrics = spec.customMetrics();
    this.duck = duck;
    columns.put("prediction_col", spec.predictionCol());
    columns.put("label_col", spec.labelCol());
  }

  private String render(CustomMetric m, String column) {
    return render(m, column, columns, Duck::ident);
  }

  /**
   * An AGGREGATE definition with its templates filled in: {@code {{input_column}}} (the column, or
   * {@code *} at table level), {@code {{prediction_col}}} and {@code {{label_col}}} (the monitor's
   * columns), each quoted by {@code ident} as the engine's SQL quotes a column.
   */
  public static String render(
      CustomMetric m, String column, MonitorSpec spec, UnaryOperator<String> ident) {
    Map<String, Optional<String>> named = new LinkedHashMap<>();
    named.put("prediction_col", spec.predictionCol());
    named.put("label_col", spec.labelCol());
    return render(m, column, named, ident);
  }

  private static String render(
      CustomMetric m,
      String column,
      Map<String, Optional<String>> columns,
      UnaryOperator<String> ident) {
    Matcher t = TEMPLATE.matcher(m.definition());
    StringBuilder out = new StringBuilder();
    while (t.find()) {
      String name = t.group(1);
      String value;
      if (name.equals("input_column")) {
        value = column.equals(":table") ? "*" : ident.apply(column);
      } else if (columns.containsKey(name)) {
        value =
            ident.apply(
                columns
                    .get(name)
                    .orElseThrow(
                        () ->
                            new InvalidInputException(
                                "custom metric '"
                                    + m.name()
                                    + "' uses {{"
                                    + name
                                    + "}}, but the monitor has no '"
                                    + name
                                    + "'. Set "
                                    + name
                                    + " in the monitor file (an inference_log monitor).")));
      } else {
        throw new InvalidInputException(
            "custom metric '"
                + m.name()
                + "' uses {{"
                + name
                + "}}, which an aggregate metric does not know. Its templates are {{input_column}},"
                + " {{prediction_col}} and {{label_col}}.");
      }
      t.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    t.appendTail(out);
    return out.toString();
  }

  /** AGGREGATE metrics of one column over {@code view}, then DERIVED ones over all aggregates. */
  Map<String, Object> aggregates(Duck.Table view, String column, Map<String, Object> builtIn) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CustomMetric m : of(CustomMetric.Type.AGGREGATE, column)) {
      String def = render(m, column);
      out.put(m.name(), scalar("SELECT " + def + " FROM " + Duck.ident(view.name()), m));
    }
    Map<String, Object> known = new LinkedHashMap<>(builtIn);
    known.putAll(out);
    out.putAll(derived(column, known));
    return out;
  }

  /**
   * DERIVED metrics of one column over {@code known}, its built-in and AGGREGATE metrics (computed
   * here or by another engine).
   */
  public Map<String, Object> derived(String column, Map<String, Object> known) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CustomMetric m : of(CustomMetric.Type.DERIVED, column)) {
      out.put(
          m.name(),
          scalar(
              "SELECT " + m.definition() + " FROM (SELECT " + numbersAsColumns(known, "") + ")",
              m));
    }
    return out;
  }

  /** DRIFT metrics of one column, comparing the profile {@code cur} with {@code base}. */
  public Map<String, Object> drift(String column, ColumnProfile base, ColumnProfile cur) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CustomMetric m : of(CustomMetric.Type.DRIFT, column)) {
      String def =
          m.definition()
              .replaceAll("\\{\\{\\s*current_df\\s*}}\\.(\\w+)", "\"cur__$1\"")
              .replaceAll("\\{\\{\\s*base_df\\s*}}\\.(\\w+)", "\"base__$1\"");
      out.put(
          m.name(),
          scalar(
              "SELECT "
                  + def
                  + " FROM (SELECT "
                  + numbersAsColumns(cur.metrics(), "cur__")
                  + ", "
                  + numbersAsColumns(base.metrics(), "base__")
                  + ")",
              m));
    }
    return out;
  }

  private List<CustomMetric> of(CustomMetric.Type type, String column) {
    return metrics.stream().filter(m -> m.type() == type && appliesTo(m, column)).toList();
  }

  /** Whether {@code m} applies to {@code column} ({@code :table} for the table). */
  public static boolean appliesTo(CustomMetric m, String column) {
    return m.inputColumns().isEmpty()
        ? !column.equals(":table")
        : m.inputColumns().contains(column);
  }

  private static String numbersAsColumns(Map<String, Object> metrics, String prefix) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : metrics.entrySet()) {
      if (e.getValue() instanceof Number n) {
        parts.add("CAST(" + n + " AS DOUBLE) AS " + Duck.ident(prefix + e.getKey()));
      }
    }
    if (parts.isEmpty()) {
      parts.add("NULL AS " + Duck.ident(prefix + "none"));
    }
    return String.join(", ", parts);
  }

  /** The one value of {@code sql}: a double, a text, or null when SQL gives none. */
  private Object scalar(String sql, CustomMetric m) {
    try (Statement s = duck.connection().createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        return null;
      }
      Object o = rs.getObject(1);
      if (o instanceof Number n) {
        return n.doubleValue();
      }
      return o == null ? null : o.toString();
    } catch (SQLException e) {
      throw new InvalidInputException(
          "custom metric '"
              + m.name()
              + "' ("
              + m.type()
              + ") fails: "
              + Duck.clean(e.getMessage())
              + ". Its definition: "
              + m.definition(),
          e);
    }
  }
}
