package io.andon.examples.fraud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Step 4: measures the saved model on the held-out rows and writes {@code reports/metrics.json}.
 *
 * <pre>Validate --work DIR [--threshold 0.5]</pre>
 *
 * Task values and metrics.json fields: {@code accuracy}, {@code precision}, {@code recall}, {@code
 * f1}, {@code roc_auc}, {@code latency_p99_ms}, {@code latency_p50_ms}, {@code latency_max_ms},
 * {@code error_rate}, {@code rows}, {@code frauds}, {@code threshold}, {@code true_positives},
 * {@code false_positives}, {@code true_negatives}, {@code false_negatives}.
 */
public final class Validate {
  private Validate() {}

  public static void main(String[] args) {
    Step.main("validate", args, Set.of("work", "threshold"), Validate::run);
  }

  static Map<String, Object> run(Step.Args a) throws Exception {
    Workspace w = a.workspace();
    double threshold = a.number("threshold", "0.5");
    FraudModel model = FraudModel.load(w.modelFile());
    FeatureTable test = FeatureTable.readParquet(w.features().resolve("test.parquet"));
    Validation v = Validation.run(model, test, threshold);
    Map<String, Object> out = values(v);
    ObjectNode json = Json.mapper().valueToTree(out);
    Files.createDirectories(w.reports());
    Files.writeString(w.metricsJson(), Json.pretty(json) + "\n", StandardCharsets.UTF_8);
    ClassificationMetrics m = v.metrics();
    System.out.printf(
        "validate: %d held-out rows (%d fraud): accuracy %.4f, precision %.4f,"
            + " recall %.4f, f1 %.4f, ROC AUC %.4f%n",
        v.rows(), v.frauds(), m.accuracy(), m.precision(), m.recall(), m.f1(), m.rocAuc());
    System.out.printf(
        "validate: scoring one row at a time: p50 %.3f ms, p99 %.3f ms, max %.3f"
            + " ms, error rate %.4f -> %s%n",
        v.latencyP50Ms(), v.latencyP99Ms(), v.latencyMaxMs(), v.errorRate(), w.metricsJson());
    return out;
  }

  static Map<String, Object> values(Validation v) {
    ClassificationMetrics m = v.metrics();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accuracy", m.accuracy());
    out.put("latency_p99_ms", v.latencyP99Ms());
    out.put("error_rate", v.errorRate());
    out.put("roc_auc", m.rocAuc());
    out.put("f1", m.f1());
    out.put("precision", m.precision());
    out.put("recall", m.recall());
    out.put("latency_p50_ms", v.latencyP50Ms());
    out.put("latency_max_ms", v.latencyMaxMs());
    out.put("rows", v.rows());
    out.put("frauds", v.frauds());
    out.put("threshold", v.threshold());
    out.put("true_positives", m.truePositives());
    out.put("false_positives", m.falsePositives());
    out.put("true_negatives", m.trueNegatives());
    out.put("false_negatives", m.falseNegatives());
    return out;
  }
}
