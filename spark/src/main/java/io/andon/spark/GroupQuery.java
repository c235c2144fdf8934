package io.andon.spark;

import io.andon.error.InvalidInputException;
import io.andon.monitor.CustomMetrics;
import io.andon.monitor.ModelQuality;
import io.andon.monitor.MonitorSpec;
import io.andon.monitor.MonitorSpec.CustomMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Aggregates every group of one pass over a table in Spark: each row goes to its window, its model
 * and every model together, and each of its slices; per group, the row count, a state per column
 * ({@link NumericState}, {@link CategoricalState}), the custom AGGREGATE metrics and the sums of
 * the regression metrics, in one query. An inference log's classification metrics come from a
 * second query (the confusion counts) and roc_auc from a third (rows per score and label).
 */
final class GroupQuery {
  private static final String GROUPS = "andon_groups";
  private static final Pattern DECIMAL = Pattern.compile("(?<![\\w.`])(\\d+\\.\\d+)(?![\\w.])");

  /** Where a group's rows belong: the window's start (empty for none), model and slice. */
  record Key(
      Optional<Instant> window,
      Optional<String> model,
      Optional<String> sliceKey,
      Optional<String> sliceValue) {}

  /** One group's aggregates. */
  record Stats(
      long rows,
      Map<String, Object> states,
      Map<String, Map<String, Object>> custom,
      Map<String, Object> quality) {}

  private final SparkSession spark;
  private final MonitorSpec spec;
  private final SparkPlan plan;
  private final SparkTables.Table input;
  private Optional<List<String[]>> customAt = Optional.empty();

  GroupQuery(SparkSession spark, MonitorSpec spec, SparkPlan plan, SparkTables.Table input) {
    this.spark = spark;
    this.spec = spec;
    this.plan = plan;
    this.input = input;
  }

  /**
   * The groups of {@code view}, cut into windows by {@code windowSql} (a TIMESTAMP expression over
   * the view; empty for one window of all rows).
   */
  Map<Key, Stats> groups(String view, Optional<String> windowSql, boolean fairness) {
    explode(view, windowSql);
    Map<Key, Stats> out = new LinkedHashMap<>();
    for (Row r : spark.sql(select(true) + " GROUP BY " + groupBy("")).collectAsList()) {
      key(r).ifPresent(k -> out.put(k, stats(r)));
    }
    if (classification()) {
      new Classification(spark, spec, this).add(out, fairness);
    }
    return out;
  }

  /**
   * The aggregates of no row of {@code view}: what a model or slice the baseline lacks is profiled
   * as (the single-machine engine profiles every model and slice of the baseline, rows or not).
   */
  Stats empty(String view) {
    explode(view, Optional.empty());
    Stats s = stats(spark.sql(select(false) + " WHERE FALSE").first());
    if (classification()) {
      s.quality().putAll(ModelQuality.fromConfusion(List.of(), new long[0][0]));
    }
    return s;
  }

  /** The aggregates' SQL, in the order {@link #stats} reads them. */
  private String select(boolean grouped) {
    List<String> aggs = new ArrayList<>();
    for (SparkPlan.Column c : plan.cols) {
      String i = SparkTables.ident(c.name());
      aggs.add(
          c.numeric()
              ? StateAggregators.NUMERIC
                  + "("
                  + (c.type().equals("VARCHAR") ? "try_cast(" : "CAST(")
                  + i
                  + " AS DOUBLE))"
              : StateAggregators.CATEGORICAL + "(CAST(" + i + " AS STRING))");
    }
    for (String[] at : customAt()) {
      aggs.add(at[2]);
    }
    if (regression()) {
      aggs.addAll(regressionSums());
    }
    return "SELECT "
        + (grouped ? "__w, __m, __k, __s, " + allSql() : "NULL, NULL, 0, '', 1")
        + " AS __all, count(*) AS __n"
        + (aggs.isEmpty() ? "" : ", " + String.join(", ", aggs))
        + " FROM "
        + GROUPS;
  }

