package io.andon.spark;

import io.andon.monitor.ModelQuality;
import io.andon.monitor.MonitorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The classification metrics of an inference log's groups, exact: the confusion counts of each
 * group (rows per label and prediction) from Spark, the metrics from them as the single-machine
 * engine computes them; roc_auc from the rows per score and label (the Mann-Whitney statistic with
 * ties at their mid-rank), when the group's labels have two classes.
 */
final class Classification {
  private final SparkSession spark;
  private final MonitorSpec spec;
  private final GroupQuery query;

  Classification(SparkSession spark, MonitorSpec spec, GroupQuery query) {
    this.spark = spark;
    this.spec = spec;
    this.query = query;
  }

  /**
   * Adds the metrics to the quality of each group of {@code groups}; with {@code fairness}, a slice
   * of a predicate or boolean column also gets the fairness metrics against the other rows of its
   * window and model.
   */
  void add(Map<GroupQuery.Key, GroupQuery.Stats> groups, boolean fairness) {
    String label = "CAST(" + SparkTables.ident(spec.labelCol().orElseThrow()) + " AS STRING)";
    String pred = "CAST(" + SparkTables.ident(spec.predictionCol().orElseThrow()) + " AS STRING)";
    String both = " WHERE " + label + " IS NOT NULL AND " + pred + " IS NOT NULL";
    Map<GroupQuery.Key, Map<String, Map<String, Long>>> counts = new LinkedHashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT __w, __m, __k, __s, "
                    + query.allSql()
                    + " AS __all, "
                    + label
                    + " AS __l, "
                    + pred
                    + " AS __p, count(*) FROM "
                    + GroupQuery.view()
                    + both
                    + " GROUP BY "
                    + query.groupBy(", " + label + ", " + pred))
            .collectAsList()) {
      Optional<GroupQuery.Key> key = query.key(r);
      if (key.isPresent()) {
        counts
            .computeIfAbsent(key.get(), k -> new TreeMap<>())
            .computeIfAbsent(r.getString(5), k -> new TreeMap<>())
            .put(r.getString(6), r.getLong(7));
      }
    }
    Map<GroupQuery.Key, Double> auc =
        spec.predictionProbaCol().isPresent() ? auc(both, label) : Map.of();
    for (Map.Entry<GroupQuery.Key, GroupQuery.Stats> g : groups.entrySet()) {
      Map<String, Map<String, Long>> cm = counts.getOrDefault(g.getKey(), Map.of());
      TreeSet<String> classes = new TreeSet<>(cm.keySet());
      cm.values().forEach(m -> classes.addAll(m.keySet()));
      List<String> cls = new ArrayList<>(classes);
      long[][] matrix = new long[cls.size()][cls.size()];
      cm.forEach((l, row) -> row.forEach((p, n) -> matrix[cls.indexOf(l)][cls.indexOf(p)] = n));
      Map<String, Object> q = g.getValue().quality();
      q.putAll(ModelQuality.fromConfusion(cls, matrix));
      if (cm.size() == 2 && auc.containsKey(g.getKey())) {
        q.put("roc_auc", auc.get(g.getKey()));
      }
      GroupQuery.Key k = g.getKey();
      if (fairness
          && k.sliceValue().filter(v -> v.equals("true") || v.equals("false")).isPresent()) {
        Map<String, Map<String, Long>> whole =
            counts.getOrDefault(
                new GroupQuery.Key(k.window(), k.model(), Optional.empty(), Optional.empty()),
                Map.of());
        TreeSet<String> all = new TreeSet<>(classes);
        whole.forEach(
            (l, row) -> {
              all.add(l);
              all.addAll(row.keySet());
            });
        List<String> names = new ArrayList<>(all);
        long[][] group = matrix(names, cm);
        long[][] rest = matrix(names, whole);
        for (int a = 0; a < names.size(); a++) {
          for (int b = 0; b < names.size(); b++) {
            rest[a][b] -= group[a][b];
          }
        }
        q.putAll(ModelQuality.fairness(names, group, rest));
      }
    }
  }

  private static long[][] matrix(List<String> cls, Map<String, Map<String, Long>> counts) {
    long[][] m = new long[cls.size()][cls.size()];
    counts.forEach((l, row) -> row.forEach((p, n) -> m[cls.indexOf(l)][cls.indexOf(p)] = n));
    return m;
  }

  /** roc_auc of the groups whose labels have two classes, the larger one positive. */
  private Map<GroupQuery.Key, Double> auc(String both, String label) {
    String score =
        "CAST(" + SparkTables.ident(spec.predictionProbaCol().orElseThrow()) + " AS DOUBLE)";
    Map<GroupQuery.Key, TreeMap<Double, Map<String, Long>>> byScore = new LinkedHashMap<>();
    for (Row r :
        spark
            .sql(
                "SELECT __w, __m, __k, __s, "
                    + query.allSql()
                    + " AS __all, coalesce("
                    + score
                    + ", CAST('NaN' AS DOUBLE)) AS __sc, "
                    + label
                    + " AS __l, count(*) FROM "
                    + GroupQuery.view()
                    + both
                    + " GROUP BY "
                    + query.groupBy(", coalesce(" + score + ", CAST('NaN' AS DOUBLE)), " + label))
            .collectAsList()) {
      Optional<GroupQuery.Key> key = query.key(r);
      if (key.isPresent()) {
        byScore
            .computeIfAbsent(key.get(), k -> new TreeMap<>(Double::compare))
            .computeIfAbsent(r.getDouble(5), k -> new LinkedHashMap<>())
            .merge(r.getString(6), r.getLong(7), Long::sum);
      }
    }
    Map<GroupQuery.Key, Double> out = new LinkedHashMap<>();
    byScore.forEach(
        (key, scores) -> {
          TreeSet<String> labels = new TreeSet<>();
          scores.values().forEach(m -> labels.addAll(m.keySet()));
          if (labels.size() != 2) {
            return;
          }
          String positive = labels.last();
          double below = 0;
          double rankSum = 0;
          long npos = 0;
          long nneg = 0;
          for (Map<String, Long> at : scores.values()) {
            long pos = at.getOrDefault(positive, 0L);
            long all = at.values().stream().mapToLong(Long::longValue).sum();
            rankSum += pos * (below + (all + 1) / 2.0);
            below += all;
            npos += pos;
            nneg += all - pos;
          }
          out.put(
              key,
              npos == 0 || nneg == 0
                  ? Double.NaN
                  : (rankSum - npos * (npos + 1) / 2.0) / ((double) npos * nneg));
        });
    return out;
  }
}
