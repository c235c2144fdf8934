package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.monitor.stats.DriftFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Profile and model-quality metrics against NumPy/SciPy reference values. */
class ProfileAndModelQualityTest {
  private static void close(Object actual, double expected, String what) {
    assertThat(((Number) actual).doubleValue())
        .as(what)
        .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
  }

  @Test
  void numericProfileMatchesNumpy() {
    for (JsonNode c : DriftFixtures.root().get("profiles")) {
      double[] v = DriftFixtures.sample(c.get("sample"));
      ColumnProfile p = ColumnProfile.numeric("v", NumericSample.of(v));
      Map<String, Object> m = p.metrics();
      @SuppressWarnings("unchecked")
      List<Double> qs = (List<Double>) m.get("quantiles");
      double[] ref = DriftFixtures.doubles(c.get("quantiles"));
      for (int i = 0; i < ref.length; i++) {
        close(qs.get(i), ref[i], "quantile " + ColumnProfile.LEVELS[i]);
      }
      close(m.get("avg"), c.get("avg").asDouble(), "avg");
      close(m.get("stddev"), c.get("stddev").asDouble(), "stddev");
      close(m.get("median"), c.get("median").asDouble(), "median");
      close(m.get("min"), c.get("min").asDouble(), "min");
      close(m.get("max"), c.get("max").asDouble(), "max");
      assertThat(m.get("distinct_count")).isEqualTo(c.get("distinct_count").asLong());
      assertThat(m.get("num_zeros")).isEqualTo(c.get("num_zeros").asLong());
      assertThat(m.get("count")).isEqualTo((long) v.length);
    }
  }

  @Test
  void nullsNanAndStringLengthsAreCountedApart() {
    NumericSample s = new NumericSample(10, 3, 2, 0, new double[] {0, 0, 1, 2, 5});
    Map<String, Object> m = ColumnProfile.numeric("x", s).metrics();
    assertThat(m.get("count")).isEqualTo(7L);
    assertThat(m.get("num_nulls")).isEqualTo(3L);
    assertThat(m.get("num_nan")).isEqualTo(2L);
    assertThat(m.get("num_zeros")).isEqualTo(2L);
    close(m.get("percent_null"), 0.3, "percent_null");
    close(m.get("percent_nan"), 2.0 / 7, "percent_nan");
    Map<String, Object> c =
        ColumnProfile.categorical(
                "c", new CategoricalSample(6, 1, Map.of("ab", 3L, "abcd", 1L, "é", 1L)))
            .metrics();
    assertThat(c.get("min_length")).isEqualTo(1L);
    assertThat(c.get("max_length")).isEqualTo(4L);
    close(c.get("avg_length"), (2 * 3 + 4 + 1) / 5.0, "avg_length");
    assertThat(c.get("distinct_count")).isEqualTo(3L);
  }

  @Test
  void classificationMetricsMatchTextbookFormulasAndAucMatchesMannWhitney() {
    for (JsonNode c : DriftFixtures.root().get("classification")) {
      List<String> labels = new ArrayList<>();
      List<String> preds = new ArrayList<>();
      c.get("labels").forEach(x -> labels.add(x.asText()));
      c.get("predictions").forEach(x -> preds.add(x.asText()));
      double[] scores = DriftFixtures.doubles(c.get("scores"));
      Map<String, Object> m = ModelQuality.classification(labels, preds, scores);
      close(m.get("accuracy_score"), c.get("accuracy_score").asDouble(), "accuracy_score");
      for (String k : List.of("precision", "recall", "f1_score")) {
        close(((Map<?, ?>) m.get(k)).get("macro"), c.get(k).asDouble(), k + ".macro");
      }
      if (c.has("roc_auc")) {
        close(m.get("roc_auc"), c.get("roc_auc").asDouble(), "roc_auc");
      } else {
        assertThat(m).doesNotContainKey("roc_auc");
      }
      assertThat(m).containsKey("confusion_matrix");
    }
  }

  @Test
  void regressionMetricsMatchNumpy() {
    JsonNode c = DriftFixtures.root().get("regression");
    Map<String, Object> m =
        ModelQuality.regression(
            DriftFixtures.doubles(c.get("labels")), DriftFixtures.doubles(c.get("predictions")));
    for (String k :
        List.of(
            "mean_squared_error",
            "root_mean_squared_error",
            "mean_absolute_error",
            "mean_absolute_percentage_error",
            "r2_score")) {
      close(m.get(k), c.get(k).asDouble(), k);
    }
  }
}
