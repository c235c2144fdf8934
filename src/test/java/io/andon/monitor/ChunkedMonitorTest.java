package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.andon.error.InvalidInputException;
import io.andon.monitor.chunk.ChunkSeries;
import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.chunk.NannyFixtures;
import io.andon.monitor.report.MonitorJson;
import io.andon.store.Store;
import io.andon.store.StoreRows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitor file with chunking, thresholds from reference chunks, performance estimation and
 * multivariate drift, run end to end on the generated tables whose drift starts at a known chunk.
 */
class ChunkedMonitorTest {
  @TempDir static Path dir;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
  private static final JsonNode EXPECTED = NannyFixtures.expected();
  private static final int DRIFT_CHUNK = EXPECTED.get("drift_row").asInt() / NannyFixtures.CHUNK;
  private static MonitorResult classification;

  @BeforeAll
  static void runTheClassificationMonitor() throws Exception {
    for (String f :
        List.of(
            "classification_reference.csv",
            "classification_analysis.csv",
            "regression_reference.csv",
            "regression_analysis.csv")) {
      NannyFixtures.copy(dir, f);
    }
    classification =
        run(
            "classification.yaml",
            """
        table: classification_analysis.csv
        baseline_table: classification_reference.csv
        profile_type: inference_log
        timestamp_col: ts
        prediction_col: yhat
        prediction_proba_col: p
        label_col: y
        problem_type: classification
        categorical: [c]
        min_sample: 200
        chunking: {by: size, size: 250}
        reference_thresholds: {population_stability_index: 3}
        performance_estimation: true
        multivariate: {methods: [pca_reconstruction, domain_classifier], columns: [x1, x2, x3, c]}
        """);
  }

  static MonitorResult run(String name, String yaml) throws Exception {
    return MonitorFixture.run(new MonitorFixture(dir).write(name, yaml), CLOCK);
  }

