package io.andon.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.andon.error.InvalidInputException;
import io.andon.util.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricSourcesTest {
  static final Path DIR = Path.of("src/test/resources/gate/metrics");
  final JsonMetrics eval = JsonMetrics.read(DIR.resolve("eval.json"));

  private static double value(Optional<Measurement> m) {
    assertThat(m).isPresent();
    assertThat(m.get().isNumber()).as("%s", m.get()).isTrue();
    return m.get().value();
  }

  @Test
  void flatKeyIsFoundByItsName() {
    assertThat(value(eval.find("accuracy"))).isEqualTo(0.961);
    assertThat(eval.find("accuracy").get().source())
        .isEqualTo(DIR.resolve("eval.json") + ":$.accuracy");
  }

  @Test
  void nestedKeysAreFoundByDottedPathWithOrWithoutDollar() {
    assertThat(value(eval.find("model.auc"))).isEqualTo(0.97);
    assertThat(value(eval.find("$.model.calibration.ece"))).isEqualTo(0.031);
    assertThat(value(eval.find("$.model['f1 score']"))).isEqualTo(0.88);
  }

  @Test
  void keyHoldingADotIsFoundByTheDottedName() {
    assertThat(value(eval.find("latency.p99_ms"))).isEqualTo(87.5);
  }

  @Test
  void listElementsAreFoundByIndex() {
    assertThat(value(eval.find("folds[1].auc"))).isEqualTo(0.96);
    assertThat(value(eval.find("$.folds[0].auc"))).isEqualTo(0.95);
    assertThat(eval.find("folds[2].auc")).isEmpty();
  }

  @Test
  void fileKeysAreAlsoAvailableUnderTheFilePrefix() {
    JsonMetrics tdg = JsonMetrics.read(DIR.resolve("tdg.json"));
    assertThat(tdg.prefix()).isEqualTo("tdg");
    assertThat(value(tdg.find("tdg.score"))).isEqualTo(87.5);
    assertThat(value(tdg.find("score"))).isEqualTo(87.5);
    assertThat(value(tdg.find("tdg.components.coverage"))).isEqualTo(78.2);
    JsonMetrics named = JsonMetrics.read("code", DIR.resolve("tdg.json"));
    assertThat(value(named.find("code.score"))).isEqualTo(87.5);
    assertThat(named.find("tdg.score")).isEmpty();
  }

  @Test
  void listElementIsChosenByAFieldValue() {
    JsonMetrics drift = JsonMetrics.read(DIR.resolve("drift.json"));
    assertThat(value(drift.find("drift.columns[name=income].psi"))).isEqualTo(0.31);
    assertThat(value(drift.find("$.columns[?@.name=='age'].psi"))).isEqualTo(0.04);
    assertThat(value(drift.find("$.columns[?(@.name == \"age\")].psi"))).isEqualTo(0.04);
    assertThat(drift.find("columns[name=height].psi")).isEmpty();
  }

  /** Rows shaped as {@code andon monitor --format json} writes them: one column, two rows. */
  private static JsonMetrics monitorOutput(Path dir) throws IOException {
    Path f = dir.resolve("monitor.json");
    Files.writeString(
        f,
        """
        {"profile_metrics": [
          {"column_name": "score", "log_type": "BASELINE", "granularity": "snapshot",
           "slice_key": null, "percent_null": 0.0},
          {"column_name": "score", "log_type": "INPUT", "granularity": "snapshot",
           "slice_key": null, "percent_null": 0.3}
        ]}
        """);
    return JsonMetrics.read(f);
  }

  @Test
  void filtersInARowNarrowTheSameListToOneRow(@TempDir Path dir) throws IOException {
    JsonMetrics m = monitorOutput(dir);
    assertThat(
            value(m.find("$.profile_metrics[column_name=score][log_type=INPUT]" + ".percent_null")))
        .isEqualTo(0.3);
    assertThat(
            value(
                m.find(
                    "profile_metrics[column_name=score][log_type=BASELINE]"
                        + "[granularity=snapshot].percent_null")))
        .isEqualTo(0.0);
    assertThat(m.find("profile_metrics[column_name=score][log_type=OUTPUT].percent_null"))
        .isEmpty();
  }

  @Test
  void aSelectorThatMatchesSeveralRowsIsNotMeasuredNeverASilentPick(@TempDir Path dir)
      throws IOException {
    JsonMetrics m = monitorOutput(dir);
    Measurement found = m.find("$.profile_metrics[column_name=score].percent_null").get();
    assertThat(found.isNumber()).isFalse();
    assertThat(found.problem().get())
        .contains("is ambiguous: [column_name=score] matches 2" + " rows")
        .contains("log_type (BASELINE, INPUT)");
    GateResult r =
        QualityGate.named("g")
            .check(
                "$.profile_metrics[column_name=score]" + ".percent_null",
                Comparator.LESS_OR_EQUAL,
                0.05)
            .evaluate(m);
    assertThat(r.checks().get(0).status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(r.passed()).isFalse();
    GateResult exact =
        QualityGate.named("g")
            .check(
                "$.profile_metrics[column_name=score]" + "[log_type=INPUT].percent_null",
                Comparator.LESS_OR_EQUAL,
                0.05)
            .evaluate(m);
    assertThat(exact.checks().get(0).status()).isEqualTo(Status.FAILED);
  }

  @Test
  void pythonsNanAndInfinityAreReadAsSuch() {
    assertThat(value(eval.find("loss"))).isNaN();
    assertThat(value(eval.find("max_error"))).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void numericStringIsANumberButOtherValuesAreNeverZero() {
    assertThat(value(eval.find("precision"))).isEqualTo(0.91);
    assertThat(eval.find("label").get().problem())
        .contains("is the string \"champion\", not a number");
    assertThat(eval.find("recall").get().problem()).contains("is null, not a number");
    assertThat(eval.find("deployed").get().problem())
        .contains("is the boolean true, not a" + " number");
    assertThat(eval.find("model").get().problem().get())
        .startsWith(
            "is an object, not a number;" + " name one of its fields: f1 score, auc, calibration");
    assertThat(eval.find("folds").get().problem().get())
        .startsWith("is a list of 2, not a number;");
  }

  @Test
  void unusableValueMakesTheCheckNotMeasured() {
    QualityGate g = QualityGate.named("g").check("recall", Comparator.LESS_OR_EQUAL, 1);
    CheckResult c = g.evaluate(eval).checks().get(0);
    assertThat(c.status()).isEqualTo(Status.NOT_MEASURED);
    assertThat(c.message())
        .isEqualTo(
            "metric 'recall' at " + DIR.resolve("eval.json") + ":$.recall is null, not a number.");
  }

  @Test
  void commandLineValuesComeBeforeFilesAndFilesInTheOrderGiven() {
    Metrics m =
        Metrics.builder(DIR)
            .metric("accuracy", 0.5)
            .add(JsonMetrics.read(DIR.resolve("tdg.json")))
            .add(eval)
            .build();
    assertThat(value(m.find("accuracy"))).isEqualTo(0.5);
    assertThat(m.find("accuracy").get().source()).isEqualTo("--metric");
    assertThat(value(m.find("score"))).isEqualTo(87.5);
    assertThat(value(m.find("eval.model.auc"))).isEqualTo(0.97);
    assertThat(m.find("nothing")).isEmpty();
    assertThat(m.describe())
        .isEqualTo("--metric, " + DIR.resolve("tdg.json") + ", " + DIR.resolve("eval.json"));
  }

  @Test
  void metricNamingItsFileIsReadRelativeToTheBaseFolder() {
    Metrics m = Metrics.builder(DIR.getParent()).build();
    assertThat(value(m.find("metrics/eval.json:$.model['f1 score']"))).isEqualTo(0.88);
    Measurement missing = m.find("metrics/absent.json:$.accuracy").get();
    assertThat(missing.isNumber()).isFalse();
    assertThat(missing.source()).endsWith("absent.json");
    assertThat(missing.problem().get()).contains("is missing: the file does not exist");
    assertThat(m.find("metrics/eval.json:$.nope")).isEmpty();
  }

  @Test
  void notFoundMetricNamesTheSourcesItSearched() {
    Metrics m = Metrics.builder(DIR).add(eval).build();
    CheckResult c =
        QualityGate.named("g")
            .check("acuracy", Comparator.GREATER_THAN, 0)
            .evaluate(m)
            .checks()
            .get(0);
    assertThat(c.message())
        .isEqualTo(
            "metric 'acuracy' not found in "
                + DIR.resolve("eval.json")
                + ". Did you mean 'accuracy'?");
  }

  @Test
  void malformedJsonIsInvalidInputWithItsPosition(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("m.json");
    Files.writeString(f, "{\"accuracy\": 0.9,\n \"f1\": }\n");
    assertThatThrownBy(() -> JsonMetrics.read(f))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(f + ":2:8: malformed JSON");
  }

  @Test
  void missingOrEmptyMetricsFileIsInvalidInput(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> JsonMetrics.read(dir.resolve("none.json")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
    Path empty = Files.writeString(dir.resolve("e.json"), " \n");
    assertThatThrownBy(() -> JsonMetrics.read(empty))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("is empty");
  }

  @Test
  void taskValuesAreFoundAsTaskDotValue() {
    JsonNode nested =
        Json.object()
            .put("f1", 0.8)
            .set("per_class", Json.mapper().createArrayNode().add(0.7).add(0.9));
    TaskValueMetrics tv =
        new TaskValueMetrics(
            Map.of(
                "train",
                    Map.of(
                        "accuracy",
                        DoubleNode.valueOf(0.93),
                        "metrics",
                        nested,
                        "precision",
                        TextNode.valueOf("0.9")),
                "eval", Map.of()),
            "task values of this run");
    assertThat(value(tv.find("train.accuracy"))).isEqualTo(0.93);
    assertThat(value(tv.find("train.metrics.f1"))).isEqualTo(0.8);
    assertThat(value(tv.find("train.metrics.per_class[1]"))).isEqualTo(0.9);
    assertThat(value(tv.find("train.precision"))).isEqualTo(0.9);
    assertThat(tv.find("train.accuracy").get().source())
        .isEqualTo("task values of this run: train.accuracy");
    assertThat(tv.find("accuracy")).isEmpty();
    assertThat(tv.find("train")).isEmpty();
    assertThat(tv.isEmpty()).isFalse();
  }

  @Test
  void badPathsAreRefusedWithTheirPosition() {
    assertThatThrownBy(() -> JsonPath.parse("$.a[")).hasMessageContaining("never closed");
    assertThatThrownBy(() -> JsonPath.parse("$.a..b"))
        .hasMessageContaining("empty key at position 5");
    assertThatThrownBy(() -> JsonPath.parse("$")).hasMessageContaining("names no value");
  }
}
