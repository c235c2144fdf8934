package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.ColumnRoles;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.data.Duck;
import io.andon.util.Strings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a Spark monitor run profiles, decided before the first window as the single-machine engine
 * decides it: the columns (numeric or categorical), the ids among them (integer or text, every
 * value distinct on each side: profiled, never compared), the slices (a column's 100 most frequent
 * values, or a predicate's true and false) and the models.
 */
final class SparkPlan {
  static final int MAX_SLICE_VALUES = 100;

  /** A profiled column: its name, DuckDB type, and whether it is read as numbers. */
  record Column(String name, String type, boolean numeric) {}

  /**
   * A slicing expression: a column with its values, or a predicate (values true and false). The
   * whole table is the slice with no expression.
   */
  record SliceSet(Optional<String> expr, boolean predicate, List<String> values) {
    /** The SQL of a row's slice value for this expression; NULL when the row is in none. */
    String valueSql(SparkTables.Table t) {
      if (expr.isEmpty()) {
        return "''";
      }
      if (predicate) {
        return "CASE WHEN coalesce(CAST(("
            + expr.get()
            + ") AS BOOLEAN), false) THEN 'true' ELSE"
            + " 'false' END";
      }
      String c = "CAST(" + SparkTables.ident(expr.get().strip()) + " AS STRING)";
      List<String> quoted = values.stream().map(SparkTables::quote).toList();
      return "CASE WHEN " + c + " IN (" + String.join(", ", quoted) + ") THEN " + c + " END";
    }
  }

  final List<Column> cols = new ArrayList<>();
  final Set<String> ids = new LinkedHashSet<>();
  final List<SliceSet> slices = new ArrayList<>();
  final List<Optional<String>> models = new ArrayList<>();

  SparkPlan(
      SparkSession spark,
      MonitorSpec spec,
      SparkTables.Table input,
      String timedView,
      Optional<String> baseView,
      List<String> warnings) {
    chooseColumns(spec, input, warnings);
    slices.add(new SliceSet(Optional.empty(), false, List.of("")));
    for (String expr : spec.slicingExprs()) {
      slices.add(slice(spark, input, timedView, expr));
    }
    if (spec.modelIdCol().isPresent()) {
      String c = SparkTables.ident(spec.modelIdCol().get());
      for (Row r :
          spark
              .sql(
                  "SELECT DISTINCT CAST("
                      + c
                      + " AS STRING) AS m FROM "
                      + timedView
                      + " WHERE "
                      + c
                      + " IS NOT NULL ORDER BY m")
              .collectAsList()) {
        models.add(Optional.of(r.getString(0)));
      }
    }
    if (models.isEmpty()) {
      models.add(Optional.empty());
    } else {
      models.add(0, Optional.empty()); // every model together, as model_id NULL
    }
    if (spec.columns().isEmpty()) {
      findIds(spark, timedView, baseView, warnings);
    }
  }

  /** The number of comparisons of one window: columns compared x slices x models. */
  int comparisons() {
    int slicesCount = 0;
    for (SliceSet s : slices) {
      slicesCount += s.values().size();
    }
    return (cols.size() - ids.size()) * slicesCount * models.size();
  }

  private void chooseColumns(MonitorSpec spec, SparkTables.Table input, List<String> warnings) {
    List<String> names = new ArrayList<>(input.types().keySet());
    List<String> named = new ArrayList<>(spec.columns());
    named.addAll(spec.drift().ignore());
    spec.modelIdCol().ifPresent(named::add);
    spec.predictionCol().ifPresent(named::add);
    spec.labelCol().ifPresent(named::add);
    spec.predictionProbaCol().ifPresent(named::add);
    for (String n : named) {
      if (!input.types().containsKey(n)) {
        throw new InvalidInputException(
            "column '"
                + n
                + "' named in the monitor is not a column of "
                + input.describe()
                + "."
                + Strings.didYouMean(n, names));
      }
    }
    for (String n : names) {
      if (spec.timestampCol().filter(n::equals).isPresent()
          || spec.modelIdCol().filter(n::equals).isPresent()
          || spec.drift().ignore().contains(n)
          || (!spec.columns().isEmpty() && !spec.columns().contains(n))) {
        continue;
      }
      Duck.ColumnInfo info = SparkTables.info(input, n);
      Optional<Boolean> numeric =
          spec.numeric().contains(n)
              ? Optional.of(true)
              : spec.categorical().contains(n)
                  ? Optional.of(false)
                  : info.isNumeric()
                      ? Optional.of(true)
                      : info.isText() ? Optional.of(false) : Optional.empty();
      if (numeric.isEmpty()) {
        warnings.add(
            "column '"
                + n
                + "' is "
                + info.type()
                + ": not profiled; list it under 'categorical' to profile its text form.");
        continue;
      }
      cols.add(new Column(n, info.type(), numeric.get()));
    }
  }

  private static SliceSet slice(
      SparkSession spark, SparkTables.Table input, String view, String expr) {
    String name = expr.strip();
    try {
      if (input.types().containsKey(name)) {
        String c = "CAST(" + SparkTables.ident(name) + " AS STRING)";
        List<String> values = new ArrayList<>();
        for (Row r :
            spark
                .sql(
                    "SELECT "
                        + c
                        + " AS v, count(*) AS n FROM "
                        + view
                        + " WHERE "
                        + c
                        + " IS NOT NULL GROUP BY 1 ORDER BY n DESC, v LIMIT "
                        + MAX_SLICE_VALUES)
                .collectAsList()) {
          values.add(r.getString(0));
        }
        return new SliceSet(Optional.of(expr), false, values);
      }
      spark.sql("SELECT CAST((" + expr + ") AS BOOLEAN) FROM " + view).schema();
      return new SliceSet(Optional.of(expr), true, List.of("true", "false"));
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "slicing_exprs item '"
              + expr
              + "' is neither a column nor a valid predicate over the columns: "
              + Failures.first(e)
              + ". Columns: "
              + String.join(", ", input.types().keySet())
              + ".",
          e);
    }
  }

  /** Integer and text columns with at least 100 values, all distinct, on each side. */
  private void findIds(
      SparkSession spark, String view, Optional<String> baseView, List<String> warnings) {
    List<Column> candidates = cols.stream().filter(c -> ColumnRoles.idType(c.type())).toList();
    if (candidates.isEmpty()) {
      return;
    }
    Set<String> distinct = allDistinct(spark, view, candidates);
    if (baseView.isPresent()) {
      distinct.retainAll(allDistinct(spark, baseView.get(), candidates));
    }
    for (Column c : candidates) {
      if (distinct.contains(c.name())) {
        ids.add(c.name());
        warnings.add(
            "column '"
                + c.name()
                + "' looks like an id (every value distinct); profiled but left out of drift. Name"
                + " it in 'columns' to compare it anyway.");
      }
    }
  }

  private static Set<String> allDistinct(SparkSession spark, String view, List<Column> cs) {
    List<String> parts = new ArrayList<>();
    for (Column c : cs) {
      String i = SparkTables.ident(c.name());
      parts.add("count(" + i + ")");
      parts.add("count(DISTINCT " + i + ")");
    }
    Row r = spark.sql("SELECT " + String.join(", ", parts) + " FROM " + view).first();
    Set<String> out = new LinkedHashSet<>();
    for (int k = 0; k < cs.size(); k++) {
      long n = r.getLong(2 * k);
      if (n >= ColumnRoles.MIN_VALUES && n == r.getLong(2 * k + 1)) {
        out.add(cs.get(k).name());
      }
    }
    return out;
  }
}