  private static ChunkSeries series(MonitorResult r, String method, String metric) {
    return r.chunked().stream()
        .map(ChunkedRow::series)
        .filter(s -> s.method().equals(method) && s.metric().equals(metric))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void cbpeThroughTheMonitorGivesTheValuesComputedInPython() {
    for (String metric : io.andon.monitor.estimate.Cbpe.METRICS) {
      List<ChunkValue> v = series(classification, "cbpe", metric).analysis();
      JsonNode e = EXPECTED.get("cbpe").get("analysis");
      assertThat(v).hasSize(e.size());
      for (int i = 0; i < v.size(); i++) {
        assertThat(v.get(i).value())
            .as(metric + " chunk " + i)
            .isCloseTo(e.get(i).get("metrics").get(metric).get("value").asDouble(), within(1e-9));
      }
    }
  }

  @Test
  void pcaAndTheDomainClassifierAlertFromTheDriftedChunkOn() {
    for (String[] m :
        new String[][] {
          {"pca_reconstruction", "reconstruction_error"}, {"domain_classifier", "auc"}
        }) {
      List<ChunkValue> v = series(classification, m[0], m[1]).analysis();
      JsonNode e = EXPECTED.get(m[0]).get("analysis");
      for (int i = 0; i < v.size(); i++) {
        assertThat(v.get(i).value()).isCloseTo(e.get(i).get("value").asDouble(), within(1e-9));
        assertThat(v.get(i).alert()).as(m[0] + " chunk " + i).isEqualTo(i >= DRIFT_CHUNK);
      }
    }
  }

  @Test
  void thePsiThresholdOfAColumnIsLearnedFromReferenceChunksAndDecidesItsDriftRows() {
    JsonNode e = EXPECTED.get("reference_thresholds");
    ChunkSeries s =
        classification.chunked().stream()
            .map(ChunkedRow::series)
            .filter(x -> x.method().equals("reference_threshold") && x.column().equals("x3"))
            .findFirst()
            .orElseThrow();
    assertThat(s.values()).hasSize(e.get("reference_values").size());
    for (int i = 0; i < s.values().size(); i++) {
      assertThat(s.values().get(i).value())
          .isCloseTo(e.get("reference_values").get(i).asDouble(), within(1e-9));
    }
    double upper = e.get("threshold").get("upper").asDouble();
    assertThat(s.threshold().upper()).isCloseTo(upper, within(1e-9));
    assertThat(classification.options().columnThresholds().get("x3").psi())
        .isCloseTo(upper, within(1e-9));
    List<MonitorResult.DriftRow> x3 =
        classification.drifts().stream()
            .filter(d -> d.drift().columnName().equals("x3") && d.driftType().equals("BASELINE"))
            .toList();
    assertThat(x3).hasSize(EXPECTED.get("cbpe").get("analysis").size());
    assertThat(x3.get(0).group().granularity()).isEqualTo("chunk size 250");
    for (int i = 0; i < x3.size(); i++) {
      JsonNode a = e.get("analysis").get(i);
      assertThat(x3.get(i).drift().populationStabilityIndex().getAsDouble())
          .isCloseTo(a.get("value").asDouble(), within(1e-9));
      assertThat(x3.get(i).drift().driftDetected()).as("x3 chunk " + i).isEqualTo(i >= DRIFT_CHUNK);
    }
  }

  @Test
  void chunksBySizeAreWindowsOfTheMonitorWithTheTimeTheySpan() {
    List<MonitorResult.DriftRow> rows =
        classification.drifts().stream()
            .filter(d -> d.drift().columnName().equals("x1") && d.driftType().equals("BASELINE"))
            .toList();
    assertThat(rows.get(0).group().windowStart()).contains(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(rows.get(0).group().windowEnd()).contains(Instant.parse("2026-02-01T04:09:00Z"));
    assertThat(classification.drifts())
        .anyMatch(d -> d.driftType().equals("CONSECUTIVE") && d.windowCmpStart().isPresent());
  }

  @Test
  void theChunkedValuesLandInTheStoreAndTheJson() throws Exception {
    try (Store store = Store.open(dir.resolve("home"))) {
      MetricsStore.append(store, classification);
      assertThat(
              StoreRows.first(
                  store,
                  "SELECT count(*), sum(alert) FROM chunk_metrics WHERE"
                      + " method = 'cbpe' AND metric = 'f1' AND period = 'ANALYSIS'"))
          .isEqualTo("8 " + (8 - DRIFT_CHUNK));
    }
    JsonNode json = MonitorJson.toJson(classification);
    assertThat(json.get("chunked_alerts").asInt()).isEqualTo(classification.chunkedAlerts().size());
    JsonNode dc =
        java.util.stream.StreamSupport.stream(json.get("chunked").spliterator(), false)
            .filter(n -> n.get("method").asText().equals("domain_classifier"))
            .findFirst()
            .orElseThrow();
    assertThat(dc.get("alerting_chunks").asInt()).isEqualTo(8 - DRIFT_CHUNK);
    assertThat(dc.get("chunks")).hasSize(16 + 8);
  }

  @Test
  void dleThroughTheMonitorGivesTheValuesComputedInPython() throws Exception {
    MonitorResult r =
        run(
            "regression.yaml",
            """
            table: regression_analysis.csv
            baseline_table: regression_reference.csv
            profile_type: inference_log
            timestamp_col: ts
            prediction_col: yhat
            label_col: y
            problem_type: regression
            categorical: [c]
            min_sample: 200
            chunking: {by: size, size: 250}
            performance_estimation: {std: 3, neighbours: 25}
            """);
    for (String metric : List.of("mae", "mse")) {
      List<ChunkValue> v = series(r, "dle", metric).analysis();
      JsonNode e = EXPECTED.get("dle").get("analysis");
      for (int i = 0; i < v.size(); i++) {
        assertThat(v.get(i).value())
            .as(metric + " chunk " + i)
            .isCloseTo(e.get(i).get("metrics").get(metric).get("value").asDouble(), within(1e-9));
        assertThat(v.get(i).alert()).isEqualTo(i >= DRIFT_CHUNK);
      }
    }
  }

  @Test
  void withTimeChunkingTheMethodsCutTheTableByItsFirstGranularity() throws Exception {
    MonitorResult r =
        run(
            "daily.yaml",
            """
            table: classification_analysis.csv
            baseline_table: classification_reference.csv
            profile_type: time_series
            timestamp_col: ts
            granularities: ["1 hour"]
            min_sample: 200
            multivariate: {methods: [pca_reconstruction]}
            """);
    ChunkedRow row = r.chunked().get(0);
    assertThat(row.chunking()).isEqualTo("1 hour");
    // 2,000 minutes from midnight: 34 hours, the last one partial; the reference in 10 chunks
    assertThat(row.series().analysis()).hasSize(34);
    assertThat(row.series().values()).hasSize(10 + 34);
    assertThat(row.series().analysis().get(0).chunk().rows()).isEqualTo(60);
    assertThat(row.windows().get(10)).isPresent();
  }

  @Test
  void chunkedMethodsWithoutWhatTheyNeedAreLocatedProblems() throws Exception {
    Path m = dir.resolve("bad.yaml");
    Files.writeString(
        m,
        """
        table: classification_analysis.csv
        profile_type: time_series
        timestamp_col: ts
        chunking: {by: size}
        multivariate: {methods: [pca]}
        performance_estimation: true
        """);
    assertThatThrownBy(() -> MonitorLoader.load(m))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad.yaml:4")
        .hasMessageContaining("chunking by size needs 'size'")
        .hasMessageContaining("multivariate method must be pca_reconstruction or domain_classifier")
        .hasMessageContaining("learns from the reference: the monitor needs 'baseline_table'")
        .hasMessageContaining("'performance_estimation' applies to inference_log monitors only");
  }
}
