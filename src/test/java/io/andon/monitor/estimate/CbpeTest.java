package io.andon.monitor.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.monitor.chunk.Chunk;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.Chunking;
import io.andon.monitor.chunk.Frame;
import io.andon.monitor.chunk.NannyFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CBPE against the values computed with scikit-learn from the published method. */
class CbpeTest {
  @TempDir static Path dir;
  private static List<ChunkSeries> series;
  private static final JsonNode EXPECTED = NannyFixtures.expected().get("cbpe");

  static Cbpe.Rows rows(Frame f) {
    double[] y = f.number("y");
    double[] yhat = f.number("yhat");
    boolean[] label = new boolean[y.length];
    boolean[] pred = new boolean[y.length];
    for (int i = 0; i < y.length; i++) {
      label[i] = y[i] == 1;
      pred[i] = yhat[i] == 1;
    }
    return new Cbpe.Rows(f.number("p"), pred, label);
  }

  @BeforeAll
  static void estimate() {
    List<String> cols = List.of("p", "y", "yhat");
    Frame ref = NannyFixtures.frame(dir, "classification_reference.csv", cols, List.of());
    Frame cur = NannyFixtures.frame(dir, "classification_analysis.csv", cols, List.of());
    Chunking c = Chunking.bySize(NannyFixtures.CHUNK);
    series =
        Cbpe.estimate(
            rows(ref), c.split(ref.rows(), "ref"), rows(cur), c.split(cur.rows(), "cur"), 3);
  }

  @Test
  void theRealizedMetricsOfReferenceChunksAndTheirBandsMatchScikitLearn() {
    for (ChunkSeries s : series) {
      JsonNode realized = EXPECTED.get("reference_realized").get(s.metric());
      List<ChunkValue> ref = s.values().stream().filter(ChunkValue::reference).toList();
      assertThat(ref).hasSize(realized.size());
      for (int i = 0; i < ref.size(); i++) {
        assertThat(ref.get(i).value())
            .as(s.metric())
            .isCloseTo(realized.get(i).asDouble(), within(1e-12));
      }
      JsonNode t = EXPECTED.get("thresholds").get(s.metric());
      assertThat(s.threshold().lower()).isCloseTo(t.get("lower").asDouble(), within(1e-12));
      assertThat(s.threshold().upper()).isCloseTo(t.get("upper").asDouble(), within(1e-12));
    }
  }

  @Test
  void theEstimatedMetricsSamplingErrorsAndConfidenceBandsMatchTheIndependentComputation() {
    assertThat(series).extracting(ChunkSeries::metric).containsExactlyElementsOf(Cbpe.METRICS);
    JsonNode analysis = EXPECTED.get("analysis");
    for (ChunkSeries s : series) {
      List<ChunkValue> cur = s.analysis();
      assertThat(cur).hasSize(analysis.size());
      for (int i = 0; i < cur.size(); i++) {
        JsonNode e = analysis.get(i).get("metrics").get(s.metric());
        ChunkValue v = cur.get(i);
        assertThat(v.chunk())
            .isEqualTo(
                new Chunk(
                    i, analysis.get(i).get("start").asInt(), analysis.get(i).get("end").asInt()));
        assertThat(v.value())
            .as(s.metric() + " chunk " + i)
            .isCloseTo(e.get("value").asDouble(), within(1e-9));
        assertThat(v.samplingError().getAsDouble())
            .isCloseTo(e.get("sampling_error").asDouble(), within(1e-12));
        assertThat(v.lowerConfidence().getAsDouble())
            .isCloseTo(e.get("lower_confidence").asDouble(), within(1e-9));
        assertThat(v.upperConfidence().getAsDouble())
            .isCloseTo(e.get("upper_confidence").asDouble(), within(1e-9));
        assertThat(v.alert())
            .as(s.metric() + " alert, chunk " + i)
            .isEqualTo(e.get("alert").asBoolean());
      }
    }
  }

  @Test
  void theEstimatedAccuracyFallsOnlyAfterTheInjectedDrift() {
    ChunkSeries f1 = series.stream().filter(s -> s.metric().equals("f1")).findFirst().orElseThrow();
    List<ChunkValue> cur = f1.analysis();
    int drift = NannyFixtures.expected().get("drift_row").asInt() / NannyFixtures.CHUNK;
    for (int i = 0; i < cur.size(); i++) {
      assertThat(cur.get(i).alert()).as("chunk " + i).isEqualTo(i >= drift);
    }
  }
}
