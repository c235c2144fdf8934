package io.andon.examples.fraud;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Step 2: derives the model's features with DuckDB SQL.
 *
 * <pre>Features --work DIR --sql features.sql [--test-every 5]</pre>
 *
 * Task values: {@code train_rows}, {@code test_rows}, {@code production_rows}, {@code features}.
 */
public final class Features {
  private Features() {}

  public static void main(String[] args) {
    Step.main("features", args, Set.of("work", "sql", "test-every"), Features::run);
  }

  static Map<String, Object> run(Step.Args a) throws Exception {
    Workspace w = a.workspace();
    Path sql = a.path("sql");
    FeatureBuilder.Result r =
        FeatureBuilder.build(
            w.trainingCsv(),
            Optional.of(w.productionCsv()),
            sql,
            w.features(),
            a.integer("test-every", "5", 2));
    System.out.printf(
        "features: %d features from %s; %d training, %d held-out, %d production" + " rows -> %s%n",
        r.features().size(),
        sql.getFileName(),
        r.trainRows(),
        r.testRows(),
        r.productionRows(),
        w.features());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("train_rows", r.trainRows());
    v.put("test_rows", r.testRows());
    v.put("production_rows", r.productionRows());
    v.put("features", r.features().size());
    return v;
  }
}
