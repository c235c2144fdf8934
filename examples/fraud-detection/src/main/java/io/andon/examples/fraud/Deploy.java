package io.andon.examples.fraud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.andon.util.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 5: registers the validated model as the next version in the model registry folder, with its
 * metrics and lineage (run, parameters, hashes of the data, the features query and the model).
 *
 * <pre>Deploy --work DIR --registry DIR --sql features.sql [--model fraud-detector]
 *        [--run-id N] [--job-name NAME] [--parameters JSON]</pre>
 *
 * Task values: {@code model}, {@code version}, {@code path}.
 */
public final class Deploy {
  private Deploy() {}

  public static void main(String[] args) {
    Step.main(
        "deploy",
        args,
        Set.of("work", "registry", "sql", "model", "run-id", "job-name", "parameters"),
        Deploy::run);
  }

  static Map<String, Object> run(Step.Args a) throws Exception {
    Workspace w = a.workspace();
    Path sql = a.path("sql");
    String name = a.get("model", "fraud-detector");
    if (!Files.isRegularFile(w.metricsJson())) {
      throw new BadInputException(w.metricsJson() + ": no metrics; run the validate task first.");
    }
    JsonNode metrics = Json.mapper().readTree(w.metricsJson().toFile());
    ObjectNode lineage = Json.object();
    lineage.put("run_id", a.longValue("run-id", "0"));
    lineage.put("job_name", a.get("job-name", ""));
    String params = a.get("parameters", "{}");
    try {
      lineage.set("parameters", Json.read(params));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new BadInputException(
          "deploy: --parameters must be a JSON object, not '" + params + "'.");
    }
    ObjectNode data = lineage.putObject("data");
    data.put("training_csv", Hashes.sha256(w.trainingCsv()));
    data.put("train_features", Hashes.sha256(w.features().resolve("train.parquet")));
    data.put("test_features", Hashes.sha256(w.features().resolve("test.parquet")));
    data.put("features_sql", Hashes.sha256(sql));
    lineage.put("workspace", w.root().toString());
    Path features = w.modelFile().resolveSibling(w.modelFile().getFileName() + ".features");
    ModelRegistry.Version v =
        new ModelRegistry(a.path("registry").toAbsolutePath().normalize())
            .register(name, List.of(w.modelFile(), features, w.metricsJson()), metrics, lineage);
    System.out.printf(
        "deploy: registered %s version %d (accuracy %.4f, ROC AUC %.4f) -> %s%n",
        name,
        v.version(),
        metrics.path("accuracy").asDouble(),
        metrics.path("roc_auc").asDouble(),
        v.folder());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", name);
    out.put("version", v.version());
    out.put("path", v.folder().toString());
    return out;
  }
}
