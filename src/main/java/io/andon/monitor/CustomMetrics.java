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

/**
 * Computes a monitor's custom metrics with DuckDB: AGGREGATE ones over the rows of a window and
 * slice ({@code {{input_column}}} becomes the column, or {@code *} at table level), DERIVED ones
 * over the column's metrics, DRIFT ones over the metrics of both windows compared ({@code
 * {{current_df}}.m} and {@code {{base_df}}.m}). A metric without input columns applies to every
 * column but not to the table.
 */
final class CustomMetrics {
  private final List<CustomMetric> metrics;
  private final Duck duck;

  CustomMetrics(List<CustomMetric> metrics, Duck duck) {
    this.metrics = List.copyOf(metrics);
    this.duck = duck;
  }

  /** AGGREGATE metrics of one column over {@code view}, then DERIVED ones over all aggregates. */
  Map<String, Object> aggregates(Duck.Table view, String column, Map<String, Object> builtIn) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CustomMetric m : of(CustomMetric.Type.AGGREGATE, column)) {
      String def = m.definition().replace("{{input_column}}",
          column.equals(":table") ? "*" : Duck.ident(column));
      out.put(m.name(), scalar("SELECT " + def + " FROM " + Duck.ident(view.name()), m));
    }
    Map<String, Object> known = new LinkedHashMap<>(builtIn);
    known.putAll(out);
    for (CustomMetric m : of(CustomMetric.Type.DERIVED, column)) {
      out.put(m.name(), scalar("SELECT " + m.definition() + " FROM (SELECT "
          + numbersAsColumns(known, "") + ")", m));
    }
    return out;
  }

  /** DRIFT metrics of one column, comparing the profile {@code cur} with {@code base}. */
  Map<String, Object> drift(String column, ColumnProfile base, ColumnProfile cur) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (CustomMetric m : of(CustomMetric.Type.DRIFT, column)) {
      String def = m.definition().replaceAll("\\{\\{\\s*current_df\\s*}}\\.(\\w+)", "\"cur__$1\"")
          .replaceAll("\\{\\{\\s*base_df\\s*}}\\.(\\w+)", "\"base__$1\"");
      out.put(m.name(), scalar("SELECT " + def + " FROM (SELECT "
          + numbersAsColumns(cur.metrics(), "cur__") + ", "
          + numbersAsColumns(base.metrics(), "base__") + ")", m));
    }
    return out;
  }

  private List<CustomMetric> of(CustomMetric.Type type, String column) {
    return metrics.stream().filter(m -> m.type() == type && appliesTo(m, column)).toList();
  }

  private static boolean appliesTo(CustomMetric m, String column) {
    return m.inputColumns().isEmpty() ? !column.equals(":table")
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
    try (Statement s = duck.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        return null;
      }
      Object o = rs.getObject(1);
      if (o instanceof Number n) {
        return n.doubleValue();
      }
      return o == null ? null : o.toString();
    } catch (SQLException e) {
      throw new InvalidInputException("custom metric '" + m.name() + "' (" + m.type()
          + ") fails: " + Duck.clean(e.getMessage()) + ". Its definition: " + m.definition(), e);
    }
  }
}
