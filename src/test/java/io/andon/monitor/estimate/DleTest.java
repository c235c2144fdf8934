package io.andon.monitor.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.chunk.Design;
import io.andon.monitor.chunk.Frame;
import io.andon.monitor.chunk.NannyFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DLE against the values computed with scikit-learn's k-NN regressor. */
class DleTest {
  @TempDir static Path dir;
  private static List<ChunkSeries> series;
  private static final JsonNode EXPECTED = NannyFixtures.expected().get("dle");

  @BeforeAll
  static void estimate() {
    List<String> num = List.of("x1", "x2", "yhat", "y");
    Frame ref = NannyFixtures.frame(dir, "regression_reference.csv", num, List.of("c"));
    Frame cur = NannyFixtures.frame(dir, "regression_analysis.csv", num, List.of("c"));
    Design d = new Design(ref, List.of("x1", "x2", "yhat"), List.of("c"));
    double[] err = new double[ref.rows()];
    for (int i = 0; i < err.length; i++) {
      err[i] = ref.number("y")[i] - ref.number("yhat")[i];
    }
    Chunking c = Chunking.bySize(NannyFixtures.CHUNK);
    series =
        Dle.estimate(
            d.matrix(ref),
            err,
            c.split(ref.rows(), "ref"),
            d.matrix(cur),
            c.split(cur.rows(), "cur"),
            Dle.K,
            3);
  }

  @Test
  void theEstimatedMaeAndMseMatchTheIndependentComputation() {
    assertThat(series).extracting(ChunkSeries::metric).containsExactly("mae", "mse");
    for (ChunkSeries s : series) {
      JsonNode realized = EXPECTED.get("reference_realized").get(s.metric());
      List<ChunkValue> ref = s.values().stream().filter(ChunkValue::reference).toList();
      for (int i = 0; i < ref.size(); i++) {
        assertThat(ref.get(i).value()).isCloseTo(realized.get(i).asDouble(), within(1e-9));
      }
      JsonNode t = EXPECTED.get("thresholds").get(s.metric());
      assertThat(s.threshold().upper()).isCloseTo(t.get("upper").asDouble(), within(1e-9));
      assertThat(s.threshold().lower()).isCloseTo(t.get("lower").asDouble(), within(1e-9));
      List<ChunkValue> cur = s.analysis();
      for (int i = 0; i < cur.size(); i++) {
        JsonNode e = EXPECTED.get("analysis").get(i).get("metrics").get(s.metric());
        assertThat(cur.get(i).value())
            .as(s.metric() + " chunk " + i)
            .isCloseTo(e.get("value").asDouble(), within(1e-9));
        assertThat(cur.get(i).samplingError().getAsDouble())
            .isCloseTo(e.get("sampling_error").asDouble(), within(1e-12));
        assertThat(cur.get(i).upperConfidence().getAsDouble())
            .isCloseTo(e.get("upper_confidence").asDouble(), within(1e-9));
        assertThat(cur.get(i).alert()).isEqualTo(e.get("alert").asBoolean());
      }
    }
  }

  @Test
  void theEstimatedErrorAlertsFromTheChunkWhereTheNoiseGrew() {
    int drift = NannyFixtures.expected().get("drift_row").asInt() / NannyFixtures.CHUNK;
    for (ChunkSeries s : series) {
      List<ChunkValue> cur = s.analysis();
      for (int i = 0; i < cur.size(); i++) {
        assertThat(cur.get(i).alert()).as(s.metric() + " chunk " + i).isEqualTo(i >= drift);
      }
    }
  }
}