  /** The custom AGGREGATE metrics: {column or :table, name, SQL}, in query order. */
  private List<String[]> customAt() {
    if (customAt.isEmpty()) {
      customAt = Optional.of(customMetrics());
    }
    return customAt.get();
  }

  private List<String[]> customMetrics() {
    List<String[]> out = new ArrayList<>();
    List<String> owners = new ArrayList<>(plan.cols.stream().map(SparkPlan.Column::name).toList());
    owners.add(":table");
    for (String owner : owners) {
      for (CustomMetric m : spec.customMetrics()) {
        if (m.type() == CustomMetric.Type.AGGREGATE && CustomMetrics.appliesTo(m, owner)) {
          String def = render(m, owner);
          check(m, def);
          out.add(new String[] {owner, m.name(), def});
        }
      }
    }
    return out;
  }

  private Stats stats(Row r) {
    int at = 6;
    Map<String, Object> states = new LinkedHashMap<>();
    for (SparkPlan.Column c : plan.cols) {
      byte[] b = (byte[]) r.get(at++);
      states.put(
          c.name(),
          c.numeric()
              ? Bytes.back(b, NumericState.class)
              : (Object) Bytes.back(b, CategoricalState.class));
    }
    Map<String, Map<String, Object>> custom = new LinkedHashMap<>();
    for (String[] owner : customAt()) {
      Object v = r.get(at++);
      Object value = v instanceof Number n ? n.doubleValue() : v == null ? null : v.toString();
      custom.computeIfAbsent(owner[0], k -> new LinkedHashMap<>()).put(owner[1], value);
    }
    Map<String, Object> quality = new LinkedHashMap<>();
    if (regression()) {
      long n = r.getLong(at);
      quality.putAll(
          ModelQuality.regression(
              n,
              number(r, at + 1),
              number(r, at + 2),
              number(r, at + 3),
              n == 0 ? 0 : number(r, at + 4) * n));
    }
    return new Stats(r.getLong(5), states, custom, quality);
  }

