package io.andon.monitor;

import io.andon.error.InvalidInputException;
import io.andon.error.Problem;
import io.andon.monitor.MonitorColumns.Column;
import io.andon.monitor.MonitorSpec.ColumnRef;
import io.andon.monitor.data.Duck;
import io.andon.util.Strings;
import io.andon.yaml.YMap;
import io.andon.yaml.YNode;
import io.andon.yaml.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The columns a monitor file names (in {@code columns}, {@code ignore}, {@code bounds}, {@code
 * multivariate.columns} and the other settings that take a column), with where each is written; and
 * their check against the table, made before any row is computed, so that a misspelt column is an
 * error at its file:line rather than a silent skip or a failure half-way through a run.
 */
public final class DeclaredColumns {
  /** Settings whose value is one column. */
  static final List<String> SINGLE =
      List.of(
          "timestamp_col", "model_id_col", "prediction_col", "prediction_proba_col", "label_col");

  /** Settings whose value is a list of columns. */
  static final List<String> LISTS = List.of("columns", "numeric", "categorical", "ignore");

  private DeclaredColumns() {}

  /** Every column the monitor mapping {@code m} names, in file order of its settings. */
  static List<ColumnRef> read(YMap m) {
    List<ColumnRef> out = new ArrayList<>();
    for (String k : SINGLE) {
      m.get(k).ifPresent(n -> scalar(n).ifPresent(c -> out.add(new ColumnRef(k, c, n.loc()))));
    }
    for (String k : LISTS) {
      items(m, k, k, out);
    }
    m.get("column_thresholds")
        .filter(YMap.class::isInstance)
        .map(YMap.class::cast)
        .ifPresent(
            t ->
                t.values()
                    .forEach(
                        e -> out.add(new ColumnRef("column_thresholds", e.key(), e.keyLoc()))));
    m.get("bounds")
        .filter(YMap.class::isInstance)
        .map(YMap.class::cast)
        .ifPresent(
            b -> b.values().forEach(e -> out.add(new ColumnRef("bounds", e.key(), e.keyLoc()))));
    m.get("multivariate")
        .filter(YMap.class::isInstance)
        .map(YMap.class::cast)
        .ifPresent(mv -> items(mv, "columns", "multivariate.columns", out));
    m.get("custom_metrics")
        .filter(io.andon.yaml.YList.class::isInstance)
        .map(io.andon.yaml.YList.class::cast)
        .ifPresent(
            l ->
                l.items().stream()
                    .filter(YMap.class::isInstance)
                    .map(YMap.class::cast)
                    .forEach(
                        cm -> items(cm, "input_columns", "custom_metrics.input_columns", out)));
    out.removeIf(r -> r.column().equals(":table"));
    return out;
  }

  private static void items(YMap m, String key, String as, List<ColumnRef> out) {
    Optional<YNode> n = m.get(key);
    if (n.isEmpty()) {
      return;
    }
    if (n.get() instanceof io.andon.yaml.YList l) {
      l.items().forEach(x -> scalar(x).ifPresent(c -> out.add(new ColumnRef(as, c, x.loc()))));
    } else {
      scalar(n.get()).ifPresent(c -> out.add(new ColumnRef(as, c, n.get().loc())));
    }
  }

  private static Optional<String> scalar(YNode n) {
    return n instanceof YScalar s && !s.isNull() ? Optional.of(s.text()) : Optional.empty();
  }

  /**
   * The problems of the columns {@code spec} names that {@code input} does not have, and of bounds
   * declared on a column that is not numeric.
   */
  static List<Problem> missing(MonitorSpec spec, Duck.Table input) {
    return missing(spec, input.source().describe(), input.columns());
  }

  /**
   * The problems of the columns {@code spec} names that a table described as {@code describe}, with
   * {@code columns} (types named as DuckDB names them), does not have, and of bounds declared on a
   * column that is not numeric. Any engine checks its table with it before computing a row.
   */
  public static List<Problem> missing(
      MonitorSpec spec, String describe, List<Duck.ColumnInfo> columns) {
    List<String> names = columns.stream().map(Duck.ColumnInfo::name).toList();
    List<Problem> out = new ArrayList<>();
    for (ColumnRef r : spec.columnRefs()) {
      Optional<Duck.ColumnInfo> c =
          columns.stream().filter(x -> x.name().equals(r.column())).findFirst();
      if (c.isEmpty()) {
        out.add(
            problem(
                r,
                "'"
                    + r.key()
                    + "' names column '"
                    + r.column()
                    + "', which "
                    + describe
                    + " does not have."
                    + Strings.didYouMean(r.column(), names)
                    + " Its columns: "
                    + String.join(", ", names)
                    + "."));
      } else if (r.key().equals("bounds") && !c.get().isNumeric()) {
        out.add(
            problem(
                r,
                "'bounds' apply to numeric columns; column '"
                    + r.column()
                    + "' is "
                    + c.get().type()
                    + ". Remove its bounds (its categories are checked against the baseline's"
                    + " list by out_of_list)."));
      }
    }
    return out;
  }

  /**
   * The problems of the {@code multivariate.columns} that are not among the monitored columns
   * {@code cols} (the timestamp, the model id and ignored columns are not compared).
   */
  static List<Problem> notMonitored(MonitorSpec spec, List<Column> cols) {
    List<String> names = cols.stream().map(Column::name).toList();
    List<Problem> out = new ArrayList<>();
    for (ColumnRef r : spec.columnRefs()) {
      if (r.key().equals("multivariate.columns") && !names.contains(r.column())) {
        out.add(
            problem(
                r,
                "'multivariate.columns' names column '"
                    + r.column()
                    + "', which the monitor does not profile (the timestamp, the model id, ignored"
                    + " columns and columns left out of 'columns' are not). Monitored columns: "
                    + String.join(", ", names)
                    + "."));
      }
    }
    return out;
  }

  /** Stops a run, before any row is computed, on the columns {@code spec} names wrongly. */
  public static void refuse(MonitorSpec spec, List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(
          "the monitor '"
              + spec.name()
              + "' names columns that do not fit its table "
              + spec.table(),
          problems.stream().sorted().toList());
    }
  }

  private static Problem problem(ColumnRef r, String message) {
    return new Problem(r.at().file(), r.at().line(), r.at().column(), message);
  }
}
