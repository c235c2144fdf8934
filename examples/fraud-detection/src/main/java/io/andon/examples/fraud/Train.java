package io.andon.examples.fraud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Step 3: trains the classifier on the training features and saves it.
 *
 * <pre>Train --work DIR [--degrade 0] [--seed 42]</pre>
 *
 * {@code --degrade F} flips that share of the training labels first (0.5 makes them noise), to show
 * the quality gate stopping the line. Task values: {@code rows}, {@code flipped_labels}, {@code
 * degrade}, {@code train_seconds}, {@code model}.
 */
public final class Train {
  private Train() {}

  public static void main(String[] args) {
    Step.main("train", args, Set.of("work", "degrade", "seed"), Train::run);
  }

  static Map<String, Object> run(Step.Args a) throws Exception {
    Workspace w = a.workspace();
    double degrade = a.number("degrade", "0");
    long seed = a.longValue("seed", "42");
    FeatureTable table = FeatureTable.readParquet(w.features().resolve("train.parquet"));
    long t0 = System.nanoTime();
    FraudModel model = FraudModel.train(table, degrade, seed);
    double seconds = (System.nanoTime() - t0) / 1e9;
    model.save(w.modelFile());
    int flipped = (int) Math.round(degrade * table.size());
    System.out.printf(
        "train: logistic regression (Tribuo) on %d rows x %d features in %.1f s%s" + " -> %s%n",
        table.size(),
        table.names().size(),
        seconds,
        flipped > 0 ? String.format(", %d labels flipped (degrade %s)", flipped, degrade) : "",
        w.modelFile());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("rows", table.size());
    v.put("degrade", degrade);
    v.put("flipped_labels", flipped);
    v.put("train_seconds", Math.round(seconds * 100) / 100.0);
    v.put("model", w.modelFile().toString());
    return v;
  }
}
