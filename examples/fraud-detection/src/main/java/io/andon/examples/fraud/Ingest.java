package io.andon.examples.fraud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Step 1: writes the training transactions and the shifted production batch as CSV.
 *
 * <pre>Ingest --work DIR [--rows 50000] [--seed 42]</pre>
 *
 * Task values: {@code rows}, {@code frauds}, {@code fraud_rate}, {@code production_rows}, {@code
 * training_csv}, {@code production_csv}, {@code training_sha256}.
 */
public final class Ingest {
  private Ingest() {}

  public static void main(String[] args) {
    Step.main("ingest", args, Set.of("work", "rows", "seed"), Ingest::run);
  }

  static Map<String, Object> run(Step.Args a) throws Exception {
    Workspace w = a.workspace();
    int rows = a.integer("rows", "50000", 100);
    long seed = a.longValue("seed", "42");
    TransactionGenerator.Settings training = TransactionGenerator.Settings.training(rows, seed);
    TransactionGenerator.Summary t = TransactionGenerator.write(training, w.trainingCsv());
    TransactionGenerator.Summary p =
        TransactionGenerator.write(training.production(), w.productionCsv());
    System.out.printf(
        "ingest: %d transactions (%d fraud, %.2f%%) -> %s%n",
        t.rows(), t.frauds(), 100.0 * t.frauds() / t.rows(), t.file());
    System.out.printf(
        "ingest: production batch of %d transactions (%d fraud), amounts +50%%,"
            + " more online, more new cards -> %s%n",
        p.rows(), p.frauds(), p.file());
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("rows", t.rows());
    v.put("frauds", t.frauds());
    v.put("fraud_rate", Math.round(10000.0 * t.frauds() / t.rows()) / 10000.0);
    v.put("production_rows", p.rows());
    v.put("training_csv", t.file().toString());
    v.put("production_csv", p.file().toString());
    v.put("training_sha256", Hashes.sha256(t.file()));
    return v;
  }
}
