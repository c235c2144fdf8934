package io.andon.examples.fraud;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one run of the example keeps its files:
 *
 * <pre>
 * data/transactions.csv      training data (ingest)
 * data/production.csv        the production batch, with the documented shift (ingest)
 * features/{train,test,production}.parquet   (features)
 * model/model.tribuo         the trained classifier (train)
 * reports/metrics.json       held-out metrics, latency and error rate (validate)
 * reports/drift.html         the drift report (drift_report)
 * reports/tdg.json           the code grade (tdg)
 * reports/summary.txt        the run's summary (summary)
 * </pre>
 */
public record Workspace(Path root) {
  public Workspace {
    Objects.requireNonNull(root, "root");
    root = root.toAbsolutePath().normalize();
  }

  public Path trainingCsv() {
    return root.resolve("data/transactions.csv");
  }

  public Path productionCsv() {
    return root.resolve("data/production.csv");
  }

  public Path features() {
    return root.resolve("features");
  }

  public Path modelFile() {
    return root.resolve("model/model.tribuo");
  }

  public Path reports() {
    return root.resolve("reports");
  }

  public Path metricsJson() {
    return reports().resolve("metrics.json");
  }
}
