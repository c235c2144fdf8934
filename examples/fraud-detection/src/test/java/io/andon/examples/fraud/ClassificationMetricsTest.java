package io.andon.examples.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.util.Json;
import java.io.InputStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Reference values from NumPy and SciPy: src/test/python/fraud_metrics_fixtures.py. */
class ClassificationMetricsTest {
  private static JsonNode cases() throws Exception {
    try (InputStream in =
        ClassificationMetricsTest.class.getResourceAsStream(
            "/examples/fraud/metrics-fixtures.json")) {
      return Json.mapper().readTree(in).get("cases");
    }
  }

  private static double[] doubles(JsonNode a) {
    return StreamSupport.stream(a.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
  }

  private static int[] ints(JsonNode a) {
    return StreamSupport.stream(a.spliterator(), false).mapToInt(JsonNode::asInt).toArray();
  }

  @Test
  void metricsMatchNumpyAndScipyIncludingTiedScores() throws Exception {
    JsonNode cases = cases();
    assertThat(cases.size()).isEqualTo(4);
    for (JsonNode c : cases) {
      ClassificationMetrics m =
          ClassificationMetrics.of(
              doubles(c.get("scores")), ints(c.get("labels")), c.get("threshold").asDouble());
      String name = c.get("name").asText();
      assertThat(m.accuracy()).as(name).isCloseTo(c.get("accuracy").asDouble(), within(1e-12));
      assertThat(m.precision()).as(name).isCloseTo(c.get("precision").asDouble(), within(1e-12));
      assertThat(m.recall()).as(name).isCloseTo(c.get("recall").asDouble(), within(1e-12));
      assertThat(m.f1()).as(name).isCloseTo(c.get("f1").asDouble(), within(1e-12));
      assertThat(m.rocAuc()).as(name).isCloseTo(c.get("roc_auc").asDouble(), within(1e-12));
      assertThat(m.truePositives()).as(name).isEqualTo(c.get("tp").asLong());
      assertThat(m.falsePositives()).as(name).isEqualTo(c.get("fp").asLong());
      assertThat(m.trueNegatives()).as(name).isEqualTo(c.get("tn").asLong());
      assertThat(m.falseNegatives()).as(name).isEqualTo(c.get("fn").asLong());
    }
  }

  @Test
  void nearestRankQuantileMatchesNumpyInvertedCdf() throws Exception {
    for (JsonNode c : cases()) {
      double[] lat = doubles(c.get("latencies"));
      String name = c.get("name").asText();
      assertThat(ClassificationMetrics.quantile(lat, 0.5))
          .as(name)
          .isEqualTo(c.get("p50").asDouble());
      assertThat(ClassificationMetrics.quantile(lat, 0.99))
          .as(name)
          .isEqualTo(c.get("p99").asDouble());
      assertThat(ClassificationMetrics.quantile(lat, 1))
          .as(name)
          .isEqualTo(c.get("max").asDouble());
    }
  }

  @Test
  void precisionIsZeroWhenNothingIsPredictedPositive() {
    ClassificationMetrics m =
        ClassificationMetrics.of(new double[] {0.1, 0.2, 0.3}, new int[] {0, 1, 0}, 0.5);
    assertThat(m.precision()).isZero();
    assertThat(m.recall()).isZero();
    assertThat(m.f1()).isZero();
    assertThat(m.accuracy()).isCloseTo(2 / 3.0, within(1e-15));
    assertThat(m.rocAuc()).isEqualTo(0.5);
  }

  @Test
  void rocAucIsNanWithOneClassOnly() {
    assertThat(ClassificationMetrics.rocAuc(new double[] {0.1, 0.9}, new int[] {0, 0})).isNaN();
  }

  @Test
  void mismatchedLengthsAreRefused() {
    assertThatThrownBy(() -> ClassificationMetrics.of(new double[2], new int[3], 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 scores for 3");
  }
}
