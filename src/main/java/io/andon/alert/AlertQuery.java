package io.andon.alert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs an alert's query and applies its condition, into an {@link Evaluation}: no rows gives the
 * rule's empty_result_state; a failing query, a missing column or a non-numeric value under a
 * numeric aggregation gives ERROR; otherwise the condition column is aggregated (or the first row's
 * value taken) and compared with the threshold: true is TRIGGERED, false is OK. A comparison with a
 * NULL value gives the empty_result_state; IS_NULL and IS_NOT_NULL test for NULL.
 */
final class AlertQuery {
  /** The state and value of a rule now, before notifications. */
  record Evaluation(AlertRule.State state, Optional<String> value, String message) {}

  private AlertQuery() {}

  /** Runs the rule's query (on a read-only connection) and applies its condition. */
  static Evaluation run(Connection c, AlertRule rule) throws SQLException {
    try {
      return query(c, rule);
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).contains("SQLITE_INTERRUPT")) {
        throw e; // stopped: the store says why
      }
      String m = String.valueOf(e.getMessage()).replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
      return new Evaluation(
          AlertRule.State.ERROR,
          Optional.empty(),
          "the query failed: " + m.lines().findFirst().orElse(m).strip());
    }
  }

  private static Evaluation query(Connection c, AlertRule rule) throws SQLException {
    AlertRule.Condition cond = rule.condition();
    List<Object> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(rule.source().sql())) {
      List<String> args = rule.source().args();
      for (int i = 0; i < args.size(); i++) {
        ps.setString(i + 1, args.get(i)); // SQLite applies the column's affinity
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        int col = -1;
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          names.add(md.getColumnLabel(i));
          if (md.getColumnLabel(i).equalsIgnoreCase(cond.column())) {
            col = i;
          }
        }
        if (col < 0) {
          return new Evaluation(
              AlertRule.State.ERROR,
              Optional.empty(),
              "the result has no"
                  + " column '"
                  + cond.column()
                  + "' (columns: "
                  + String.join(", ", names)
                  + "); fix condition.column or the query.");
        }
        while (rs.next()) {
          Object v = rs.getObject(col);
          values.add(v);
          if (cond.aggregation().isEmpty()) {
            break;
          }
        }
      }
    }
    if (values.isEmpty()) {
      return new Evaluation(
          rule.emptyResultState(),
          Optional.empty(),
          "the query returned no rows (empty_result_state " + rule.emptyResultState() + ")");
    }
    Object value;
    if (cond.aggregation().isEmpty()) {
      value = values.get(0);
    } else {
      AlertRule.Aggregation a = cond.aggregation().get();
      if (a == AlertRule.Aggregation.COUNT) {
        value = (double) values.stream().filter(Objects::nonNull).count();
      } else if (a == AlertRule.Aggregation.COUNT_DISTINCT) {
        HashSet<String> distinct = new HashSet<>();
        values.stream()
            .filter(Objects::nonNull)
            .forEach(
                v ->
                    distinct.add(
                        v instanceof Number n
                            ? Double.toString(n.doubleValue() + 0.0)
                            : v.toString()));
        value = (double) distinct.size();
      } else {
        List<Double> nums = new ArrayList<>();
        for (Object v : values) {
          if (v == null) {
            nums.add(null);
            continue;
          }
          Optional<Double> d = toNumber(v);
          if (d.isEmpty()) {
            return new Evaluation(
                AlertRule.State.ERROR,
                Optional.empty(),
                a + " needs numbers," + " but column '" + cond.column() + "' holds '" + v + "'.");
          }
          nums.add(d.get());
        }
        OptionalDouble r = Aggregations.apply(a, nums);
        value = r.isPresent() ? (Object) r.getAsDouble() : null;
      }
    }
    return compare(rule, value, values.size());
  }

  static Evaluation compare(AlertRule rule, Object value, int rows) {
    AlertRule.Condition cond = rule.condition();
    Optional<String> shown = Optional.ofNullable(value).map(AlertQuery::show);
    String what =
        cond.describe()
            + " with value "
            + shown.orElse("NULL")
            + " over "
            + rows
            + (rows == 1 ? " row" : " rows");
    switch (cond.op()) {
      case IS_NULL:
        return verdict(value == null, shown, what);
      case IS_NOT_NULL:
        return verdict(value != null, shown, what);
      default:
        break;
    }
    if (value == null) {
      return new Evaluation(
          rule.emptyResultState(),
          shown,
          what + ": nothing to compare" + " (empty_result_state " + rule.emptyResultState() + ")");
    }
    String threshold = cond.threshold().orElseThrow();
    Optional<Double> v = toNumber(value);
    Optional<Double> t = AlertRuleParts.number(threshold);
    boolean hit;
    if (cond.op() == AlertRule.Op.EQUAL || cond.op() == AlertRule.Op.NOT_EQUAL) {
      boolean eq =
          v.isPresent() && t.isPresent()
              ? v.get().doubleValue() == t.get()
              : String.valueOf(value).equals(threshold);
      hit = cond.op() == AlertRule.Op.EQUAL ? eq : !eq;
    } else {
      if (v.isEmpty()) {
        return new Evaluation(
            AlertRule.State.ERROR,
            shown,
            what
                + ": '"
                + value
                + "' is not a"
                + " number, so "
                + cond.op()
                + " cannot compare it.");
      }
      double x = v.get();
      double y = t.orElseThrow();
      hit =
          switch (cond.op()) {
            case GREATER_THAN -> x > y;
            case GREATER_THAN_OR_EQUAL -> x >= y;
            case LESS_THAN -> x < y;
            case LESS_THAN_OR_EQUAL -> x <= y;
            default -> throw new IllegalStateException(cond.op().name());
          };
    }
    return verdict(hit, shown, what);
  }

  private static Evaluation verdict(boolean hit, Optional<String> shown, String what) {
    return new Evaluation(
        hit ? AlertRule.State.TRIGGERED : AlertRule.State.OK,
        shown,
        what + (hit ? ": condition met" : ": condition not met"));
  }

  private static Optional<Double> toNumber(Object v) {
    if (v instanceof Number n) {
      return Optional.of(n.doubleValue());
    }
    return v == null ? Optional.empty() : AlertRuleParts.number(v.toString());
  }

  private static String show(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return v.toString();
  }
}