  private static double number(Row r, int i) {
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).doubleValue();
  }

  /** The view {@link #GROUPS}: each row of {@code view} once per slice it is in. */
  private void explode(String view, Optional<String> windowSql) {
    List<String> structs = new ArrayList<>();
    for (int k = 0; k < plan.slices.size(); k++) {
      structs.add("named_struct('k', " + k + ", 'v', " + plan.slices.get(k).valueSql(input) + ")");
    }
    String model =
        spec.modelIdCol()
            .map(m -> "CAST(" + SparkTables.ident(m) + " AS STRING)")
            .orElse("CAST(NULL AS STRING)");
    String w = windowSql.orElse("CAST(NULL AS TIMESTAMP)");
    spark
        .sql(
            "SELECT * FROM (SELECT t.*, "
                + w
                + " AS __w, "
                + model
                + " AS __m, __sl.k AS __k, __sl.v AS __s FROM "
                + view
                + " t LATERAL VIEW explode(array("
                + String.join(", ", structs)
                + ")) __x AS __sl) WHERE __s IS NOT NULL"
                + (windowSql.isPresent() ? " AND __w IS NOT NULL" : ""))
        .createOrReplaceTempView(GROUPS);
  }

  /** The GROUP BY of a query over {@link #GROUPS}, with {@code extra} columns after the keys. */
  String groupBy(String extra) {
    return spec.modelIdCol().isPresent()
        ? "GROUPING SETS ((__w, __m, __k, __s" + extra + "), (__w, __k, __s" + extra + "))"
        : "__w, __m, __k, __s" + extra;
  }

  /** 1 for the rows of every model together, 0 for one model's. */
  String allSql() {
    return spec.modelIdCol().isPresent() ? "grouping(__m)" : "0";
  }

  /** The view the queries read. */
  static String view() {
    return GROUPS;
  }

  /** A group's key from the first five columns of a row; empty for rows of no model. */
  Optional<Key> key(Row r) {
    boolean all = ((Number) r.get(4)).intValue() == 1;
    if (spec.modelIdCol().isPresent() && !all && r.isNullAt(1)) {
      return Optional.empty();
    }
    SparkPlan.SliceSet s = plan.slices.get(((Number) r.get(2)).intValue());
    Optional<Instant> w = r.isNullAt(0) ? Optional.empty() : Optional.of(instant(r.get(0)));
    return Optional.of(
        new Key(
            w,
            all ? Optional.empty() : Optional.ofNullable(r.getString(1)),
            s.expr(),
            s.expr().isEmpty() ? Optional.empty() : Optional.of(r.getString(3))));
  }

  private static Instant instant(Object o) {
    if (o instanceof Instant i) {
      return i;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (o instanceof java.time.LocalDateTime l) {
      return l.toInstant(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("not a timestamp: " + o);
  }

  private boolean regression() {
    return spec.profileType() == MonitorSpec.ProfileType.INFERENCE_LOG
        && spec.labelCol().isPresent()
        && spec.problemType().orElseThrow() == MonitorSpec.ProblemType.REGRESSION;
  }

  private boolean classification() {
    return spec.profileType() == MonitorSpec.ProfileType.INFERENCE_LOG
        && spec.labelCol().isPresent()
        && spec.problemType().orElseThrow() == MonitorSpec.ProblemType.CLASSIFICATION;
  }

  /** n, squared errors, absolute errors, absolute percentage errors, variance of the labels. */
  private List<String> regressionSums() {
    for (String c : List.of(spec.labelCol().orElseThrow(), spec.predictionCol().orElseThrow())) {
      String type = input.types().get(c);
      if (!SparkTables.info(input, c).isNumeric()) {
        throw new InvalidInputException(
            "column '"
                + c
                + "' is "
                + type
                + ": a regression monitor needs numeric labels and predictions. Store it as a"
                + " number, or set problem_type: classification.");
      }
    }
    String y = "CAST(" + SparkTables.ident(spec.labelCol().get()) + " AS DOUBLE)";
    String p = "CAST(" + SparkTables.ident(spec.predictionCol().get()) + " AS DOUBLE)";
    String both = y + " IS NOT NULL AND " + p + " IS NOT NULL";
    String d = "(" + y + " - " + p + ")";
    return List.of(
        "count(CASE WHEN " + both + " THEN 1 END)",
        "sum(CASE WHEN " + both + " THEN " + d + " * " + d + " END)",
        "sum(CASE WHEN " + both + " THEN abs" + d + " END)",
        "sum(CASE WHEN "
            + both
            + " THEN abs"
            + d
            + " / greatest(abs("
            + y
            + "), "
            + ModelQuality.EPSILON
            + "D) END)",
        "var_pop(CASE WHEN " + both + " THEN " + y + " END)");
  }

  /** An AGGREGATE definition with its templates filled in, for Spark SQL. */
  private String render(CustomMetric m, String column) {
    return doubles(CustomMetrics.render(m, column, spec, SparkTables::ident));
  }

  /**
   * The SQL with its decimal literals ({@code 1.0}) as doubles ({@code 1.0D}), outside quotes:
   * Spark reads them as DECIMAL and rounds an average of them to a few digits, DuckDB averages them
   * as doubles, and the metric must be the same on both engines.
   */
  static String doubles(String sql) {
    StringBuilder out = new StringBuilder();
    String[] parts = sql.split("'", -1);
    for (int i = 0; i < parts.length; i++) {
      out.append(i == 0 ? "" : "'")
          .append(i % 2 == 0 ? DECIMAL.matcher(parts[i]).replaceAll("$1D") : parts[i]);
    }
    return out.toString();
  }

  /** Fails with the metric's name when Spark cannot compile its definition. */
  private void check(CustomMetric m, String def) {
    try {
      spark.sql("SELECT " + def + " FROM " + GROUPS).schema();
    } catch (RuntimeException e) {
      throw new InvalidInputException(
          "custom metric '"
              + m.name()
              + "' (AGGREGATE) fails on Spark: "
              + Failures.first(e)
              + ". Its definition: "
              + m.definition(),
          e);
    }
  }
}
