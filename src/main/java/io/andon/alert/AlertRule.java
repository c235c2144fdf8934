package io.andon.alert;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert, as Databricks SQL alerts have them: a query over andon's store (SQL, or a metric
 * selector that andon turns into SQL), a condition on one column (aggregation, operator,
 * threshold), the state an empty result means, and who hears about it.
 *
 * @param retriggerSeconds 0: notify once per TRIGGERED episode; N: again every N seconds while it
 *     stays TRIGGERED
 * @param notifyOnOk also notify when a TRIGGERED alert returns to OK
 */
public record AlertRule(
    String name,
    Optional<String> description,
    Source source,
    Condition condition,
    State emptyResultState,
    long retriggerSeconds,
    boolean notifyOnOk,
    List<Destination> destinations,
    int timeoutSeconds) {

  public AlertRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(emptyResultState, "emptyResultState");
    destinations = List.copyOf(destinations);
    if (retriggerSeconds < 0) {
      throw new IllegalArgumentException("retriggerSeconds must be >= 0");
    }
  }

  /** Alert states. UNKNOWN: never evaluated. */
  public enum State {
    OK,
    TRIGGERED,
    ERROR,
    UNKNOWN
  }

  /** Databricks' aggregations of the condition column over the result rows. */
  public enum Aggregation {
    AVG,
    COUNT,
    COUNT_DISTINCT,
    MAX,
    MEDIAN,
    MIN,
    STDDEV,
    SUM
  }

  /** Comparison of the aggregated value with the threshold. */
  public enum Op {
    EQUAL("=="),
    NOT_EQUAL("!="),
    GREATER_THAN(">"),
    GREATER_THAN_OR_EQUAL(">="),
    LESS_THAN("<"),
    LESS_THAN_OR_EQUAL("<="),
    IS_NULL("is null"),
    IS_NOT_NULL("is not null");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    public boolean needsThreshold() {
      return this != IS_NULL && this != IS_NOT_NULL;
    }
  }

  /** Where the rows come from. */
  public sealed interface Source {
    /** The SQL run against the store. */
    String sql();

    /** The bind values of {@link #sql()}. */
    List<String> args();
  }

  /** A SELECT written by the user, run read-only against the store. */
  public record Query(String sql) implements Source {
    public Query {
      Objects.requireNonNull(sql, "sql");
    }

    @Override
    public List<String> args() {
      return List.of();
    }
  }

  /**
   * A metric selector: {@code column} of {@code table}, rows where each {@code where} column equals
   * its value; with {@code latestBy}, only the rows with the greatest value of that column (the
   * latest window).
   */
  public record Metric(
      String table, String column, Map<String, String> where, Optional<String> latestBy)
      implements Source {
    public Metric {
      Objects.requireNonNull(table, "table");
      Objects.requireNonNull(column, "column");
      where = Map.copyOf(new java.util.TreeMap<>(where));
      Objects.requireNonNull(latestBy, "latestBy");
    }

    @Override
    public String sql() {
      StringBuilder filter = new StringBuilder();
      for (String k : new java.util.TreeMap<>(where).keySet()) {
        filter.append(filter.length() == 0 ? " WHERE " : " AND ").append(q(k)).append(" = ?");
      }
      String sql = "SELECT " + q(column) + " AS " + q(column) + " FROM " + q(table) + filter;
      if (latestBy.isPresent()) {
        sql +=
            (filter.length() == 0 ? " WHERE " : " AND ")
                + q(latestBy.get())
                + " = (SELECT MAX("
                + q(latestBy.get())
                + ") FROM "
                + q(table)
                + filter
                + ")";
      }
      return sql;
    }

    @Override
    public List<String> args() {
      List<String> values = List.copyOf(new java.util.TreeMap<>(where).values());
      if (latestBy.isEmpty()) {
        return values;
      }
      List<String> twice = new java.util.ArrayList<>(values);
      twice.addAll(values);
      return twice;
    }

    private static String q(String identifier) {
      return "\"" + identifier + "\"";
    }
  }

  /**
   * @param column the result column the condition reads
   * @param aggregation empty: the value of the first row
   * @param threshold empty only for IS_NULL and IS_NOT_NULL
   */
  public record Condition(
      String column, Optional<Aggregation> aggregation, Op op, Optional<String> threshold) {
    public Condition {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(aggregation, "aggregation");
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(threshold, "threshold");
      if (op.needsThreshold() && threshold.isEmpty()) {
        throw new IllegalArgumentException(op + " needs a threshold");
      }
    }

    /** For people: {@code MAX(js_distance) > 0.1}. */
    public String describe() {
      String left = aggregation.map(a -> a + "(" + column + ")").orElse(column);
      return left + " " + op.symbol() + threshold.map(t -> " " + t).orElse("");
    }
  }
}
