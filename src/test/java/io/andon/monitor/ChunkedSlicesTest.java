package io.andon.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.andon.monitor.chunk.ChunkValue;
import io.andon.monitor.report.MonitorJson;
import io.andon.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunked methods per slice, on generated data with a known answer. Three regions: A (2,000
 * reference rows, 2,100 analysed), B (2,000 and 2,000) and C (60 and 60). x2 follows x1 (x2 = 0.9
 * x1 + noise) except in region B from its 1,001st analysed row on, where x2 = -0.9 x1 + noise: a
 * broken correlation that no column shows alone, so PCA reconstruction, by 250-row chunks, must
 * alert region B's chunks 4-7 and no chunk of region A; region A's last 100 rows (a chunk smaller
 * than the reference chunks) carry the same break, but are too few to be judged: NOT_ENOUGH_DATA,
 * never an alert; region C is too small for any chunk. x4 shifts by one standard deviation in
 * region B from the same row: its PSI threshold is learned from region B's own reference chunks.
 */
class ChunkedSlicesTest {
  @TempDir static Path dir;
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);
  private static MonitorResult result;

  private static void rows(
      StringBuilder out, SplittableRandom r, String region, int n, int breakFrom, int minute0) {
    for (int k = 0; k < n; k++) {
      double x1 = r.nextGaussian();
      double x2 = (k >= breakFrom ? -0.9 : 0.9) * x1 + 0.3 * r.nextGaussian();
      double x3 = r.nextGaussian();
      double x4 = r.nextGaussian() + (region.equals("B") && k >= breakFrom ? 1 : 0);
      LocalDateTime ts = LocalDateTime.of(2026, 2, 1, 0, 0).plusMinutes(minute0 + 3L * k);
      out.append(
          String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.6f,%.6f%n", ts, region, x1, x2, x3, x4));
    }
  }

  @BeforeAll
  static void runTheSlicedMonitor() throws Exception {
    SplittableRandom r = new SplittableRandom(20);
    StringBuilder ref = new StringBuilder("ts,region,x1,x2,x3,x4\n");
    rows(ref, r, "A", 2000, Integer.MAX_VALUE, 0);
    rows(ref, r, "B", 2000, Integer.MAX_VALUE, 1);
    rows(ref, r, "C", 60, Integer.MAX_VALUE, 2);
    StringBuilder log = new StringBuilder("ts,region,x1,x2,x3,x4\n");
    rows(log, r, "A", 2100, 2000, 0);
    rows(log, r, "B", 2000, 1000, 1);
    rows(log, r, "C", 60, Integer.MAX_VALUE, 2);
    Files.writeString(dir.resolve("ref.csv"), ref);
    Files.writeString(dir.resolve("log.csv"), log);
    Path m = dir.resolve("m.yaml");
    Files.writeString(
        m,
        """
        name: regions
        table: log.csv
        baseline_table: ref.csv
        profile_type: time_series
        timestamp_col: ts
        granularities: ["1 week"]
        slicing_exprs: [region]
        chunking: {by: size, size: 250}
        reference_thresholds: {population_stability_index: 3}
        multivariate: {methods: [pca_reconstruction], columns: [x1, x2, x3]}
        """);
    result = new MonitorRun(MonitorLoader.load(m), CLOCK, line -> {}).run();
  }

  private static Optional<ChunkedRow> slice(String value) {
    return slice("pca_reconstruction", "", value);
  }

  private static Optional<ChunkedRow> slice(String method, String column, String value) {
    return result.chunked().stream()
        .filter(c -> c.series().method().equals(method) && c.series().column().equals(column))
        .filter(c -> c.sliceValue().equals(Optional.of(value)))
        .filter(c -> c.sliceKey().equals(Optional.of("region")))
        .findFirst();
  }

  private static List<String> statuses(ChunkedRow row) {
    return row.series().analysis().stream().map(ChunkValue::status).toList();
  }

  @Test
  void aBreakInOneSliceAlertsThatSliceFromTheChunkItStartsIn() {
    ChunkedRow b = slice("B").orElseThrow();
    assertThat(b.series().method()).isEqualTo("pca_reconstruction");
    assertThat(b.series().values().stream().filter(ChunkValue::reference)).hasSize(8);
    assertThat(statuses(b))
        .containsExactly(
            "NO_ALERT", "NO_ALERT", "NO_ALERT", "NO_ALERT", "ALERT", "ALERT", "ALERT", "ALERT");
  }

  @Test
  void theOtherSliceDoesNotAlertAndItsChunkTooSmallToJudgeIsNotEnoughData() {
    ChunkedRow a = slice("A").orElseThrow();
    assertThat(statuses(a))
        .containsExactly(
            "NO_ALERT",
            "NO_ALERT",
            "NO_ALERT",
            "NO_ALERT",
            "NO_ALERT",
            "NO_ALERT",
            "NO_ALERT",
            "NO_ALERT",
            "NOT_ENOUGH_DATA");
    ChunkValue small = a.series().analysis().get(8);
    assertThat(small.chunk().rows()).isEqualTo(100);
    assertThat(small.alert()).isFalse();
    assertThat(small.value())
        .as("the break is there, its value is far above the band, yet it is not judged")
        .isGreaterThan(a.series().threshold().upper());
  }

  @Test
  void aSliceTooSmallForAChunkIsNotEnoughDataWithAWarningNeverAnAlert() {
    assertThat(slice("C")).isEmpty();
    assertThat(result.warnings())
        .anyMatch(
            w ->
                w.startsWith(
                    "the chunked methods of the slice [region=C] are NOT_ENOUGH_DATA: its baseline"
                        + " has 60 rows"));
  }

  @Test
  void slicedRowsCarryTheirSliceInTheJsonAndTheStore() throws Exception {
    var json = MonitorJson.toJson(result).get("chunked");
    List<String> objects = new ArrayList<>();
    json.forEach(
        o ->
            objects.add(
                o.get("slice_key").asText()
                    + "="
                    + o.get("slice_value").asText()
                    + " "
                    + o.get("alerting_chunks").asInt()
                    + " "
                    + o.get("not_enough_data_chunks").asInt()));
    assertThat(objects).contains("region=A 0 1", "region=B 4 0");
    try (Store store = Store.open(dir.resolve("home"))) {
      MetricsStore.append(store, result);
      List<String> rows =
          store.read(
              c -> {
                List<String> out = new ArrayList<>();
                try (Statement s = c.createStatement();
                    ResultSet rs =
                        s.executeQuery(
                            "SELECT slice_value, status, count(*) FROM chunk_metrics WHERE"
                                + " slice_key = 'region' AND period = 'ANALYSIS' GROUP BY 1, 2"
                                + " ORDER BY 1, 2")) {
                  while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
                  }
                }
                return out;
              });
      assertThat(rows)
          .containsExactly("A NOT_ENOUGH_DATA 1", "A NO_ALERT 8", "B ALERT 4", "B NO_ALERT 4");
    }
  }

  @Test
  void eachSliceLearnsItsOwnThresholdFromItsReferenceChunksAndItsDriftRowsUseIt() {
    ChunkedRow learnedB = slice("reference_threshold", "x4", "B").orElseThrow();
    ChunkedRow learnedA = slice("reference_threshold", "x4", "A").orElseThrow();
    ChunkedRow whole =
        result.chunked().stream()
            .filter(c -> c.series().method().equals("reference_threshold"))
            .filter(c -> c.series().column().equals("x4") && c.sliceKey().isEmpty())
            .findFirst()
            .orElseThrow();
    assertThat(learnedB.series().values()).hasSize(8);
    assertThat(whole.series().values()).hasSize(17);
    double upperB = learnedB.series().threshold().upper();
    assertThat(upperB).isNotEqualTo(learnedA.series().threshold().upper());
    List<MonitorResult.DriftRow> x4 =
        result.drifts().stream()
            .filter(d -> d.driftType().equals("BASELINE") && d.drift().columnName().equals("x4"))
            .filter(d -> d.group().granularity().equals("1 week"))
            .toList();
    List<String> drifted =
        x4.stream()
            .filter(d -> d.drift().driftDetected())
            .map(d -> d.group().sliceValue().orElse("all"))
            .distinct()
            .toList();
    assertThat(drifted).contains("B").doesNotContain("A");
    assertThat(
            x4.stream()
                .filter(d -> d.group().sliceValue().equals(Optional.of("B")))
                .filter(d -> d.drift().driftDetected())
                .map(d -> d.drift().reason()))
        .allMatch(
            reason ->
                reason.contains("population_stability_index ")
                    && reason.contains(" >= " + DriftAnalysis.fmt(upperB)));
    assertThat(result.warnings())
        .anyMatch(
            w ->
                w.startsWith("the baseline of the slice [region=C] has 60 rows")
                    && w.endsWith("keep the thresholds learned from the whole baseline."));
  }
}
