package io.andon.monitor.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.monitor.chunk.Chunk;
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

/**
 * PCA reconstruction and the domain classifier against scikit-learn's PCA and k-NN classifier, on a
 * table whose x1-x2 correlation breaks at a known chunk.
 */
class MultivariateDriftTest {
  @TempDir static Path dir;
  private static final JsonNode EXPECTED = NannyFixtures.expected();
  private static double[][] ref;
  private static double[][] cur;
  private static List<Chunk> refChunks;
  private static List<Chunk> curChunks;

  @BeforeAll
  static void read() {
    List<String> num = List.of("x1", "x2", "x3");
    Frame r = NannyFixtures.frame(dir, "classification_reference.csv", num, List.of("c"));
    Frame a = NannyFixtures.frame(dir, "classification_analysis.csv", num, List.of("c"));
    Design d = new Design(r, num, List.of("c"));
    ref = d.matrix(r);
    cur = d.matrix(a);
    Chunking c = Chunking.bySize(NannyFixtures.CHUNK);
    refChunks = c.split(r.rows(), "ref");
    curChunks = c.split(a.rows(), "cur");
  }

  private static void alertsFromTheDrift(ChunkSeries s) {
    int drift = EXPECTED.get("drift_row").asInt() / NannyFixtures.CHUNK;
    List<ChunkValue> v = s.analysis();
    for (int i = 0; i < v.size(); i++) {
      assertThat(v.get(i).alert()).as(s.method() + " chunk " + i).isEqualTo(i >= drift);
    }
  }

  @Test
  void pcaKeepsTheComponentsExplaining65PercentAndItsErrorsMatchScikitLearn() {
    JsonNode e = EXPECTED.get("pca_reconstruction");
    assertThat(new PcaReconstruction(ref).components()).isEqualTo(e.get("components").asInt());
    ChunkSeries s = PcaReconstruction.series(ref, refChunks, cur, curChunks, 3);
    List<ChunkValue> rv = s.values().stream().filter(ChunkValue::reference).toList();
    for (int i = 0; i < rv.size(); i++) {
      assertThat(rv.get(i).value())
          .isCloseTo(e.get("reference_values").get(i).asDouble(), within(1e-9));
    }
    assertThat(s.threshold().upper())
        .isCloseTo(e.get("threshold").get("upper").asDouble(), within(1e-9));
    assertThat(s.threshold().lower())
        .isCloseTo(e.get("threshold").get("lower").asDouble(), within(1e-9));
    for (int i = 0; i < s.analysis().size(); i++) {
      JsonNode x = e.get("analysis").get(i);
      ChunkValue v = s.analysis().get(i);
      assertThat(v.value()).isCloseTo(x.get("value").asDouble(), within(1e-9));
      assertThat(v.samplingError().getAsDouble())
          .isCloseTo(x.get("sampling_error").asDouble(), within(1e-9));
      assertThat(v.alert()).isEqualTo(x.get("alert").asBoolean());
    }
    alertsFromTheDrift(s);
  }

  @Test
  void theDomainClassifiersCrossValidatedAucMatchesScikitLearn() {
    JsonNode e = EXPECTED.get("domain_classifier");
    ChunkSeries s = DomainClassifier.series(ref, refChunks, cur, curChunks, 3);
    List<ChunkValue> rv = s.values().stream().filter(ChunkValue::reference).toList();
    for (int i = 0; i < rv.size(); i++) {
      assertThat(rv.get(i).value())
          .as("reference chunk " + i)
          .isCloseTo(e.get("reference_values").get(i).asDouble(), within(1e-12));
    }
    assertThat(s.threshold().upper())
        .isCloseTo(e.get("threshold").get("upper").asDouble(), within(1e-12));
    for (int i = 0; i < s.analysis().size(); i++) {
      assertThat(s.analysis().get(i).value())
          .as("chunk " + i)
          .isCloseTo(e.get("analysis").get(i).get("value").asDouble(), within(1e-12));
    }
    alertsFromTheDrift(s);
  }
}
